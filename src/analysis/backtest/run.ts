import type { Scenario } from '../../model/scenario.js';
import { scoreCase, summarizeBacktests, type BacktestCase, type BacktestReport, type MissRewrite } from './score.js';
import { runScenario, WORKER_THRESHOLD, type RunOptions } from '../../batch/run.js';
import { defaultWorkerCount, WorkerPool } from '../../batch/pool.js';
import { isMissed, rewriteMiss } from './rewrites.js';

export interface BacktestInput {
  readonly scenario: Scenario;
  readonly warnings?: readonly string[];
}

/** Runs every case with the same seed and number of branches, then scores them. */
export async function runBacktests(
  inputs: readonly BacktestInput[],
  options: Omit<RunOptions, 'onProgress'> & {
    onCase?: (scenario: string) => void;
    /** Where the misses stood (a second run of each case); default true. */
    misses?: boolean;
    /** Seek the least rewrite of each case given less than even odds (rewrites.ts); default false. */
    rewrite?: boolean;
    /** Evaluations done in the rewrite search of the case named (for progress). */
    onRewriteProgress?: (scenario: string, evaluations: number) => void;
  },
): Promise<BacktestReport> {
  // Each case alone is often below the size that pays for threads; all of them together are not:
  // one pool for every case (results are the same for any number of threads).
  const total = inputs.length * options.runs * (options.misses === false ? 1 : 2);
  const workers = options.workers ?? (total >= WORKER_THRESHOLD ? defaultWorkerCount() : 1);
  const pool = options.pool ?? (workers > 1 ? new WorkerPool(workers) : undefined);
  let report: BacktestReport;
  try {
    report = await scoreAll(inputs, { ...options, ...(pool === undefined ? {} : { pool }) });
  } finally {
    if (options.pool === undefined) await pool?.close();
  }
  if (options.rewrite !== true) return report;
  const missRewrites: MissRewrite[] = [];
  // Cases and inputs pair by position: two files can share an id (one extends the other).
  for (const [i, scored] of report.cases.entries()) {
    if (!isMissed(scored)) continue;
    missRewrites.push(
      await rewriteMiss(inputs[i]!.scenario, scored, {
        seed: options.seed,
        runs: options.runs,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onCase: (id) => options.onCase?.(`${id}: the least rewrite`),
        onProgress: (n) => options.onRewriteProgress?.(scored.scenario, n),
      }),
    );
  }
  return { ...report, missRewrites };
}

/** Runs and scores every case, each also stopped at its observed year unless `misses` is false. */
async function scoreAll(inputs: readonly BacktestInput[], options: Omit<RunOptions, 'onProgress'> & { onCase?: (scenario: string) => void; misses?: boolean }): Promise<BacktestReport> {
  const cases: BacktestCase[] = [];
  for (const input of inputs) {
    const observed = input.scenario.observed;
    if (observed === undefined) throw new Error(`internal: backtest ${input.scenario.id} has no observed outcome`);
    options.onCase?.(input.scenario.id);
    const results = await runScenario(input.scenario, { ...options, warnings: input.warnings ?? [] });
    // The same branches stopped at the end of the observed year: where those that missed stood then.
    const horizon = input.scenario.decisionPoint.horizon;
    const stopped = options.misses === false ? null : observed.year < horizon ? await runScenario(stoppedAt(input.scenario, observed.year), { ...options, warnings: [] }) : results;
    cases.push(scoreCase(input.scenario, observed, results, stopped));
  }
  return summarizeBacktests(cases, { seed: options.seed, runs: options.runs });
}

/** The case with its horizon at the end of `year` (never before the decision point's year). */
function stoppedAt(scenario: Scenario, year: number): Scenario {
  return { ...scenario, decisionPoint: { ...scenario.decisionPoint, horizon: Math.max(year, scenario.decisionPoint.year) } };
}
