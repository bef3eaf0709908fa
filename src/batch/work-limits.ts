import { integer } from '../report/format.js';

/**
 * How much work one command may start without being asked twice. A typo in --runs or one
 * more --vary multiplies the work a thousandfold; these bounds catch that before the first
 * branch, say the size, and let `--yes` go ahead. Hard limits (past which no --yes helps)
 * stay where the option is read: --runs (MAX_RUNS), a sweep's points and steps.
 */
export const WORK_LIMITS = {
  /** Branches one command runs without --yes: at 1–2 million branches a second on two cores, one to several hours. */
  maxBranches: 1e10,
  /** From this many branches (a minute or more) a command states its size on stderr before it starts. */
  announceBranches: 1e8,
  /** Values of a discovery's Latin hypercube (samples × parameters, 8 bytes each: 160 MB) held without --yes. */
  maxDesignValues: 20_000_000,
  /** Largest --runs of any command: a longer run is a job for shards. */
  maxRuns: 1_000_000_000,
  /** A sweep's points (grid or hypercube), a hard limit: a larger study is several sweeps or a hypercube. */
  maxSweepPoints: 10_000,
  /** Steps of one --vary, a hard limit. */
  maxSweepSteps: 1_000,
  /** Hypercube samples `discover` accepts at all; past maxDesignValues it also needs --yes. */
  maxDiscoverSamples: 1_000_000,
  /** The speed a refusal quotes its time at: russia-2000 on a pool of two threads. Slower scenarios take longer. */
  nominalBranchesPerSecond: 2e6,
} as const;

/** The size of a command's work, as it will state it. */
export interface Work {
  /** The command, as the line starts: `sweep`, `discover`. */
  readonly command: string;
  /** How the total is made, e.g. "10,201 points × 1,000,000 branches"; left out when the total says it all. */
  readonly made?: string;
  readonly branches: number;
  /** Values of a design held in memory at once (discovery's hypercube). */
  readonly designValues?: number;
  /** How to ask for less, for the refusal: "fewer points, fewer --runs or --shard i/n". */
  readonly smaller?: string;
}

/** What to do before starting: state the size or not, and refuse (with the reason) or not. */
export interface WorkDecision {
  /** The line to put on stderr before starting, when the work is large enough to matter. */
  readonly announce?: string;
  /** Why it needs --yes; undefined when within the budget or confirmed. */
  readonly refusal?: string;
}

/** 1.0e10: short enough for a line, exact enough for a budget. */
export function scientific(n: number): string {
  return n.toExponential(1).replace('e+', 'e');
}

/** "1 branch", "20,000 branches". */
export function branchCount(n: number): string {
  return `${integer(n)} ${n === 1 ? 'branch' : 'branches'}`;
}

/** The size line: "sweep: 10,201 points × 1,000,000 branches = 1.0e10 branches". */
export function workLine(work: Work): string {
  const total = work.made === undefined ? branchCount(work.branches) : `${work.made} = ${scientific(work.branches)} branches`;
  return `${work.command}: ${total}`;
}

/** A duration read at a glance: "40 minutes", "1.4 hours", "58 days". */
export function roughDuration(seconds: number): string {
  if (seconds < 1.5) return '1 second';
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} hours`;
  if (seconds < 2 * 365 * 86400) return `${Math.round(seconds / 86400)} days`;
  return `${Math.round(seconds / (365 * 86400))} years`;
}

/**
 * Whether a command may start: over a budget it needs `yes`. Pure, so the decision is tested
 * in-process at any size without running anything.
 */
export function decideWork(work: Work, yes: boolean): WorkDecision {
  const line = workLine(work);
  const overBranches = work.branches > WORK_LIMITS.maxBranches;
  const overDesign = work.designValues !== undefined && work.designValues > WORK_LIMITS.maxDesignValues;
  const announce = work.branches >= WORK_LIMITS.announceBranches || overBranches || overDesign ? line : undefined;
  if (yes || (!overBranches && !overDesign)) return announce === undefined ? {} : { announce };
  const reasons: string[] = [];
  if (overBranches) {
    const time = roughDuration(work.branches / WORK_LIMITS.nominalBranchesPerSecond);
    reasons.push(`over the budget of ${scientific(WORK_LIMITS.maxBranches)} branches (about ${time} at ${integer(WORK_LIMITS.nominalBranchesPerSecond)} branches a second)`);
  }
  if (overDesign) {
    const mb = Math.ceil((work.designValues! * 8) / 1e6);
    reasons.push(`its design holds ${integer(work.designValues!)} values (${integer(mb)} MB), over the budget of ${integer(WORK_LIMITS.maxDesignValues)}`);
  }
  return { refusal: `${line}: ${reasons.join('; ')}; give --yes to run it anyway${work.smaller === undefined ? '' : `, or ask for less: ${work.smaller}`}` };
}
