import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHUNK_SIZE, emptyTally, walkedModel, type CompiledModel, type Tally } from '../engine/index.js';
import type { RangeJob, WorkerReply } from './protocol.js';
import { mergeSerializedInto } from './tally-transfer.js';

/** Branches per task handed to a worker: whole chunks, so splitting never changes the random streams. */
const TASK_BRANCHES = CHUNK_SIZE * 16;

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export interface PoolRun {
  readonly model: CompiledModel;
  readonly seed: string;
  readonly first: number;
  readonly count: number;
  readonly onProgress?: (branchesDone: number) => void;
  readonly signal?: AbortSignal;
}

let nextModelId = 1;
const modelIds = new WeakMap<CompiledModel, number>();
const serializedModels = new WeakMap<CompiledModel, Uint8Array>();

/** A model as sent to the workers (what walking branches reads), serialized once however many workers need it. */
function serializedModel(model: CompiledModel): Uint8Array {
  let bytes = serializedModels.get(model);
  if (bytes === undefined) serializedModels.set(model, (bytes = serialize(walkedModel(model))));
  return bytes;
}

/**
 * A warm pool of worker threads. Tasks are whole chunks of branches, handed out as
 * workers free up; tallies are integer counts, so the merge order does not matter and
 * the result is the same bytes for any number of workers.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** The model id each worker has compiled last. */
  private readonly compiled = new WeakMap<Worker, number>();
  private closed = false;

  constructor(
    readonly size: number = defaultWorkerCount(),
    private readonly workerUrl: URL = locateWorkerScript(),
  ) {}

  async run(job: PoolRun): Promise<Tally> {
    if (this.closed) throw new Error('worker pool is closed');
    const total = emptyTally(job.model);
    const tasks = splitTasks(job.first, job.count, this.size);
    let modelId = modelIds.get(job.model);
    if (modelId === undefined) modelIds.set(job.model, (modelId = nextModelId++));
    this.grow(Math.min(this.size, tasks.length));

    return new Promise<Tally>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let done = 0;
      let settled = false;
      const listeners: (() => void)[] = [];
      const settle = (error: Error | undefined) => {
        if (settled) return;
        settled = true;
        for (const off of listeners) off();
        if (error === undefined) resolve(total);
        else {
          // A worker mid-task cannot be interrupted: replace the pool's threads.
          this.terminateAll();
          reject(error);
        }
      };
      const abort = () => settle(new RunCancelled());
      if (job.signal?.aborted) return abort();
      job.signal?.addEventListener('abort', abort, { once: true });
      listeners.push(() => job.signal?.removeEventListener('abort', abort));

      const assign = (worker: Worker) => {
        const task = tasks[next];
        if (task === undefined) return;
        // A worker that already has this model gets only its id, not the model again.
        const known = this.compiled.get(worker) === modelId;
        this.compiled.set(worker, modelId!);
        const message: RangeJob = { type: 'range', task: next, modelId: modelId!, ...(known ? {} : { model: serializedModel(job.model) }), seed: job.seed, ...task };
        next++;
        worker.postMessage(message);
      };
      for (const worker of this.workers.slice(0, Math.min(this.workers.length, tasks.length))) {
        const onMessage = (reply: WorkerReply) => {
          if (settled) return;
          if (reply.type === 'progress') {
            done += reply.branches;
            job.onProgress?.(done);
          } else if (reply.type === 'error') {
            settle(new Error(`a worker thread failed: ${reply.message}`));
          } else {
            try {
              mergeSerializedInto(total, reply.tally);
            } catch (error) {
              settle(new Error(`a worker thread failed: ${error instanceof Error ? error.message : String(error)}`));
              return;
            }
            finished++;
            if (finished === tasks.length) settle(undefined);
            else assign(worker);
          }
        };
        const onError = (error: Error) => settle(new Error(`a worker thread failed: ${error.message}`));
        const onExit = (code: number) => settle(new Error(`a worker thread exited unexpectedly (code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        listeners.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        assign(worker);
      }
      if (tasks.length === 0) settle(undefined);
    });
  }

  private grow(n: number): void {
    while (this.workers.length < n) {
      // The engine allocates next to nothing per branch: a small young generation keeps a
      // long run's memory flat instead of letting each thread's nursery grow.
      const worker = new Worker(this.workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.unref();
      // A thread that fails or exits between runs (or after its run was settled) leaves the
      // pool quietly; the next run starts a fresh one. During a run, run() reports it.
      const drop = () => {
        const at = this.workers.indexOf(worker);
        if (at >= 0) this.workers.splice(at, 1);
      };
      worker.on('error', drop);
      worker.on('exit', drop);
      this.workers.push(worker);
    }
  }

  private terminateAll(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

/**
 * Splits [first, first + count) into tasks. A short run (an interactive re-run) gets one equal
 * share per worker, so all finish together; a long one, tasks along chunk boundaries of at most
 * TASK_BRANCHES each, handed out as workers free up. Any split gives the same tally, since the
 * random streams belong to the chunks, not to the tasks.
 */
export function splitTasks(first: number, count: number, workers: number): { first: number; count: number }[] {
  // No branches, no task: a task of none would never report done (a shard of a short run can be empty).
  if (count <= 0) return [];
  if (count <= workers * TASK_BRANCHES) {
    const shares = Math.min(workers, count);
    return Array.from({ length: shares }, (_, i) => {
      const from = first + Math.floor((count * i) / shares);
      return { first: from, count: first + Math.floor((count * (i + 1)) / shares) - from };
    });
  }
  const chunksPerTask = Math.max(1, Math.min(TASK_BRANCHES / CHUNK_SIZE, Math.ceil(count / CHUNK_SIZE / (workers * 2))));
  const span = chunksPerTask * CHUNK_SIZE;
  const tasks: { first: number; count: number }[] = [];
  for (let b = first; b < first + count; ) {
    const end = Math.min(first + count, (Math.floor(b / span) + 1) * span);
    tasks.push({ first: b, count: end - b });
    b = end;
  }
  return tasks;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The compiled worker script: next to the bundle in dist/, or dist/ when running from sources. */
export function locateWorkerScript(): URL {
  const candidates = ['./batch/worker.js', '../batch/worker.js', '../../dist/batch/worker.js'].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (found === undefined) throw new Error('worker script not found: run `npm run build` first');
  return found;
}
