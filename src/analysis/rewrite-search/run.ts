import { compile, wilson, type Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { paramLabel } from '../../report/param-labels.js';
import { getParam } from '../../scenario/param-paths.js';
import { describeParam } from '../../scenario/params.js';
import { eachVariant } from '../../batch/variants.js';
import { applyRewrite, type Lever, type Rewrite } from './levers.js';
import { searchRewrite, withoutChange, type Evaluation, type Point } from './search.js';
import { funnelDepth, targetCount, targetText, type Target } from './target.js';

/** `article10 rewrite`: the search on the engine, then the answer checked on fresh seeds. */
export interface RewriteOptions {
  readonly target: Target;
  readonly seed: string;
  /** Branches per evaluation (and for the verification). */
  readonly runs: number;
  readonly maxDistance: number;
  readonly maxChanges: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** Evaluations done so far (of an estimate that may grow). */
  readonly onProgress?: (evaluations: number) => void;
}

export interface ChangeLine {
  readonly path: string;
  readonly kind: 'param' | 'switch';
  readonly label: string;
  /** As written in the start, and after the rewrite: `0.4`, `triangular(0.1, 0.2, 0.3)`, `on`. */
  readonly from: string;
  readonly to: string;
  /** Units of documented uncertainty (parameters); undefined for a switch. */
  readonly z?: number;
  readonly source?: string;
  /** The target's share with this change left out (all others kept), on the search's seed. */
  readonly without: number;
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
  readonly levers: { readonly parameters: number; readonly switches: number };
}

export const REWRITE_SEARCH_METHOD =
  'greedy forward selection on common random numbers (screen each parameter ±2 units and each switch; then per round each candidate 1-3 units either way or flipped, best gain per unit of distance), ' +
  'then a backward pass (drop what the target does without, bisect each move down); distance as the rewrite distance measures it; verified on a fresh seed';

export async function runRewriteSearch(start: Scenario, levers: readonly Lever[], options: RewriteOptions): Promise<{ report: RewriteReport; scenario: Scenario }> {
  const model = compile(start);
  const years = { startYear: model.startYear, years: model.years };
  let evaluations = 0;
  const evaluateOn = (seed: string) => async (batch: readonly Scenario[]): Promise<Evaluation[]> => {
    const out = new Array<Evaluation>(batch.length);
    await eachVariant(
      batch.length,
      (i) => batch[i]!,
      (t: Tally, i) => (out[i] = { share: targetCount(t, options.target, years) / t.runs, depth: funnelDepth(t, options.target) }),
      {
        seed,
        runs: options.runs,
        workers: options.workers,
        signal: options.signal,
        // Counted whether or not anyone listens: the report states how many evaluations were run.
        onVariant: () => {
          evaluations += 1;
          options.onProgress?.(evaluations);
        },
      },
    );
    return out;
  };
  const evaluate = evaluateOn(options.seed);
  const result = await searchRewrite(start, levers, evaluate, { target: options.target, maxDistance: options.maxDistance, maxChanges: options.maxChanges });
  const chosen = result.best ?? result.closest;
  const byPath = new Map(levers.map((l) => [l.path, l]));
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
      changes: changeLines(start, scenario, chosen.rewrite, withouts.map((w) => w.share)),
      search: interval(chosen.share, options.seed),
      verification: interval(verified!.share, verifySeed),
    },
    front: result.front.map(frontRow),
    evaluations: evaluations,
    branches: evaluations * options.runs,
    rounds: result.rounds,
    levers: { parameters: levers.filter((l) => l.kind === 'param').length, switches: levers.filter((l) => l.kind === 'switch').length },
  };
  return { report, scenario };
}

function changeLines(start: Scenario, rewritten: Scenario, r: Rewrite, without: readonly number[]): ChangeLine[] {
  const params = r.shifts.map(({ path, z }, i): ChangeLine => {
    const before = getParam(start, path)!;
    const line = { path, kind: 'param' as const, label: paramLabel(start, path), from: describeParam(before), to: describeParam(getParam(rewritten, path)!), z, without: without[i]! };
    return before.source === undefined ? line : { ...line, source: before.source };
  });
  const switches = r.flips.map((path, i): ChangeLine => {
    const on = switchOn(start, path);
    return { path, kind: 'switch', label: path, from: on ? 'on' : 'off', to: on ? 'off' : 'on', without: without[r.shifts.length + i]! };
  });
  return [...params, ...switches];
}

function switchOn(s: Scenario, path: string): boolean {
  const [kind, id] = [path.slice(0, path.indexOf('.')), path.slice(path.indexOf('.') + 1)];
  return kind === 'rules' ? s.rules.find((r) => r.id === id)?.enabled === true : s.events.find((e) => e.id === id)?.enabled === true;
}

function frontRow(p: Point): FrontRow {
  return {
    distance: p.distance,
    share: p.share,
    changes: [...p.rewrite.shifts.map((s) => `${s.path} ${s.z >= 0 ? '+' : ''}${s.z}`), ...p.rewrite.flips.map((f) => `${f} switched`)],
  };
}
