import { runModel } from '../../batch/run.js';
import { partialJson } from '../../analysis/shards/partial-checksum.js';
import { sparseTally, type RunPartial } from '../../analysis/shards/shard.js';
import { compile, summarize, type CompiledModel, type Tally } from '../../engine/index.js';
import type { Results } from '../../model/results.js';
import { resultsCsv } from '../../report/csv.js';
import { stableJson } from '../../report/json.js';
import type { RewriteDistance } from '../../analysis/rewrite/rewrite-distance.js';
import { summaryText } from '../../analysis/summary/text.js';
import { Interrupted, UsageError } from '../errors.js';
import { checkPercent } from '../common-options.js';
import { interruptSignal } from '../interrupt.js';
import { loadForCommand } from '../load.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { emit, printWarnings, terminalColumns } from '../output.js';
import { progressReporter } from '../progress.js';
import { RunCancelled } from '../../batch/pool.js';
import { rewriteFor } from '../baseline.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { partialHeader, shardFlag } from '../shards.js';
import type { RunFlags } from './run.options.js';

/** One scenario's results and, when it rewrites a baseline, how far. */
export interface RunOutputItem {
  readonly results: Results;
  readonly rewrite?: RewriteDistance;
}

/** `article10 run`: every scenario, then one document (nothing is written unless all finished). */
export async function runCommand(files: readonly string[], flags: RunFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  checkPercent(flags);
  const shard = shardFlag(flags.shard, flags.runs, flags);
  const loaded: LoadedScenario[] = [];
  for (const file of files) loaded.push(await loadForCommand(file, flags.set));
  const rewrites: (RewriteDistance | undefined)[] = [];
  for (const [i, l] of loaded.entries()) rewrites.push(await rewriteFor(l, flags.set.length === 0 ? undefined : async () => (await loadForCommand(files[i]!)).scenario));
  const runs = shard?.branches ?? flags.runs;
  checkWork(
    { command: 'run', ...(loaded.length > 1 && { made: `${loaded.length} scenarios × ${branchCount(runs)}` }), branches: loaded.length * runs, smaller: 'fewer --runs, or --shard i/n to split them over machines' },
    flags.yes,
  );
  const interrupt = interruptSignal();
  const done: { model: CompiledModel; tally: Tally }[] = [];
  try {
    for (const l of loaded) {
      const progress = progressReporter(runs, l.scenario.id);
      if (flags.json || flags.csv || shard) printWarnings(l.file, l.warnings);
      const model = compile(l.scenario);
      const tally = await runModel(model, { seed: flags.seed, runs, first: shard?.first, workers: flags.workers, onProgress: progress, signal: interrupt.signal });
      done.push({ model, tally });
      progress.end();
    }
  } catch (error) {
    if (error instanceof RunCancelled) {
      const finished = loaded.slice(0, done.length).map((l) => l.scenario.id).join(', ') || 'none';
      throw new Interrupted(`interrupted by ${interrupt.reason ?? 'a signal'}: finished scenarios: ${finished}; nothing was written`);
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
  if (shard !== undefined) {
    const partial: RunPartial = {
      ...partialHeader(flags.seed, flags.runs, shard),
      command: 'run',
      items: loaded.map((l, i) => ({
        file: l.file,
        scenario: l.scenario,
        warnings: l.warnings,
        ...(rewrites[i] !== undefined && { rewrite: rewrites[i] }),
        tally: sparseTally(done[i]!.tally),
      })),
    };
    await emit(partialJson(partial), flags.out);
    return;
  }
  const items = done.map(({ model, tally }, i) => ({
    results: summarize(model, tally, { seed: flags.seed, warnings: loaded[i]!.warnings }),
    ...(rewrites[i] !== undefined && { rewrite: rewrites[i] }),
  }));
  await emit(runOutput(items, { ...flags, width: terminalColumns(flags.out) }), flags.out);
}

/** What `run` prints for its results; `merge` of a run's shards prints the same. */
export function runOutput(items: readonly RunOutputItem[], format: { readonly json?: boolean; readonly csv?: boolean; readonly percent?: boolean; readonly width?: number | undefined }): string {
  if (format.json) {
    const docs = items.map((i) => (i.rewrite === undefined ? i.results : { ...i.results, rewrite: i.rewrite }));
    return stableJson(docs.length === 1 ? docs[0] : docs);
  }
  if (format.csv) return resultsCsv(items.map((i) => ({ results: i.results, ...(i.rewrite !== undefined && { rewriteDistance: i.rewrite.score }) })), format);
  return items.map((i) => summaryText(i.results, { ...(format.width !== undefined && { width: format.width }), ...(i.rewrite !== undefined && { rewrite: i.rewrite }) })).join('\n');
}
