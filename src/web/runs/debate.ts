import { DebateRunner, type DebateUpdate } from '../../analysis/compare/debate-runner.js';
import type { Comparison } from '../../analysis/compare/comparison.js';
import type { Scenario } from '../../model/scenario.js';
import type { Handler } from './protocol.js';

/** The debate view's paired runs, in a worker of their own: both scenarios on the same branches. */
export type DebateRequest =
  | { readonly type: 'start'; readonly id: number; readonly a: Scenario; readonly b: Scenario; readonly seed: string; readonly stages: readonly number[] }
  | { readonly type: 'cancel' };

export type DebateReply =
  | { readonly id: number; readonly kind: 'results'; readonly comparison: Comparison; readonly ms: number; readonly final: boolean }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** Paired branches between two looks at the inbox: a newer request cancels within a few milliseconds. */
const SLICE = 1_024;

/** The worker's side: the command line's DebateRunner (quick, then refined; a newer request cancels the stale one). */
export const debateHandler: Handler<DebateRequest, DebateReply> = (post) => {
  let runner: { readonly key: string; readonly runner: DebateRunner } | undefined;
  return (request) => {
    if (request.type === 'cancel') return runner?.runner.cancel();
    const key = JSON.stringify([request.seed, request.stages]);
    if (runner?.key !== key) {
      runner?.runner.cancel();
      runner = { key, runner: new DebateRunner({ seed: request.seed, stages: request.stages, slice: SLICE }) };
    }
    runner.runner.start(request.a, request.b, (update: DebateUpdate) =>
      post(
        update.kind === 'results'
          ? { id: request.id, kind: 'results', comparison: update.snapshot.comparison, ms: update.snapshot.ms, final: update.snapshot.final }
          : { id: request.id, kind: 'error', message: update.message },
      ),
    );
  };
};
