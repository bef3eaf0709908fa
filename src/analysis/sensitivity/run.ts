import { wilson, type Tally } from '../../engine/index.js';
import type { Share } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import { designRng, meanInterval, morrisTrajectories } from '../design/design.js';
import { analysisHeader, measureCount, switchedOn, withFactorValues, type AnalysisHeader, type Factor, type Measure } from '../design/factors.js';
import { runVariants } from '../../batch/variants.js';

/**
 * Which assumption matters most, two ways, both on common random numbers (every variant uses
 * the same seed, so variants differ only through the values changed):
 *
 * - one at a time: each factor fixed at the low end of its range, then at the high end, every
 *   other parameter as written; the swing is the difference of the measured share (a tornado);
 * - Morris elementary effects: r trajectories through a grid over all factors at once, each
 *   step moving one factor by Δ of its range; μ* (mean absolute effect) ranks the factors
 *   globally, σ shows interactions and non-linearity, and a Student-t interval over trajectories gives
 *   μ* its 95% interval.
 *
 * Effects are in shares per full range of the factor, so a swing and a μ* read alike. A rule or
 * event is a factor too (off, then on): its swing and its effects are on minus off.
 */
export interface SensitivityOptions {
  readonly seed: string;
  /** Branches per end of each swing (and for the baseline). */
  readonly runs: number;
  readonly measure: Measure;
  /** Morris trajectories; 0 skips the global method. */
  readonly trajectories: number;
  /** Branches per Morris point. */
  readonly morrisRuns: number;
  /** Grid levels of the Morris design (4 is usual). */
  readonly levels?: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** Progress: variants done of the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SwingRow {
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  readonly central: number;
  readonly from: Factor['from'];
  readonly source?: string;
  /** The measure with the factor fixed at lo and at hi. */
  readonly low: Share;
  readonly high: Share;
  /** high − low. */
  readonly swing: number;
}

export interface MorrisRow {
  readonly path: string;
  /** Mean of the absolute elementary effects (share per full range). */
  readonly muStar: number;
  readonly muStarCi95: readonly [number, number];
  /** Mean of the signed effects: the direction when effects agree. */
  readonly mu: number;
  /** Standard deviation of the effects: interactions or non-linearity. */
  readonly sigma: number;
}

export interface MorrisResult {
  readonly method: string;
  readonly trajectories: number;
  readonly levels: number;
  /** Step, as a share of each factor's range. */
  readonly delta: number;
  readonly runsPerPoint: number;
  readonly uncertainty: string;
  /** Most influential first (by μ*). */
  readonly rows: readonly MorrisRow[];
}

export interface SensitivityReport extends AnalysisHeader {
  readonly runs: number;
  /** The measure with every parameter as written. */
  readonly baseline: Share;
  /** One row per factor, largest |swing| first. */
  readonly swings: readonly SwingRow[];
  readonly morris: MorrisResult | null;
  readonly warnings: readonly string[];
}

const share = (count: number, n: number): Share => ({ count, share: n === 0 ? 0 : count / n, ci95: wilson(count, n) });

/** Runs the one-at-a-time swings and, unless trajectories is 0, the Morris screening. */
export async function runSensitivity(
  scenario: Scenario,
  factors: readonly Factor[],
  options: SensitivityOptions,
  warnings: readonly string[] = [],
): Promise<SensitivityReport> {
  const levels = options.levels ?? 4;
  const k = factors.length;
  const swingVariants = 1 + 2 * k;
  const morrisVariants = options.trajectories > 0 && k > 0 ? options.trajectories * (k + 1) : 0;
  const total = swingVariants + morrisVariants;
  const progress = (offset: number) => (done: number) => options.onProgress?.(offset + done, total);
  const count = (t: Tally) => measureCount(t, options.measure);
  // Variant 0 is the scenario as written; 2j + 1 and 2j + 2 fix factor j at lo and at hi.
  const swingVariant = (i: number) => {
    if (i === 0) return scenario;
    const f = factors[(i - 1) >> 1]!;
    return withFactorValues(scenario, [f], [i % 2 === 1 ? f.lo : f.hi]);
  };
  const swingCounts = await runVariants(
    swingVariants,
    swingVariant,
    count,
    { seed: options.seed, runs: options.runs, workers: options.workers, signal: options.signal, onVariant: progress(0) },
  );
  const n = options.runs;
  const swings: SwingRow[] = factors.map((f, j) => {
    const low = share(swingCounts[2 * j + 1]!, n);
    const high = share(swingCounts[2 * j + 2]!, n);
    const row: SwingRow = { path: f.path, lo: f.lo, hi: f.hi, central: f.central, from: f.from, low, high, swing: high.share - low.share };
    return f.source === undefined ? row : { ...row, source: f.source };
  });
  swings.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.path.localeCompare(b.path));

  const morris = morrisVariants === 0 ? null : await runMorris(scenario, factors, { ...options, levels }, progress(swingVariants));
  return {
    ...analysisHeader(scenario, options.seed, options.measure),
    runs: n,
    baseline: share(swingCounts[0]!, n),
    swings,
    morris,
    warnings,
  };
}

async function runMorris(
  scenario: Scenario,
  factors: readonly Factor[],
  options: SensitivityOptions & { readonly levels: number },
  onVariant: (done: number) => void,
): Promise<MorrisResult> {
  const k = factors.length;
  const r = options.trajectories;
  const { trajectories, delta } = morrisTrajectories(r, k, options.levels, designRng(options.seed, 'morris'));
  // Each point differs from the one before it in one factor: built along the way, one at a
  // time (variants are built in order), so no more than one is held however many there are.
  let current = scenario;
  const point = (i: number): Scenario => {
    const t = trajectories[Math.floor(i / (k + 1))]!;
    const step = i % (k + 1);
    if (step === 0) return (current = withFactorValues(scenario, factors, t.points[0]!, true));
    const j = t.order[step - 1]!;
    return (current = withFactorValues(current, [factors[j]!], [t.points[step]![j]!], true));
  };
  const n = options.morrisRuns;
  const shares = await runVariants(r * (k + 1), point, (tally) => measureCount(tally, options.measure) / n, {
    seed: options.seed,
    runs: n,
    workers: options.workers,
    signal: options.signal,
    onVariant,
  });
  // effects[j][t]: the elementary effect of factor j on trajectory t.
  const effects = Array.from({ length: k }, () => new Float64Array(r));
  trajectories.forEach((t, ti) => {
    const base = ti * (k + 1);
    for (let step = 0; step < k; step++) {
      const j = t.order[step]!;
      const change = shares[base + step + 1]! - shares[base + step]!;
      // A switch's effect is on minus off (each step of a 4-level grid switches it); a number's, per full range.
      const on = [switchedOn(t.points[step]![j]!), switchedOn(t.points[step + 1]![j]!)];
      effects[j]![ti] = factors[j]!.from === 'switch' ? (on[0] === on[1] ? 0 : on[1] ? change : -change) : change / (t.direction[j]! * delta);
    }
  });
  const rows: MorrisRow[] = factors.map((f, j) => {
    const e = effects[j]!;
    const abs = e.map(Math.abs);
    const mu = mean(e);
    return { path: f.path, muStar: mean(abs), muStarCi95: meanInterval(abs, 0), mu, sigma: sd(e, mu) };
  });
  rows.sort((a, b) => b.muStar - a.muStar || a.path.localeCompare(b.path));
  return {
    method: 'Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007)',
    trajectories: r,
    levels: options.levels,
    delta,
    runsPerPoint: n,
    uncertainty: `95% Student-t interval of μ* over the ${r} trajectories (mean ± t(0.975, ${r - 1}) · s/√${r}, not below 0); a parameter whose ${r} effects are all alike gets that value alone: more --trajectories would tell`,
    rows,
  };
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length === 0 ? 0 : s / xs.length;
}

function sd(xs: ArrayLike<number>, mu: number): number {
  if (xs.length < 2) return 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - mu) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}
