import type { Outcome } from '../../model/outcome.js';
import { OUTCOMES } from '../../model/outcome.js';
import type { Results, YearCount } from '../../model/results.js';
import type { ObservedOutcome, Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { wilson } from '../../engine/index.js';

/**
 * Backtests: scenarios of real accessions, written from the record before the run, each with
 * the outcome that happened (`observed`). The engine's forecast for each is scored against it.
 *
 * The event scored for a case is "the observed outcome, settled no later than the observed
 * year" (for `joined`: membership by the year the candidate actually joined). Its predicted
 * probability p is the share of branches in which it happened. The Brier score of a case is
 * (1 − p)², since the event did happen; over all cases it is the mean, from 0 (every case
 * forecast with certainty) to 1 (every case ruled out). A forecast of 50/50 everywhere scores
 * 0.25. Because every scored event happened, this score alone rewards overconfidence in
 * "yes": read it with the outcome Brier score, which scores the whole distribution of
 * outcomes at the horizon, Σ over outcomes k of (p_k − [k observed])², from 0 to 2.
 */
export interface BacktestCase {
  readonly scenario: string;
  readonly title: string;
  readonly candidate: { readonly name: string; readonly code: string };
  readonly decisionYear: number;
  readonly horizon: number;
  readonly observed: ObservedOutcome;
  /** P(observed outcome settled by the observed year), with its 95% interval (Monte Carlo error). */
  readonly pObserved: number;
  readonly pObservedCi95: readonly [number, number];
  /** P(observed outcome at any time up to the horizon). */
  readonly pObservedByHorizon: number;
  /** The outcome the run gives most often. */
  readonly mostLikely: Outcome;
  readonly mostLikelyShare: number;
  /** Share of branches that joined by the horizon. */
  readonly joinedByHorizon: number;
  /** Accession year among joined branches: median and the 10th and 90th percentiles (null when none joined). */
  readonly predictedYear: YearSpread | null;
  /** Years from the decision point to accession: predicted median and observed (joined cases only). */
  readonly yearsToAccession: { readonly predicted: number | null; readonly observed: number } | null;
  /** (1 − pObserved)². */
  readonly brier: number;
  /** Σ_k (p_k − [k = observed])² over the outcome shares at the horizon. */
  readonly brierOutcomes: number;
  readonly warnings: readonly string[];
}

export interface YearSpread {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
}

export interface BacktestReport {
  readonly seed: string;
  readonly runs: number;
  readonly version: string;
  readonly cases: readonly BacktestCase[];
  /** Mean of the cases' Brier scores; null with no case. */
  readonly brier: number | null;
  readonly brierOutcomes: number | null;
  /** Mean of |predicted median − observed| accession year over joined cases that joined in some branch. */
  readonly meanYearError: number | null;
  readonly definitions: { readonly brier: string; readonly brierOutcomes: string; readonly pObserved: string };
}

export const BACKTEST_DEFINITIONS = {
  pObserved: 'share of branches ending in the observed outcome no later than the observed year (joined: member by that year)',
  brier: 'mean over cases of (1 - pObserved)^2: 0 = every observed outcome forecast with certainty, 0.25 = a 50/50 forecast, 1 = every one ruled out',
  brierOutcomes: 'mean over cases of the sum over outcomes k of (share_k - [k observed])^2 at the horizon: 0 = certain and right, 2 = certain and wrong',
} as const;

/** The share of branches ending in `outcome` no later than `year`. */
export function shareBy(results: Results, outcome: Outcome, year: number): number {
  if (results.runs === 0) return 0;
  const count = results.outcomeYears[outcome].reduce((sum, y) => (y.year <= year ? sum + y.count : sum), 0);
  return count / results.runs;
}

/** The q-quantile (0..1) of a year distribution given as counts, by the lower value: the year by which at least q of the mass lies. */
export function yearQuantile(years: readonly YearCount[], q: number): number | null {
  const total = years.reduce((sum, y) => sum + y.count, 0);
  if (total === 0) return null;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  let seen = 0;
  for (const y of sorted) {
    seen += y.count;
    if (seen >= q * total) return y.year;
  }
  return sorted[sorted.length - 1]!.year;
}

/** Brier score of one binary forecast p for an event that did (1) or did not (0) happen. */
export function brierBinary(p: number, happened: 0 | 1): number {
  return (p - happened) ** 2;
}

/** Brier score of a forecast over categories against the one that happened: Σ_k (p_k − [k = observed])². */
export function brierCategorical(forecast: Readonly<Record<string, number>>, observed: string): number {
  let sum = 0;
  for (const [k, p] of Object.entries(forecast)) sum += (p - (k === observed ? 1 : 0)) ** 2;
  if (!(observed in forecast)) sum += 1;
  return sum;
}

/** Mean of a list, null when empty. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Scores one case's results against what happened. Pure. */
export function scoreCase(scenario: Scenario, observed: ObservedOutcome, results: Results): BacktestCase {
  const p = shareBy(results, observed.outcome, observed.year);
  const count = Math.round(p * results.runs);
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, results.outcomes[o].share])) as Record<Outcome, number>;
  const mostLikely = OUTCOMES.reduce((best, o) => (byOutcome[o] > byOutcome[best] ? o : best), OUTCOMES[0]);
  const median = yearQuantile(results.accessionYears, 0.5);
  const predictedYear = median === null ? null : { median, p10: yearQuantile(results.accessionYears, 0.1)!, p90: yearQuantile(results.accessionYears, 0.9)! };
  const start = scenario.decisionPoint.year;
  return {
    scenario: scenario.id,
    title: scenario.title,
    candidate: { name: scenario.candidate.name, code: scenario.candidate.code },
    decisionYear: start,
    horizon: scenario.decisionPoint.horizon,
    observed,
    pObserved: p,
    pObservedCi95: wilson(count, results.runs),
    pObservedByHorizon: byOutcome[observed.outcome],
    mostLikely,
    mostLikelyShare: byOutcome[mostLikely],
    joinedByHorizon: byOutcome.joined,
    predictedYear,
    yearsToAccession: observed.outcome === 'joined' ? { predicted: median === null ? null : median - start, observed: observed.year - start } : null,
    brier: brierBinary(p, 1),
    brierOutcomes: brierCategorical(byOutcome, observed.outcome),
    warnings: results.warnings,
  };
}

/** Summary over scored cases. Pure. */
export function summarizeBacktests(cases: readonly BacktestCase[], meta: { seed: string; runs: number }): BacktestReport {
  const yearErrors = cases.flatMap((c) => (c.observed.outcome === 'joined' && c.predictedYear !== null ? [Math.abs(c.predictedYear.median - c.observed.year)] : []));
  return {
    seed: meta.seed,
    runs: meta.runs,
    version: VERSION,
    cases,
    brier: mean(cases.map((c) => c.brier)),
    brierOutcomes: mean(cases.map((c) => c.brierOutcomes)),
    meanYearError: mean(yearErrors),
    definitions: BACKTEST_DEFINITIONS,
  };
}
