import { EXITS, type Tally } from '../../engine/index.js';
import { STAGES } from '../../model/outcome.js';
import { MEASURE_NAMES, measureCount, measureName, parseMeasure, type Measure } from '../design/factors.js';

/**
 * What a rewrite must reach: the share of an outcome or of a funnel stage, at least or at most
 * a threshold (`joined>=0.3`, `vetoed<=50%`), optionally counting only outcomes by a year.
 */
export interface Target {
  readonly measure: Measure;
  readonly op: '>=' | '<=';
  /** A share in [0, 1]. */
  readonly threshold: number;
  /** Count only branches whose outcome came by the end of this year. */
  readonly by?: number;
}

/** The target, or why the text is not one (for an exit-2 message). */
export function parseTarget(text: string, by?: number): { ok: true; target: Target } | { ok: false; message: string } {
  const m = /^\s*([a-z_]+)\s*(>=|<=)\s*([0-9.]+)\s*(%?)\s*$/.exec(text);
  if (m === null) return { ok: false, message: `--target must look like outcome>=share or outcome<=share, e.g. joined>=0.3 or vetoed<=50%; got "${text}"` };
  const measure = parseMeasure(m[1]!);
  if (measure === undefined) return { ok: false, message: `--target: "${m[1]}" is not an outcome or a funnel stage; use one of ${MEASURE_NAMES.join(', ')}` };
  const value = Number(m[3]) / (m[4] === '%' ? 100 : 1);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(m[3]!) || !(value >= 0 && value <= 1)) {
    return { ok: false, message: `--target: the share must lie between 0 and 1 (or 0% and 100%); got "${m[3]}${m[4]}"` };
  }
  if (by !== undefined && measure.kind === 'stage') {
    return { ok: false, message: `--by counts outcomes by the year they came; "${m[1]}" is a funnel stage, which has no year: drop --by or target an outcome` };
  }
  return { ok: true, target: by === undefined ? { measure, op: m[2] as Target['op'], threshold: value } : { measure, op: m[2] as Target['op'], threshold: value, by } };
}

/** `joined >= 30%`, `joined >= 30% by 1999`. */
export function targetText(t: Target): string {
  const share = `${Math.round(t.threshold * 1000) / 10}%`;
  return `${measureName(t.measure)} ${t.op} ${share}${t.by === undefined ? '' : ` by ${t.by}`}`;
}

/** Branches of a tally that count towards the target's measure. */
export function targetCount(t: Tally, target: Target, years: { readonly startYear: number; readonly years: number }): number {
  const m = target.measure;
  if (target.by === undefined || m.kind === 'stage') return measureCount(t, m);
  const last = Math.min(years.years - 1, target.by - years.startYear);
  let n = 0;
  for (let e = 0; e < EXITS.length; e++) {
    if (EXITS[e]!.outcome !== m.outcome) continue;
    for (let y = 0; y <= last; y++) n += t.exitYears[e * years.years + y]!;
  }
  return n;
}

/**
 * The search's tie-breaker while the target's own share barely moves (often 0 everywhere): how
 * far branches get along the funnel towards it. Each stage a branch must pass to reach the
 * target's measure counts with a weight that falls fourfold per stage back from it: for
 * `joined`, ratified 1/4, invited 1/16, applied 1/64, interested 1/256. So the stage just
 * before the target leads, and an earlier one decides only where the later ones do not move.
 * The invitation, all or nothing under unanimity, is given partial credit: a vote refused by
 * k Allies counts 2^-k of an invitation (k averaged over the refused votes), so fewer Allies
 * refusing is progress before any vote passes. A guide, never the target: meeting the target
 * is judged on its own share alone. Zero for a `<=` target (the start is where its share is
 * highest) and for `no_application`.
 */
export function funnelGuide(t: Tally, target: Target): number {
  if (target.op !== '>=' || t.runs === 0) return 0;
  const before = stagesBefore(target.measure);
  const invited = STAGES.indexOf('invited');
  let sum = 0;
  for (let k = 0; k < before; k++) sum += ((k === invited ? softInvitations(t) : t.funnel[k]!) / t.runs) * 4 ** -(before - k);
  return sum;
}

const VETOED = EXITS.findIndex((e) => e.exit === 'vetoed');
const HELD_OUT = EXITS.findIndex((e) => e.exit === 'held_out');

/** Invitations, plus each refused vote as 2^-k of one, k the mean number of Allies that refused. */
export function softInvitations(t: Tally): number {
  const refused = t.exits[VETOED]! + t.exits[HELD_OUT]!;
  let objectors = 0;
  for (let i = 0; i < t.objectors.length; i++) objectors += t.objectors[i]!;
  return t.funnel[STAGES.indexOf('invited')]! + (refused === 0 ? 0 : refused * 2 ** -(objectors / refused));
}

/** How many funnel stages (from the first) a branch passes on its way to the measure. */
function stagesBefore(m: Measure): number {
  const index = (s: string) => (STAGES as readonly string[]).indexOf(s);
  if (m.kind === 'stage') return index(m.stage);
  switch (m.outcome) {
    case 'joined':
      return index('joined');
    case 'ratification_failed':
      return index('invited') + 1;
    case 'vetoed':
    case 'withdrawn':
    case 'map_stalled':
    case 'pending_at_horizon':
      return index('applied') + 1;
    case 'no_application':
      return 0;
  }
}

/** Whether a share meets the target. */
export function meets(target: Target, share: number): boolean {
  return target.op === '>=' ? share >= target.threshold - 1e-12 : share <= target.threshold + 1e-12;
}
