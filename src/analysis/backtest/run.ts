import type { Scenario } from '../../model/scenario.js';
import { scoreCase, summarizeBacktests, type BacktestCase, type BacktestReport } from './score.js';
import { runScenario, type RunOptions } from '../../batch/run.js';
import { isMissed, rewriteMiss, type MissRewrite } from './rewrites.js';

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
  const report = summarizeBacktests(cases, { seed: options.seed, runs: options.runs });
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

/** The case with its horizon at the end of `year` (never before the decision point's year). */
function stoppedAt(scenario: Scenario, year: number): Scenario {
  return { ...scenario, decisionPoint: { ...scenario.decisionPoint, horizon: Math.max(year, scenario.decisionPoint.year) } };
}
