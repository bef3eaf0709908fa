import { compile, wilson, type Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { moveText } from '../../report/format.js';
import { paramLabel } from '../../report/param-labels.js';
import { getParam } from '../../scenario/param-paths.js';
import { switchState } from '../../scenario/switch-paths.js';
import { describeParam } from '../../scenario/params.js';
import { workerExecutors, type Executor } from '../../batch/executors.js';
import { defaultWorkerCount } from '../../batch/pool.js';
import { eachVariant } from '../../batch/variants.js';
import { applyRewrite, leverDistance, movedBy, type Lever, type Rewrite } from './levers.js';
import { changeCount, withoutChange } from './moves.js';
import { searchRewrite, SEARCH_DEFAULTS, type Evaluation, type Point } from './search.js';
import type { Seed } from './seeds.js';
import { funnelGuide, targetCount, targetText, type Target } from './target.js';

/** `article10 rewrite`: the search on the engine, then the answer checked on fresh seeds. */
export interface RewriteOptions {
  readonly target: Target;
  readonly seed: string;
  /** Branches per evaluation (and for the verification). */
  readonly runs: number;
  readonly maxDistance: number;
  readonly maxChanges: number;
  /** Partial rewrites kept side by side (see SearchOptions). */
  readonly beam?: number;
  /** Evaluations after which no further round starts (see SearchOptions). */
  readonly budget?: number;
  /** Starting points besides the start: rewrites of its levers, such as a counterfactual file's switches (see counterfactualSeeds). */
  readonly seeds?: readonly Seed[];
  /** Worker threads (1: on this thread); default all cores. */
  readonly workers?: number;
  /** Executors to evaluate on instead (the explorer's warm ones): then `workers` is not used, and none is closed. */
  readonly executors?: readonly Executor[];
  /** Parameters kept as candidates after a screening (see SearchOptions). */
  readonly keep?: number;
  readonly signal?: AbortSignal;
  /** Evaluations done so far (of an estimate that may grow). */
  readonly onProgress?: (evaluations: number) => void;
}

interface ChangeLineBase {
  readonly path: string;
  readonly label: string;
  /** As written in the start, and after the rewrite: `0.4`, `triangular(0.1, 0.2, 0.3)`, `on`. */
  readonly from: string;
  readonly to: string;
  /** The target's share with this change left out (all others kept), on the search's seed. */
  readonly without: number;
}

/** One change of a rewrite: a value moved, or a rule or event switched. */
export type ChangeLine =
  | (ChangeLineBase & {
      readonly kind: 'param';
      /** The move, in the units the rewrite distance counts. */
      readonly z: number;
      /** What one unit of z is: the start's sd, or the kind's default scale for a value written without one. */
      readonly scale: MoveScale;
      readonly source?: string;
    })
  | (ChangeLineBase & { readonly kind: 'switch' });

export interface MoveScale {
  readonly from: 'sd' | 'default';
  readonly size: number;
}

export interface ShareWithInterval {
  readonly share: number;
  readonly ci95: readonly [number, number];
  readonly seed: string;
  readonly runs: number;
}

export interface FrontRow {
  readonly distance: number;
  readonly share: number;
  readonly changes: readonly string[];
}

export interface RewriteReport {
  readonly scenario: string;
  readonly title: string;
  readonly version: string;
  readonly seed: string;
  readonly runs: number;
  readonly target: string;
  /** The target's threshold, a share. */
  readonly threshold: number;
  readonly method: string;
  readonly maxDistance: number;
  readonly maxChanges: number;
  readonly start: ShareWithInterval;
  readonly found: boolean;
  /** The cheapest rewrite meeting the target, or the closest the search came. */
  readonly rewrite: { readonly distance: number; readonly changes: readonly ChangeLine[]; readonly search: ShareWithInterval; readonly verification: ShareWithInterval };
  readonly front: readonly FrontRow[];
  readonly evaluations: number;
  readonly branches: number;
  readonly rounds: number;
  /** Partial rewrites kept side by side, and the evaluations after which no round starts. */
  readonly beam: number;
  readonly budget: number;
  /** The starting points tried besides the start, and the files they come from. */
  readonly seeds: readonly { readonly from: string; readonly changes: readonly string[] }[];
  readonly levers: { readonly parameters: number; readonly switches: number };
}

export const REWRITE_SEARCH_METHOD =
  'beam search on common random numbers: screen each parameter ±2 units and each switch; keep a beam of partial rewrites side by side, from the start and from the switches of counterfactual files of the same decision point; ' +
  'each round tries each candidate 1, 2 or 4 units (to the end of its range), each change one unit less or more, each helpful switch flipped, a full rewrite swapping its weakest change, a move past the distance scaled back onto it; ' +
  'keeps the best gain per unit of distance (gain: the target share, capped, plus a small funnel guide while it does not move); screens the parameters that changed anything again every few rounds; ' +
  'then a backward pass (drop what the target does without, bisect each move down); distance as the rewrite distance measures it; verified on a fresh seed';

/** The report, the start with the chosen rewrite applied, and the front's points with their rewrites (in the report's order). */
export interface RewriteResult {
  readonly report: RewriteReport;
  readonly scenario: Scenario;
  readonly points: readonly Point[];
}

export async function runRewriteSearch(start: Scenario, levers: readonly Lever[], options: RewriteOptions): Promise<RewriteResult> {
  if (options.executors !== undefined) return searchAndVerify(start, levers, options, options.executors);
  const workers = options.workers ?? defaultWorkerCount();
  // Warm threads for the whole search: it runs many small batches.
  const lanes = workers > 1 ? workerExecutors(workers) : undefined;
  try {
    return await searchAndVerify(start, levers, options, lanes);
  } finally {
    if (lanes !== undefined) await Promise.all(lanes.map((l) => l.close()));
  }
}

/** Evaluations the first screening takes: every parameter moved both ways, every switch flipped, and the start. */
export function screeningCost(levers: readonly Lever[]): number {
  return 2 * levers.filter((l) => l.kind === 'param').length + levers.filter((l) => l.kind === 'switch').length + 1;
}

/** Evaluations a search is expected to take at most: its first screening or its budget, then a last round and the backward pass. */
export function searchEstimate(levers: readonly Lever[], budget: number = SEARCH_DEFAULTS.budget): number {
  return Math.max(budget, screeningCost(levers)) + 200;
}

async function searchAndVerify(start: Scenario, levers: readonly Lever[], options: RewriteOptions, lanes: readonly Executor[] | undefined): Promise<RewriteResult> {
  const model = compile(start);
  const years = { startYear: model.startYear, years: model.years };
  let evaluations = 0;
  const evaluateOn = (seed: string) => async (batch: readonly Scenario[]): Promise<Evaluation[]> => {
    const out = new Array<Evaluation>(batch.length);
    await eachVariant(
      batch.length,
      (i) => batch[i]!,
      (t: Tally, i) => (out[i] = { share: targetCount(t, options.target, years) / t.runs, guide: funnelGuide(t, options.target), profile: Float32Array.from(t.exitYears, (n) => n / t.runs) }),
      { seed, runs: options.runs, workers: 1, ...(lanes === undefined ? {} : { lanes }), signal: options.signal, onVariant: () => {
        evaluations++;
        options.onProgress?.(evaluations);
      } },
    );
    return out;
  };
  const evaluate = evaluateOn(options.seed);
  const byPath = new Map(levers.map((l) => [l.path, l]));
  // Only the starting points within the limits are tried (and reported).
  const seeds = (options.seeds ?? []).filter((s) => changeCount(s.rewrite) <= options.maxChanges && leverDistance(byPath, s.rewrite) <= options.maxDistance + 1e-9);
  const result = await searchRewrite(start, levers, evaluate, {
    target: options.target,
    maxDistance: options.maxDistance,
    maxChanges: options.maxChanges,
    beam: options.beam ?? SEARCH_DEFAULTS.beam,
    budget: options.budget ?? SEARCH_DEFAULTS.budget,
    keep: options.keep ?? SEARCH_DEFAULTS.keep,
    seeds: seeds.map((s) => s.rewrite),
  });
  const chosen = result.best ?? result.closest;
  const scenario = applyRewrite(start, byPath, chosen.rewrite);
  // Each change's part: the share with it left out, everything else kept.
  const paths = [...chosen.rewrite.shifts.map((s) => s.path), ...chosen.rewrite.flips];
  const withouts = await evaluate(paths.map((p) => applyRewrite(start, byPath, withoutChange(chosen.rewrite, p))));
  const verifySeed = `${options.seed}/verify`;
  const [verified] = await evaluateOn(verifySeed)([scenario]);
  const interval = (share: number, seed: string): ShareWithInterval => ({ share, ci95: wilson(Math.round(share * options.runs), options.runs), seed, runs: options.runs });
  const report: RewriteReport = {
    scenario: start.id,
    title: start.title,
    version: VERSION,
    seed: options.seed,
    runs: options.runs,
    target: targetText(options.target),
    threshold: options.target.threshold,
    method: REWRITE_SEARCH_METHOD,
    maxDistance: options.maxDistance,
    maxChanges: options.maxChanges,
    start: interval(result.start.share, options.seed),
    found: result.best !== undefined,
    rewrite: {
      distance: chosen.distance,
      changes: changeLines(start, scenario, byPath, chosen.rewrite, withouts.map((w) => w.share)),
      search: interval(chosen.share, options.seed),
      verification: interval(verified!.share, verifySeed),
    },
    front: result.front.map((p) => frontRow(byPath, p)),
    evaluations: evaluations,
    branches: evaluations * options.runs,
    rounds: result.rounds,
    beam: options.beam ?? SEARCH_DEFAULTS.beam,
    budget: options.budget ?? SEARCH_DEFAULTS.budget,
    seeds: seeds.map((s) => ({ from: s.from, changes: changesOf(byPath, s.rewrite) })),
    levers: { parameters: levers.filter((l) => l.kind === 'param').length, switches: levers.filter((l) => l.kind === 'switch').length },
  };
  return { report, scenario, points: result.front };
}

function changeLines(start: Scenario, rewritten: Scenario, levers: ReadonlyMap<string, Lever>, r: Rewrite, without: readonly number[]): ChangeLine[] {
  const params = r.shifts.map(({ path, z }, i): ChangeLine => {
    const before = getParam(start, path)!;
    const line = { path, kind: 'param' as const, label: paramLabel(start, path), from: describeParam(before), to: describeParam(getParam(rewritten, path)!), z: movedBy(levers, path, z), scale: unitOf(levers, path), without: without[i]! };
    return before.source === undefined ? line : { ...line, source: before.source };
  });
  const switches = r.flips.map((path, i): ChangeLine => {
    const on = switchState(start, path) === true;
    return { path, kind: 'switch', label: path, from: on ? 'on' : 'off', to: on ? 'off' : 'on', without: without[r.shifts.length + i]! };
  });
  return [...params, ...switches];
}

function frontRow(levers: ReadonlyMap<string, Lever>, p: Point): FrontRow {
  return { distance: p.distance, share: p.share, changes: changesOf(levers, p.rewrite) };
}

/** One unit of a move of the value at `path`, as its lever counts it. */
function unitOf(levers: ReadonlyMap<string, Lever>, path: string): MoveScale {
  const lever = levers.get(path);
  return lever?.kind === 'param' ? { from: lever.scaleFrom, size: lever.scale } : { from: 'sd', size: 1 };
}

/** `allies.US.consent +1.5 sd` (in units of the value's documented uncertainty, as the distance counts them; `× 0.1` of a default scale), `rules.baker-dream switched`. */
function changesOf(levers: ReadonlyMap<string, Lever>, r: Rewrite): string[] {
  return [
    ...r.shifts.map((s) => `${s.path} ${moveText(movedBy(levers, s.path, s.z), unitOf(levers, s.path))}`),
    ...r.flips.map((f) => `${f} switched`),
  ];
}
