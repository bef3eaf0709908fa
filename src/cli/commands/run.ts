import { runScenario } from '../../batch/run.js';
import type { Results } from '../../model/results.js';
import { resultsCsv } from '../../report/csv.js';
import { resultsJson } from '../../report/json.js';
import { summaryText } from '../../report/summary-text.js';
import { Interrupted, UsageError } from '../errors.js';
import { interruptSignal } from '../interrupt.js';
import { loadForCommand } from '../load.js';
import { emit, progressReporter } from '../output.js';
import { RunCancelled } from '../../batch/pool.js';

export interface RunFlags {
  readonly runs: number;
  readonly seed: string;
  readonly workers?: number;
  readonly set: readonly string[];
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly out?: string;
}

/** `article10 run`: every scenario, then one document (nothing is written unless all finished). */
export async function runCommand(files: readonly string[], flags: RunFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const loaded = [];
  for (const file of files) loaded.push(await loadForCommand(file, flags.set));
  const interrupt = interruptSignal();
  const results: Results[] = [];
  try {
    for (const l of loaded) {
      const progress = progressReporter(flags.runs, l.scenario.id);
      if ((flags.json || flags.csv) && l.warnings.length > 0) for (const w of l.warnings) process.stderr.write(`warning: ${l.file}: ${w}\n`);
      results.push(
        await runScenario(l.scenario, {
          seed: flags.seed,
          runs: flags.runs,
          workers: flags.workers,
          onProgress: progress,
          signal: interrupt.signal,
          warnings: l.warnings,
        }),
      );
      progress.end();
    }
  } catch (error) {
    if (error instanceof RunCancelled) {
      const done = results.map((r) => r.scenario).join(', ') || 'none';
      throw new Interrupted(`interrupted by ${interrupt.reason ?? 'a signal'}: finished scenarios: ${done}; nothing was written`);
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
  const text = flags.json
    ? resultsJson(results.length === 1 ? results[0]! : results)
    : flags.csv
      ? resultsCsv(results)
      : results.map((r) => summaryText(r, { width: process.stdout.columns ?? 80 })).join('\n');
  await emit(text, flags.out);
}
