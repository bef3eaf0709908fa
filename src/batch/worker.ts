import { parentPort } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { CHUNK_SIZE, emptyTally, simulateRange, type CompiledModel, type Tally } from '../engine/index.js';
import type { RangeJob, WorkerReply } from './protocol.js';
import { clearTally, serializeTally } from './tally-transfer.js';

/** A pool thread: runs ranges of branches and sends back their tallies. */
if (parentPort === null) throw new Error('worker.js must run as a worker thread');
const port = parentPort;
let cached: { modelId: number; model: CompiledModel; tally: Tally } | undefined;

port.on('message', (job: RangeJob) => {
  try {
    if (cached === undefined || cached.modelId !== job.modelId) {
      if (job.model === undefined) throw new Error(`model ${job.modelId} was never sent to this worker`);
      const model = deserialize(job.model) as CompiledModel;
      cached = { modelId: job.modelId, model, tally: emptyTally(model) };
    }
    const model = cached.model;
    // One tally per model, cleared for each task: a long run allocates nothing per task.
    const tally = cached.tally;
    clearTally(tally);
    // Report progress chunk by chunk so long ranges still show movement.
    for (let done = 0; done < job.count; ) {
      const step = Math.min(CHUNK_SIZE * 4, job.count - done);
      simulateRange(model, job.seed, job.first + done, step, tally);
      done += step;
      if (done < job.count) port.postMessage({ type: 'progress', task: job.task, branches: step } satisfies WorkerReply);
      else {
        port.postMessage({ type: 'progress', task: job.task, branches: step } satisfies WorkerReply);
        const serialized = serializeTally(tally);
        // Copied, not transferred: the first ArrayBuffer detached in a thread makes V8 check for
        // detached buffers at every typed-array access from then on, about 20% of the engine's speed.
        port.postMessage({ type: 'done', task: job.task, tally: serialized } satisfies WorkerReply);
      }
    }
  } catch (error) {
    port.postMessage({ type: 'error', task: job.task, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
