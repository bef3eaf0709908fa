import type { Scenario } from '../../model/scenario.js';
import { scenarioLevers } from '../rewrite-search/levers.js';
import { runRewriteSearch, searchEstimate } from '../rewrite-search/run.js';
import { parseTarget, targetText } from '../rewrite-search/target.js';
import type { BacktestCase, MissRewrite } from './score.js';

/**
 * What each miss would have needed: for every case to which the forecast gave what happened
 * (membership by the observed year, or none for a case that did not join) less than even odds,
 * the least rewrite of the case's own inputs (in units of each value's documented uncertainty,
 * each switch 1) that makes it the likelier one by the observed year. A small distance says the
 * case's inputs are near what reproduces the record; a large one, or none within the limits,
 * says the miss is the engine's or the record's, not a prior set slightly off.
 */

/** The limits of each search: modest, as a backtest runs many (the text states them). */
export const MISS_REWRITE_LIMITS = { threshold: 0.5, runs: 1000, maxDistance: 6, maxChanges: 4 } as const;

export interface MissRewriteOptions {
  readonly seed: string;
  /** Branches per evaluation: at most MISS_REWRITE_LIMITS.runs. */
  readonly runs: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onCase?: (scenario: string) => void;
  /** Evaluations done in this case's search. */
  readonly onProgress?: (evaluations: number) => void;
}

/** Whether a rewrite is sought for a case: what happened (pObserved) got less than even odds. */
export function isMissed(c: BacktestCase): boolean {
  return c.pObserved < MISS_REWRITE_LIMITS.threshold;
}

/** Evaluations the search of a case is expected to take at most (for the work budget and progress). */
export function missRewriteEstimate(scenario: Scenario): number {
  return searchEstimate(scenarioLevers(scenario, [], []));
}

/** The least rewrite of one missed case towards what happened. */
export async function rewriteMiss(scenario: Scenario, scored: BacktestCase, options: MissRewriteOptions): Promise<MissRewrite> {
  const observed = scored.observed;
  // The scored event at even odds: membership by the observed year, or none for a case that did not join.
  const parsed = parseTarget(observed.outcome === 'joined' ? `joined>=${MISS_REWRITE_LIMITS.threshold}` : `joined<=${MISS_REWRITE_LIMITS.threshold}`, observed.year);
  if (!parsed.ok) throw new Error(`internal: ${parsed.message}`);
  options.onCase?.(scenario.id);
  const { report } = await runRewriteSearch(scenario, scenarioLevers(scenario, [], []), {
    target: parsed.target,
    seed: options.seed,
    runs: Math.min(options.runs, MISS_REWRITE_LIMITS.runs),
    maxDistance: MISS_REWRITE_LIMITS.maxDistance,
    maxChanges: MISS_REWRITE_LIMITS.maxChanges,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return {
    scenario: scenario.id,
    pObserved: scored.pObserved,
    target: targetText(parsed.target),
    start: report.start,
    found: report.found,
    distance: report.rewrite.distance,
    changes: report.rewrite.changes,
    search: report.rewrite.search,
    verification: report.rewrite.verification,
    evaluations: report.evaluations,
  };
}
