import { emptyTally, simulateRange, walkedModel, type CompiledModel, type Tally } from '../../engine/index.js';
import type { Executor } from '../../batch/executors.js';
import { clearTally, mergeSerializedInto, serializeTally } from '../../batch/tally-transfer.js';
import type { Handler, RangePort, RangeReply, RangeRequest } from './protocol.js';

/**
 * What a worker of the page does with a range: the branches [first, first + count) of the model
 * into a tally (one kept per model and cleared for each range, so a long session allocates
 * nothing per range), sent back as its non-zero cells. The command line's worker threads do the
 * same with the same engine calls; the page's tests run this very handler.
 */
export const rangeHandler: Handler<RangeRequest, RangeReply> = (post) => {
  let cached: { readonly modelId: number; readonly model: CompiledModel; readonly tally: Tally } | undefined;
  return (request) => {
    try {
      if (cached === undefined || cached.modelId !== request.modelId) {
        if (request.model === undefined) throw new Error(`model ${request.modelId} was never sent to this worker`);
        cached = { modelId: request.modelId, model: request.model, tally: emptyTally(request.model) };
      }
      clearTally(cached.tally);
      simulateRange(cached.model, request.seed, request.first, request.count, cached.tally);
      post({ type: 'done', task: request.task, tally: serializeTally(cached.tally) });
    } catch (error) {
      post({ type: 'error', task: request.task, message: error instanceof Error ? error.message : String(error) });
    }
  };
};

let nextModelId = 1;
const modelIds = new WeakMap<CompiledModel, number>();
let nextTask = 1;

function modelIdOf(model: CompiledModel): number {
  let id = modelIds.get(model);
  if (id === undefined) modelIds.set(model, (id = nextModelId++));
  return id;
}

/**
 * An executor (batch/executors.ts) over a port: the live runner of the command line's explorer
 * hands it ranges as it hands them to its worker threads. Replies carry their task, so a range
 * of a cancelled run still in flight never mixes with the next run's.
 */
export function portExecutor(port: RangePort): Executor {
  const waiting = new Map<number, { readonly model: CompiledModel; resolve(t: Tally): void; reject(e: Error): void }>();
  /** The model the worker has now: the last one sent (it reads its messages in order). */
  let sent: number | undefined;
  port.listen((reply) => {
    const task = waiting.get(reply.task);
    if (task === undefined) return;
    waiting.delete(reply.task);
    if (reply.type === 'error') return task.reject(new Error(reply.message));
    const tally = emptyTally(task.model);
    try {
      mergeSerializedInto(tally, reply.tally);
      task.resolve(tally);
    } catch (error) {
      task.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return {
    run(model, seed, first, count) {
      const modelId = modelIdOf(model);
      const task = nextTask++;
      return new Promise<Tally>((resolve, reject) => {
        waiting.set(task, { model, resolve, reject });
        port.post({ type: 'range', task, modelId, seed, first, count, ...(sent !== modelId && { model: walkedModel(model) }) });
        sent = modelId;
      });
    },
    async close() {
      port.close();
      for (const task of waiting.values()) task.reject(new Error('the page closed its workers'));
      waiting.clear();
    },
  };
}

/**
 * A port to the handler on this thread (where Web Workers cannot start, and in tests): each
 * message is answered after a yield, as a worker answers, and, unless `copy` is false, copied
 * both ways as postMessage copies it.
 */
export function threadPort<In, Out>(handler: Handler<In, Out>, copy = true): { post(message: In): void; listen(l: (reply: Out) => void): void; close(): void } {
  const listeners: ((reply: Out) => void)[] = [];
  const handle = handler((reply) => {
    const sent = copy ? structuredClone(reply) : reply;
    setTimeout(() => listeners.forEach((l) => l(sent)), 0);
  });
  let open = true;
  return {
    post: (message) => void setTimeout(() => open && handle(copy ? structuredClone(message) : message), 0),
    listen: (l) => void listeners.push(l),
    close: () => void (open = false),
  };
}

/**
 * An executor that runs on this thread until its worker has started, then in the worker: the
 * page's first estimate does not wait for the workers to load their code, and the results are
 * the same wherever a range runs.
 */
export function onceReady(worker: Executor, ready: Promise<unknown>, local: Executor): Executor {
  let started = false;
  void ready.then(() => (started = true));
  return {
    run: (model, seed, first, count) => (started ? worker.run(model, seed, first, count) : local.run(model, seed, first, count)),
    close: async () => {
      await Promise.all([worker.close(), local.close()]);
    },
  };
}

/** A port to a Web Worker. */
export function workerPort<In, Out>(worker: Worker): { post(message: In): void; listen(l: (reply: Out) => void): void; close(): void; readonly ready: Promise<void> } {
  return {
    // A worker says it has started (see workers/serve.ts) before it answers anything.
    ready: new Promise<void>((resolve) => worker.addEventListener('message', () => resolve(), { once: true })),
    post: (message) => worker.postMessage(message),
    listen: (l) => worker.addEventListener('message', (e: MessageEvent<Out>) => l(e.data)),
    close: () => worker.terminate(),
  };
}
