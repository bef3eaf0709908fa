import type { Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { prim, PRIM_DEFAULTS, screenInputs, type Box, type BoxStats, type PrimOptions } from './prim.js';
import { designRng, latinHypercubeColumns } from '../design/design.js';
import { analysisHeader, measureCount, switchedOn, withFactorValues, type AnalysisHeader, type Factor, type Measure } from '../design/factors.js';
import { eachVariant } from '../../batch/variants.js';
import { meets, targetText, type Target } from '../rewrite-search/target.js';

/**
 * Scenario discovery in the spirit of PRIM: a Latin hypercube over the factors' ranges (every
 * factor fixed at the point's value), each point run for a number of branches on the same seed,
 * then boxes of parameter ranges in which the measured outcome is most frequent.
 */
export interface DiscoverOptions extends PrimOptions {
  readonly seed: string;
  readonly measure: Measure;
  /**
   * Boxes of the vectors at which a target is met (`joined>=0.3`: the vectors whose branches
   * join 30% of the time or more), as `rewrite --target` reads it; the measure is the target's.
   * Without one, boxes of the branches with the measured outcome.
   */
  readonly target?: Target;
  /** Points of the Latin hypercube. */
  readonly samples: number;
  /** Branches per point. */
  readonly runs: number;
  /** Boxes to find (by covering: each next box among the points the earlier ones left). */
  readonly boxes: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (pointsDone: number) => void;
}

export interface Restriction {
  /** A parameter, or a rule or event (`rules.<id>`, `events.<id>`): then min 1 means on, max 0 off. */
  readonly path: string;
  /** The box's bounds; null where the box is open on that side. */
  readonly min: number | null;
  readonly max: number | null;
  /** The range sampled. */
  readonly lo: number;
  readonly hi: number;
}

export interface DiscoveredBox extends BoxStats {
  readonly restrictions: readonly Restriction[];
  /**
   * The box read again on fresh ground: a new Latin hypercube of as many vectors and new
   * branches (seed `<seed>/check`), the vectors that fall in this box and in none above it.
   * density is in-sample, on the vectors the box was chosen on, and so flatters it; this does
   * not. Its density is null when no fresh vector fell in the box.
   */
  readonly fresh: { readonly points: number; readonly trials: number; readonly count: number; readonly density: number | null };
  /** The best box with 1, 2, 3 ... restrictions on this box's peeling path. */
  readonly tradeoff: readonly (BoxStats & { readonly restrictions: readonly Restriction[] })[];
}

export interface DiscoveryReport extends AnalysisHeader {
  /**
   * The target the boxes are of (`joined >= 30%`), if any: then a vector is a case (it meets the
   * target or not), and count, trials, density and coverage are in vectors, not branches.
   */
  readonly target?: string;
  readonly method: string;
  readonly samples: number;
  readonly runsPerPoint: number;
  /** The factors sampled. */
  readonly factors: readonly { readonly path: string; readonly lo: number; readonly hi: number; readonly from: Factor['from'] }[];
  /** The factors allowed to bound a box (significant rank correlation with the outcome), strongest first. */
  readonly screened: readonly string[];
  /** Over the whole hypercube: branches with the outcome of all branches run. */
  readonly overall: { readonly count: number; readonly trials: number; readonly share: number };
  readonly boxes: readonly DiscoveredBox[];
  readonly warnings: readonly string[];
}

/** A Latin hypercube over the factors, one typed array per factor, scaled in place to the factor's values. */
function design(factors: readonly Factor[], samples: number, rng: ReturnType<typeof designRng>): Float64Array[] {
  const columns = latinHypercubeColumns(samples, factors.length, rng);
  columns.forEach((column, j) => {
    const f = factors[j]!;
    // A rule or event is off (0) or on (1): half the points each, as the hypercube falls.
    if (f.from === 'switch') for (let i = 0; i < column.length; i++) column[i] = switchedOn(column[i]!) ? 1 : 0;
    else for (let i = 0; i < column.length; i++) column[i] = f.lo + (f.hi - f.lo) * column[i]!;
  });
  return columns;
}

/**
 * The measure at `count` vectors of `columns` (the i-th at index pointAt(i)), each run for
 * options.runs branches on `seed`: a count of branches, or with a target 1 when the vector meets it.
 */
async function measureAt(
  scenario: Scenario,
  factors: readonly Factor[],
  columns: readonly Float64Array[],
  count: number,
  pointAt: (i: number) => number,
  options: DiscoverOptions,
  seed: string,
  onVariant?: (done: number) => void,
): Promise<Float64Array> {
  const d = factors.length;
  const y = new Float64Array(count);
  const row = new Float64Array(d);
  await eachVariant(
    count,
    (i) => {
      const point = pointAt(i);
      for (let j = 0; j < d; j++) row[j] = columns[j]![point]!;
      return withFactorValues(scenario, factors, row);
    },
    (t: Tally, i) => (y[i] = measureCount(t, options.measure)),
    { seed, runs: options.runs, workers: options.workers, signal: options.signal, ...(onVariant === undefined ? {} : { onVariant }) },
  );
  // With a target, each vector is a case that meets it or not (one trial, counted once).
  const target = options.target;
  if (target !== undefined) for (let i = 0; i < y.length; i++) y[i] = meets(target, y[i]! / options.runs) ? 1 : 0;
  return y;
}

/** Each box's density on a fresh hypercube and fresh branches: the vectors in it and in no box above it. */
async function freshCheck(scenario: Scenario, factors: readonly Factor[], screened: readonly number[], boxes: readonly Box[], options: DiscoverOptions): Promise<DiscoveredBox['fresh'][]> {
  if (boxes.length === 0) return [];
  const fresh = design(factors, options.samples, designRng(options.seed, 'lhs-check'));
  const within = (box: Box, i: number) => screened.every((j, k) => fresh[j]![i]! >= box.lo[k]! && fresh[j]![i]! <= box.hi[k]!);
  const boxOf = new Int32Array(options.samples).fill(-1);
  const points: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const b = boxes.findIndex((box) => within(box, i));
    if (b < 0) continue;
    boxOf[points.length] = b;
    points.push(i);
  }
  const y = await measureAt(scenario, factors, fresh, points.length, (q) => points[q]!, options, `${options.seed}/check`);
  const perTrial = options.target === undefined ? options.runs : 1;
  return boxes.map((_, b) => {
    let n = 0;
    let count = 0;
    for (let q = 0; q < points.length; q++) {
      if (boxOf[q] !== b) continue;
      n++;
      count += y[q]!;
    }
    return { points: n, trials: n * perTrial, count, density: n === 0 ? null : count / (n * perTrial) };
  });
}

export async function runDiscovery(scenario: Scenario, factors: readonly Factor[], options: DiscoverOptions, warnings: readonly string[] = []): Promise<DiscoveryReport> {
  const d = factors.length;
  // The design: the one copy of it (samples × factors × 8 bytes) is what a large discovery holds.
  const all = design(factors, options.samples, designRng(options.seed, 'lhs'));
  const target = options.target;
  const y = await measureAt(scenario, factors, all, options.samples, (i) => i, options, options.seed, options.onProgress);
  const w = new Float64Array(options.samples).fill(target === undefined ? options.runs : 1);
  // Only inputs clearly associated with the outcome may bound a box; boxes index into `screened`.
  const screened = d === 0 ? [] : screenInputs({ columns: all, y, w });
  const found = screened.length === 0 ? [] : prim({ columns: screened.map((j) => all[j]!), y, w }, options.boxes, options);
  const restrictionsOf = (box: Box, restricted: readonly number[]): Restriction[] =>
    // In the scenario's order of parameters, as a reader meets them.
    [...restricted]
      .sort((k1, k2) => screened[k1]! - screened[k2]!)
      .map((k) => {
        const f = factors[screened[k]!]!;
        return { path: f.path, min: Number.isFinite(box.lo[k]!) ? box.lo[k]! : null, max: Number.isFinite(box.hi[k]!) ? box.hi[k]! : null, lo: f.lo, hi: f.hi };
      })
      // A switch kept at both states is no restriction.
      .filter((r) => factors.find((f) => f.path === r.path)!.from !== 'switch' || (r.min ?? 0) > 0.5 || (r.max ?? 1) < 0.5);
  const strip = ({ box, restricted, ...stats }: BoxStats & { box: Box; restricted: readonly number[] }) => ({ ...stats, restrictions: restrictionsOf(box, restricted) });
  const total = y.reduce((s, v) => s + v, 0);
  const trials = target === undefined ? options.samples * options.runs : options.samples;
  const fresh = await freshCheck(scenario, factors, screened, found.map((b) => b.box), options);
  return {
    ...analysisHeader(scenario, options.seed, options.measure),
    ...(target === undefined ? {} : { target: targetText(target) }),
    method:
      `PRIM (Friedman & Fisher 1999) over a Latin hypercube of the parameters' ranges, on the parameters whose rank correlation with the outcome ` +
      `is significant (Bonferroni, 5%): peel ${(options.peelAlpha ?? PRIM_DEFAULTS.peelAlpha) * 100}% at a time, ` +
      `paste, keep a restriction only if the vectors it excludes do clearly worse (Welch t ≥ ${options.minT ?? PRIM_DEFAULTS.minT}); ` +
      'the simplest box within 95% of the best F1 of density and coverage; further boxes by covering' +
      (target === undefined ? '' : `; each vector a case that meets ${targetText(target)} on its ${options.runs} branches or not`),
    samples: options.samples,
    runsPerPoint: options.runs,
    factors: factors.map((f) => ({ path: f.path, lo: f.lo, hi: f.hi, from: f.from })),
    screened: screened.map((j) => factors[j]!.path),
    overall: { count: total, trials, share: total / trials },
    boxes: found.map((b, i) => ({ ...strip(b), fresh: fresh[i]!, tradeoff: b.tradeoff.map(strip) })),
    warnings,
  };
}
