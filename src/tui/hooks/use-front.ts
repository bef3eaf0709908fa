import { useEffect, useState } from 'react';
import type { Executor } from '../../batch/executors.js';
import { RunCancelled } from '../../batch/pool.js';
import { scenarioLevers, type Lever } from '../../analysis/rewrite-search/levers.js';
import { runRewriteSearch, screeningCost, searchEstimate, type RewriteResult } from '../../analysis/rewrite-search/run.js';
import { targetText, type Target } from '../../analysis/rewrite-search/target.js';
import type { Scenario } from '../../model/scenario.js';

/**
 * The explorer's search is a quick one, so that the front shows in seconds: fewer branches an
 * evaluation, a narrower beam and budget, no starting points from files (`article10 rewrite`
 * searches wider).
 */
export const FRONT_SEARCH = { runs: 200, beam: 2, keep: 6, maxDistance: 8, maxChanges: 4 } as const;
/** Evaluations the explorer's search may spend on its rounds, after its first screening. */
const ROUNDS_BUDGET = 500;

/** A finished search, with the scenario it started from and its levers (to apply a point). */
export interface FrontDone extends RewriteResult {
  readonly start: Scenario;
  readonly levers: ReadonlyMap<string, Lever>;
}

export interface FrontState {
  /** The target as the report writes it: `joined >= 30%`. */
  readonly target: string;
  readonly evaluations: number;
  /** Evaluations the search is expected to take at most. */
  readonly estimate: number;
  readonly done?: FrontDone;
  readonly error?: string;
}

/** Finished searches by the scenario they started from and the target, so reopening the view shows them at once. */
export type FrontCache = WeakMap<Scenario, Map<string, FrontDone>>;

/** Evaluations between two redraws of the progress. */
const PROGRESS_EVERY = 10;

/** Searches the front of `scenario` for `target` while mounted; leaving (or a new target) cancels it. */
export function useFront(scenario: Scenario, target: Target, executors: readonly Executor[], seed: string, cache: FrontCache): FrontState {
  const text = targetText(target);
  const cached = cache.get(scenario)?.get(text);
  const [state, setState] = useState<FrontState & { readonly of?: Scenario }>({ target: text, evaluations: 0, estimate: 1 });
  useEffect(() => {
    if (cached !== undefined) return;
    const levers = scenarioLevers(scenario, [], []);
    const budget = screeningCost(levers) + ROUNDS_BUDGET;
    const estimate = searchEstimate(levers, budget);
    const controller = new AbortController();
    setState({ target: text, evaluations: 0, estimate, of: scenario });
    runRewriteSearch(scenario, levers, {
      target,
      seed,
      ...FRONT_SEARCH,
      budget,
      executors,
      signal: controller.signal,
      onProgress: (n) => n % PROGRESS_EVERY === 0 && !controller.signal.aborted && setState({ target: text, evaluations: n, estimate, of: scenario }),
    }).then(
      (result) => {
        const done: FrontDone = { ...result, start: scenario, levers: new Map(levers.map((l) => [l.path, l])) };
        const byTarget = cache.get(scenario) ?? new Map<string, FrontDone>();
        cache.set(scenario, byTarget.set(text, done));
        if (!controller.signal.aborted) setState({ target: text, evaluations: result.report.evaluations, estimate, done, of: scenario });
      },
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof RunCancelled) return;
        setState({ target: text, evaluations: 0, estimate, error: error instanceof Error ? error.message : String(error), of: scenario });
      },
    );
    return () => controller.abort();
  }, [scenario, text, cached === undefined]);
  if (cached !== undefined) return { target: text, evaluations: cached.report.evaluations, estimate: cached.report.evaluations, done: cached };
  // A state left from another scenario or target is not shown as this one's.
  return state.of === scenario && state.target === text ? state : { target: text, evaluations: 0, estimate: state.estimate };
}
