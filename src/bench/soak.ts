import { produce } from 'immer';
import type { WorkerPool } from '../batch/pool.js';
import { runModel } from '../batch/run.js';
import { compile, summarize } from '../engine/index.js';
import type { Scenario } from '../model/scenario.js';

/** The scenario after the i-th edit of an interactive session: one assumption moved. */
export function editedScenario(base: Scenario, i: number): Scenario {
  return produce(base, (draft) => {
    draft.candidate.acceptsStandardPath = { dist: { kind: 'fixed', value: 0.1 + (i % 9) / 10 }, source: 'bench' };
  });
}

/** One re-run as the explorer does it after an edit: compile, `branches` on the warm pool, summarise. */
export async function rerun(scenario: Scenario, pool: WorkerPool, branches: number): Promise<void> {
  const model = compile(scenario);
  summarize(model, await runModel(model, { seed: 'ui', runs: branches, pool }), { seed: 'ui' });
}

export interface SoakResult {
  /** Heap in use (MB) once the warm-up is over, and after the last re-run. */
  readonly heapAfterWarmup: number;
  readonly heapAtEnd: number;
  readonly peakRss: number;
}

/**
 * `warmup + reruns` re-runs back to back, each after an edit. With `gc` (node --expose-gc) the
 * heap is measured after a full collection; without it, as the least heap seen over a window of
 * re-runs, which leaves out garbage a collection would have freed soon after.
 */
export async function soak(base: Scenario, pool: WorkerPool, options: { reruns: number; warmup: number; branches: number; gc?: () => void }): Promise<SoakResult> {
  const window = Math.max(1, Math.min(options.warmup, 20));
  const heapNow = () => {
    options.gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const total = options.warmup + options.reruns;
  let afterWarmup = Infinity;
  let atEnd = Infinity;
  for (let i = 0; i < total; i++) {
    await rerun(editedScenario(base, i), pool, options.branches);
    const measured = i >= options.warmup - window && i < options.warmup;
    const last = i >= total - window;
    if (measured || last) {
      const heap = heapNow();
      if (measured) afterWarmup = Math.min(afterWarmup, heap);
      else atEnd = Math.min(atEnd, heap);
    }
  }
  return { heapAfterWarmup: afterWarmup, heapAtEnd: atEnd, peakRss: process.resourceUsage().maxRSS / 1024 };
}
