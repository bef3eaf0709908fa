import { compareScenarios } from './run.js';
import type { Scenario } from '../../model/scenario.js';
import type { Comparison } from './comparison.js';
import type { LiveRunnerOptions, StagedSnapshot, StagedUpdate } from '../../batch/live-runner.js';

/** A comparison of two teams' scenarios over the branches run so far. */
export interface DebateSnapshot extends StagedSnapshot {
  readonly a: Scenario;
  readonly b: Scenario;
  readonly comparison: Comparison;
}

export type DebateUpdate = StagedUpdate<DebateSnapshot>;

/** The live runner's seed and stages (paired branches here), and its clock. */
export interface DebateRunnerOptions extends Pick<LiveRunnerOptions, 'seed' | 'stages' | 'now'> {
  /**
   * Paired branches run between two looks at the keyboard. A paired branch of the 2000
   * scenario takes ~23 µs on this machine, so 512 hold the UI thread for ~12 ms at most.
   */
  readonly slice?: number;
}

const DEFAULT_SLICE = 512;
const CACHE_SIZE = 8;

/**
 * The debate view's paired runs (`compareScenarios`: both scenarios on the same branch keys,
 * so the difference has a tight interval). The worker threads run single scenarios only, so
 * these run on the UI thread in small slices that yield to the keyboard between them: a quick
 * estimate, then refined (which starts again from branch 0: a Comparison cannot be added to,
 * and the quick stage is a tenth of the work). A newer request cancels the stale one; refined
 * comparisons are kept, so reopening the view on the same two scenarios shows them at once.
 */
export class DebateRunner {
  private controller: AbortController | undefined;
  private readonly cache = new Map<string, Comparison>();
  private readonly now: () => number;

  constructor(private readonly options: DebateRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts comparing `a` with `b`, cancelling the run under way; `listener` hears only from this one. */
  start(a: Scenario, b: Scenario, listener: (update: DebateUpdate) => void): void {
    this.cancel();
    const key = JSON.stringify([a, b]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return listener({ kind: 'results', snapshot: { a, b, comparison: cached, ms: 0, final: true } });
    const controller = new AbortController();
    this.controller = controller;
    void this.run(a, b, controller.signal, listener).then(
      (final) => final !== undefined && this.remember(key, final),
      (error: unknown) => {
        if (!controller.signal.aborted) listener({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private async run(a: Scenario, b: Scenario, signal: AbortSignal, listener: (update: DebateUpdate) => void): Promise<Comparison | undefined> {
    const started = this.now();
    const { seed, stages, slice = DEFAULT_SLICE } = this.options;
    let comparison: Comparison | undefined;
    for (const [i, runs] of stages.entries()) {
      // Let the frame that asked for the comparison be drawn before the first slice runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal.aborted) return undefined;
      comparison = await compareScenarios(a, b, { seed, runs, slice, signal });
      if (signal.aborted) return undefined;
      listener({ kind: 'results', snapshot: { a, b, comparison, ms: this.now() - started, final: i === stages.length - 1 } });
    }
    return comparison;
  }

  private remember(key: string, comparison: Comparison): void {
    this.cache.delete(key);
    this.cache.set(key, comparison);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}
