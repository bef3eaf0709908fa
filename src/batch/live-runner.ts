import { compile, emptyTally, mergeInto, summarize, type CompiledModel, type Tally } from '../engine/index.js';
import type { Results } from '../model/results.js';
import type { Scenario } from '../model/scenario.js';
import type { Executor } from './executors.js';

/** What a run in stages (a quick estimate, then refined) has so far. */
export interface StagedSnapshot {
  /** Milliseconds from the request to this snapshot. */
  readonly ms: number;
  /** True when every stage has run (the refined estimate). */
  readonly final: boolean;
}

/** What a run in stages tells its listener. */
export type StagedUpdate<S extends StagedSnapshot> = { readonly kind: 'results'; readonly snapshot: S } | { readonly kind: 'error'; readonly message: string };

/** Results of the branches run so far for one scenario. */
export interface RunSnapshot extends StagedSnapshot {
  readonly results: Results;
}

export type RunUpdate = StagedUpdate<RunSnapshot>;

export interface LiveRunnerOptions {
  readonly seed: string;
  /** Cumulative branch counts: a quick estimate first, then refined. */
  readonly stages: readonly number[];
  readonly executors: readonly Executor[];
  /** Most branches per range handed to an executor: a cancelled run lingers for at most one range per executor. */
  readonly slice: number;
  /** Clock for the reported times (tests pass a fake one). */
  readonly now?: () => number;
  /**
   * Executors runs may use until widen() is called (default all). The UI loads and draws its
   * first, slow frame while the first run goes on: one thread for it leaves the other core to
   * the UI, which widens the runner once that frame is on screen.
   */
  readonly startWithExecutors?: number;
}

const CACHE_SIZE = 32;

/**
 * Re-runs a scenario whenever it changes: a quick estimate, then refined, always with the
 * same seed so two versions of a scenario differ only by the edit (common random numbers).
 * A newer request cancels the stale one. Final results are cached by scenario, so undo and
 * redo show refined results at once.
 */
/** The run under way: who hears from it, and what it said last (for a listener that comes late). */
interface ActiveRun {
  readonly scenario: Scenario;
  readonly controller: AbortController;
  listener: (update: RunUpdate) => void;
  last?: RunUpdate;
  /** Who waits for this run's first update (see firstResults); told once, whoever listens by then. */
  readonly firstWaiters: (() => void)[];
}

export class LiveRunner {
  private current: ActiveRun | undefined;
  private readonly cache = new Map<string, RunSnapshot>();
  private readonly now: () => number;
  /** How many executors runs may use now (see widen). */
  private allowed: number;
  /** Starts slices on executors that were not allowed when the range under way began. */
  private joinRange: (() => void) | undefined;

  constructor(private readonly options: LiveRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.allowed = Math.max(1, Math.min(options.executors.length, options.startWithExecutors ?? options.executors.length));
  }

  /** Lets runs use every executor from now on, including the range under way. */
  widen(): void {
    this.allowed = this.options.executors.length;
    this.joinRange?.();
  }

  /** Where it runs branches: lent to other work of the UI (a search), which queues behind its runs. */
  get executors(): readonly Executor[] {
    return this.options.executors;
  }

  get seed(): string {
    return this.options.seed;
  }

  /** Cumulative branch counts of the quick and refined estimates (the debate view runs the same). */
  get stages(): readonly number[] {
    return this.options.stages;
  }

  /**
   * Starts a run, cancelling the previous one; `listener` hears only from this run. Asked
   * again for the scenario already under way (the same object), it keeps that run and hands
   * it the new listener: the CLI starts the first run while the UI is still loading.
   */
  start(scenario: Scenario, warnings: readonly string[], listener: (update: RunUpdate) => void): void {
    const active = this.current;
    if (active !== undefined && active.scenario === scenario && !active.controller.signal.aborted) {
      active.listener = listener;
      if (active.last !== undefined) listener(active.last);
      return;
    }
    this.cancel();
    const controller = new AbortController();
    const run: ActiveRun = { scenario, controller, listener, firstWaiters: [] };
    this.current = run;
    const key = JSON.stringify(scenario);
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      run.last = { kind: 'results', snapshot: cached };
      listener(run.last);
      return;
    }
    const report = (update: RunUpdate) => {
      if (controller.signal.aborted) return;
      run.last = update;
      run.listener(update);
      for (const waiter of run.firstWaiters.splice(0)) waiter();
    };
    this.run(scenario, warnings, controller.signal, report).then(
      (final) => {
        if (final !== undefined) this.remember(key, final);
      },
      (error: unknown) => report({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** The latest results of the run under way, if it is for this scenario: the UI's first frame shows them at once. */
  latest(scenario: Scenario): RunSnapshot | undefined {
    const last = this.current?.scenario === scenario ? this.current.last : undefined;
    return last?.kind === 'results' ? last.snapshot : undefined;
  }

  /** Resolves when the run under way has its first results (or fails, or is replaced). */
  firstResults(): Promise<void> {
    const run = this.current;
    if (run === undefined || run.last !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      run.firstWaiters.push(resolve);
      run.controller.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  cancel(): void {
    this.current?.controller.abort();
    this.current = undefined;
  }

  async close(): Promise<void> {
    this.cancel();
    await Promise.all(this.options.executors.map((e) => e.close()));
  }

  private async run(scenario: Scenario, warnings: readonly string[], signal: AbortSignal, report: (u: RunUpdate) => void): Promise<RunSnapshot | undefined> {
    const started = this.now();
    const model = compile(scenario);
    const tally = emptyTally(model);
    const stages = this.options.stages;
    let done = 0;
    let snapshot: RunSnapshot | undefined;
    for (const [i, target] of stages.entries()) {
      await this.runRange(model, done, target - done, tally, signal);
      if (signal.aborted) return undefined;
      done = target;
      const results = summarize(model, tally, { seed: this.options.seed, warnings });
      snapshot = { results, ms: this.now() - started, final: i === stages.length - 1 };
      report({ kind: 'results', snapshot });
    }
    return snapshot;
  }

  /** Hands out slices to every allowed executor until the range is done or the run is cancelled. */
  private async runRange(model: CompiledModel, first: number, count: number, total: Tally, signal: AbortSignal): Promise<void> {
    const end = first + count;
    const executors = this.options.executors;
    // Small ranges are split too, so a quick estimate uses every executor.
    const slice = Math.min(this.options.slice, Math.ceil(count / executors.length));
    let next = first;
    const drain = async (executor: Executor) => {
      while (next < end && !signal.aborted) {
        const from = next;
        const n = Math.min(slice, end - from);
        next += n;
        mergeInto(total, await executor.run(model, this.options.seed, from, n));
      }
    };
    const draining: Promise<void>[] = [];
    const join = () => {
      while (draining.length < this.allowed) draining.push(drain(executors[draining.length]!));
    };
    join();
    this.joinRange = join;
    try {
      // Executors allowed while the range runs join it; wait for every drain, late ones too.
      for (let waited = 0; waited < draining.length; ) {
        const upTo = draining.length;
        await Promise.all(draining.slice(waited, upTo));
        waited = upTo;
      }
    } finally {
      if (this.joinRange === join) this.joinRange = undefined;
    }
  }

  private remember(key: string, snapshot: RunSnapshot): void {
    this.cache.delete(key);
    this.cache.set(key, snapshot);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}
