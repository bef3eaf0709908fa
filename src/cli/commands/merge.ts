import { mergePartials, parsePartial, ShardError, type PartialDoc } from '../../batch/shard.js';
import { sweepHeader, sweepPoint } from '../../batch/sweep.js';
import { sweepOutput } from '../../report/sweep.js';
import { summarize } from '../../engine/index.js';
import { readTextFile } from '../../io/read-text.js';
import { UsageError } from '../errors.js';
import { emit } from '../output.js';
import { runOutput } from './run.js';
import { sweepFormat } from './sweep.js';

export interface MergeFlags {
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly out?: string;
}

/** Partial documents carry a tally per point of a sweep: allow large ones, but not unbounded. */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/** `article10 merge`: the shards of one run or sweep, combined into exactly the unsharded output. */
export async function mergeCommand(files: readonly string[], flags: MergeFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const parts: { file: string; partial: PartialDoc }[] = [];
  try {
    for (const file of files) {
      const read = await readTextFile(file, MAX_PART_BYTES);
      if (!read.ok) throw new UsageError(`${file}: ${read.failure.message}`);
      parts.push({ file, partial: parsePartial(read.text, file) });
    }
    const merged = mergePartials(parts);
    const text =
      merged.command === 'run'
        ? runOutput(
            merged.items.map(({ item, model, tally }) => ({
              results: summarize(model, tally, { seed: merged.seed, warnings: item.warnings }),
              ...(item.rewrite !== undefined && { rewrite: item.rewrite }),
            })),
            flags,
          )
        : sweepOutput(
            sweepHeader(merged.sweep.scenario, merged.sweep.design, { seed: merged.seed, runs: merged.runs, warnings: merged.sweep.warnings }),
            merged.tallies.map((tally, i) => sweepPoint(merged.sweep.scenario, merged.sweep.design, i, tally, merged.seed)),
            sweepFormat(flags),
          );
    await emit(text, flags.out);
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
}
