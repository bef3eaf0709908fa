import { BRANCH_SEARCH_LIMIT, branchesToSearch } from './branch-search.js';
import { EXITS } from './codes.js';
import type { CompiledModel } from './model.js';
import { sampleParams } from './params.js';
import { branchKey } from './rng.js';
import { finishBranch, forEachBlock, startBlock, workspaceOf } from './simulate.js';
import { runBranch } from './walk/branch.js';
import { BranchState } from './walk/state.js';
import type { TraceEntry } from './walk/trace.js';

export interface SampledValue {
  readonly path: string;
  readonly value: number;
  readonly source?: string;
}

export interface BranchTrace {
  readonly branch: number;
  readonly key: number;
  readonly exit: (typeof EXITS)[number];
  readonly exitYear: number;
  /** Month index (year · 12 + month − 1) the branch ended in: the horizon's December for an end at the horizon. */
  readonly exitMonth: number;
  readonly actor: number;
  readonly reason: number;
  readonly entries: readonly TraceEntry[];
  /** Values this branch drew for the scenario's uncertain parameters. */
  readonly sampled: readonly SampledValue[];
}

/** Re-runs branch `branch` of a run with this seed, recording every step. Same numbers as the batch run. */
export function traceBranch(m: CompiledModel, seed: string, branch: number): BranchTrace {
  const key = branchKey(seed, branch);
  const state = new BranchState(m);
  const entries: TraceEntry[] = [];
  // Every uncertain value of this branch, including those it never needed, drawn first: the walk
  // then writes over them what it drew its own way (each member's months at the round's pace).
  sampleParams(m.params, key, state.values);
  runBranch(m, state, key, { push: (e) => entries.push(e) });
  const sampled = Array.from(readingOrder(m), (slot) => {
    const param = m.params.params[slot]!;
    const v: SampledValue = { path: m.params.paths[slot]!, value: state.values[slot]! };
    return param.source === undefined ? v : { ...v, source: param.source };
  });
  return {
    branch,
    key,
    exit: EXITS[state.exit]!,
    exitYear: state.exitYear,
    exitMonth: state.exitMonth,
    actor: state.blockerActor,
    reason: state.blockerReason,
    entries,
    sampled,
  };
}

/** The first branch (from `from`) whose exit satisfies `wanted`, searching at most `limit` branches. */
export function findBranch(
  m: CompiledModel,
  seed: string,
  wanted: (exit: string) => boolean,
  from = 0,
  limit = BRANCH_SEARCH_LIMIT,
): number | undefined {
  const w = workspaceOf(m);
  let found: number | undefined;
  forEachBlock(seed, from, branchesToSearch(from, limit), w.keys, (at, n, branch) => {
    startBlock(m, w, w.keys, at, n);
    for (let j = 0; j < n && found === undefined; j++) {
      finishBranch(m, w, w.keys, at, j);
      if (wanted(EXITS[w.state.exit]!.exit)) found = branch + j;
    }
    return found !== undefined;
  });
  return found;
}

/** The order a reader expects: the candidate, the process, preconditions, Allies, rules, events; within each, as compiled. */
const SECTIONS = ['candidate', 'process', 'preconditions', 'allies', 'rules', 'events'];

function readingOrder(m: CompiledModel): number[] {
  const rank = (slot: number) => {
    const at = SECTIONS.indexOf(m.params.paths[slot]!.split('.')[0]!);
    return at < 0 ? SECTIONS.length : at;
  };
  // A co-candidate's values are drawn (every branch draws alike) but never used: it neither votes on nor ratifies the candidate.
  const coCandidates = m.allyCodes.filter((_, i) => m.allyCoCandidate[i] === 1).map((code) => `allies.${code}.`);
  const used = (slot: number) => !coCandidates.some((prefix) => m.params.paths[slot]!.startsWith(prefix));
  return Array.from(m.params.randomSlots)
    .filter(used)
    .sort((a, b) => rank(a) - rank(b) || a - b);
}

