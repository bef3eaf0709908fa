import { scenarioLevers, seedsToward } from '../../analysis/rewrite-search/levers.js';
import { runRewriteSearch, type RewriteReport } from '../../analysis/rewrite-search/run.js';
import { parseTarget } from '../../analysis/rewrite-search/target.js';
import type { Scenario } from '../../model/scenario.js';
import type { Handler } from './protocol.js';

/** "What would it take?": the rewrite search of `article10 rewrite`, in a worker of its own. */
export interface RewriteAsk {
  readonly scenario: Scenario;
  /** As `--target` reads it: `joined>=0.3`, `vetoed<=50%`. */
  readonly target: string;
  readonly by?: number;
  readonly seed: string;
  readonly runs: number;
  readonly maxChanges: number;
  readonly maxDistance: number;
  /** The bundled counterfactuals of the scenario's decision point, by file name: where the search may start, as the command's does. */
  readonly counterfactuals?: readonly Scenario[];
}

export type RewriteRequest = ({ readonly type: 'start'; readonly id: number } & RewriteAsk) | { readonly type: 'cancel' };

export type RewriteReply =
  | { readonly id: number; readonly kind: 'progress'; readonly evaluations: number }
  | { readonly id: number; readonly kind: 'done'; readonly report: RewriteReport; readonly scenario: Scenario }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** The worker's side: one search at a time; a new one or a cancel stops the one under way. */
export const rewriteHandler: Handler<RewriteRequest, RewriteReply> = (post) => {
  let running: AbortController | undefined;
  return (request) => {
    running?.abort();
    running = undefined;
    if (request.type === 'cancel') return;
    const parsed = parseTarget(request.target, request.by);
    if (!parsed.ok) return post({ id: request.id, kind: 'error', message: parsed.message });
    const levers = scenarioLevers(request.scenario, [], []);
    if (levers.length === 0) return post({ id: request.id, kind: 'error', message: `nothing to change: ${request.scenario.id} has no parameter, rule or event the search may move` });
    const controller = new AbortController();
    running = controller;
    runRewriteSearch(request.scenario, levers, {
      seeds: seedsToward(levers, request.counterfactuals ?? []),
      target: parsed.target,
      seed: request.seed,
      runs: request.runs,
      maxChanges: request.maxChanges,
      maxDistance: request.maxDistance,
      workers: 1,
      signal: controller.signal,
      onProgress: (evaluations) => post({ id: request.id, kind: 'progress', evaluations }),
    }).then(
      ({ report, scenario }) => controller.signal.aborted || post({ id: request.id, kind: 'done', report, scenario }),
      (error: unknown) => controller.signal.aborted || post({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
};
