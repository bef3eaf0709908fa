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

export async function runDiscovery(scenario: Scenario, factors: readonly Factor[], options: DiscoverOptions, warnings: readonly string[] = []): Promise<DiscoveryReport> {
  const d = factors.length;
  // The design, one typed array per factor, scaled in place to the factor's values: the one
  // copy of it (samples × factors × 8 bytes) is what a large discovery holds.
  const all = latinHypercubeColumns(options.samples, d, designRng(options.seed, 'lhs'));
  all.forEach((column, j) => {
    const f = factors[j]!;
    // A rule or event is off (0) or on (1): half the points each, as the hypercube falls.
    if (f.from === 'switch') for (let i = 0; i < column.length; i++) column[i] = switchedOn(column[i]!) ? 1 : 0;
    else for (let i = 0; i < column.length; i++) column[i] = f.lo + (f.hi - f.lo) * column[i]!;
  });
  const y = new Float64Array(options.samples);
  const row = new Float64Array(d);
  await eachVariant(
    options.samples,
    (i) => {
      for (let j = 0; j < d; j++) row[j] = all[j]![i]!;
      return withFactorValues(scenario, factors, row);
    },
    (t: Tally, i) => (y[i] = measureCount(t, options.measure)),
    { seed: options.seed, runs: options.runs, workers: options.workers, signal: options.signal, onVariant: options.onProgress },
  );
  // With a target, each vector is a case that meets it or not (one trial, counted once).
  const target = options.target;
  if (target !== undefined) for (let i = 0; i < y.length; i++) y[i] = meets(target, y[i]! / options.runs) ? 1 : 0;
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
    boxes: found.map((b) => ({ ...strip(b), tradeoff: b.tradeoff.map(strip) })),
    warnings,
  };
}
