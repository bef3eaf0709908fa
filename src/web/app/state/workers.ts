import type { Executor } from '../../../batch/executors.js';
import { LiveRunner } from '../../../batch/live-runner.js';
import type { Scenario } from '../../../model/scenario.js';
import type { DebateReply, DebateRequest } from '../../runs/debate.js';
import type { Handler, RangeReply, RangeRequest } from '../../runs/protocol.js';
import { onceReady, portExecutor, rangeHandler, threadPort, workerPort } from '../../runs/ranges.js';
import type { RewriteAsk, RewriteReply, RewriteRequest } from '../../runs/rewrite.js';
import { SLICE, stagesFor } from '../../runs/stages.js';

/**
 * The page's Web Workers: ranges of branches for the live results (one worker per core, at most
 * four), the debate view's paired runs and the rewrite search, each kind in workers of its own.
 * Where workers cannot start, the same handlers run on this thread.
 */
function workersAvailable(): boolean {
  return typeof Worker !== 'undefined' && location.protocol !== 'file:';
}

interface Port<In, Out> {
  post(message: In): void;
  listen(listener: (reply: Out) => void): void;
  close(): void;
}

/** A worker running `script`, or, where workers cannot start, its handler on this thread (loaded when first needed). */
function port<In, Out>(script: string, handler: () => Promise<Handler<In, Out>>): Port<In, Out> {
  if (workersAvailable()) return workerPort<In, Out>(new Worker(new URL(`./${script}.js`, import.meta.url), { type: 'module', name: `article10 ${script}` }));
  const local = handler().then((h) => threadPort(h));
  return {
    post: (message) => void local.then((p) => p.post(message)),
    listen: (listener) => void local.then((p) => p.listen(listener)),
    close: () => void local.then((p) => p.close()),
  };
}

let executors: Executor[] | undefined;

/**
 * One executor per core (at most four), each a Web Worker once its code has loaded and this
 * thread until then, so the first estimate needs no worker; every range gives the same tally
 * wherever it runs.
 */
export function pageExecutors(): Executor[] {
  if (executors !== undefined) return executors;
  const local = portExecutor(threadPort(rangeHandler, false));
  if (!workersAvailable()) return (executors = [local]);
  const cores = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  executors = Array.from({ length: cores }, () => {
    const worker = workerPort<RangeRequest, RangeReply>(new Worker(new URL('./worker-ranges.js', import.meta.url), { type: 'module', name: 'article10 ranges' }));
    return onceReady(portExecutor(worker), worker.ready, local);
  });
  return executors;
}

/** The live results' runner for a seed and number of branches: quick, then refined; a newer edit cancels the stale run. */
export function pageRunner(seed: string, runs: number): LiveRunner {
  return new LiveRunner({ seed, stages: stagesFor(runs), executors: pageExecutors(), slice: SLICE });
}

/** Talks to one worker of a kind, started on first use; replies to an older request are dropped. */
class Client<In extends { readonly type: string }, Out extends { readonly id: number }> {
  private port: Port<In, Out> | undefined;
  private listener: ((reply: Out) => void) | undefined;
  private current = 0;

  constructor(
    private readonly script: string,
    private readonly handler: () => Promise<Handler<In, Out>>,
  ) {}

  protected send(make: (id: number) => In, listener: (reply: Out) => void): void {
    if (this.port === undefined) {
      this.port = port(this.script, this.handler);
      this.port.listen((reply) => reply.id === this.current && this.listener?.(reply));
    }
    this.current += 1;
    this.listener = listener;
    this.port.post(make(this.current));
  }

  cancel(): void {
    this.current += 1;
    this.listener = undefined;
    this.port?.post({ type: 'cancel' } as In);
  }
}

export class DebateClient extends Client<DebateRequest, DebateReply> {
  constructor() {
    super('worker-debate', async () => (await import('../../runs/debate.js')).debateHandler);
  }

  start(a: Scenario, b: Scenario, seed: string, runs: number, listener: (reply: DebateReply) => void): void {
    this.send((id) => ({ type: 'start', id, a, b, seed, stages: stagesFor(runs) }), listener);
  }
}

export class RewriteClient extends Client<RewriteRequest, RewriteReply> {
  constructor() {
    super('worker-rewrite', async () => (await import('../../runs/rewrite.js')).rewriteHandler);
  }

  start(ask: RewriteAsk, listener: (reply: RewriteReply) => void): void {
    this.send((id) => ({ type: 'start', id, ...ask }), listener);
  }
}
