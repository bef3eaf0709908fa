import { mergePartials } from '../../analysis/shards/merge-partials.js';
import { parsePartial } from '../../analysis/shards/partial-schema.js';
import { ShardError } from '../../analysis/shards/shard.js';
import { sweepHeader, sweepPoint } from '../../analysis/sweep/run.js';
import { sweepOutput } from '../../analysis/sweep/output.js';
import { summarize } from '../../engine/index.js';
import { readTextFile } from '../../io/read-text.js';
import { UsageError } from '../errors.js';
import { emit, terminalColumns } from '../output.js';
import { runOutput } from './run.js';
import { sweepFormat } from './sweep.js';
import type { MergeFlags } from './merge.options.js';

/** Partial documents carry a tally per point of a sweep: allow large ones, but not unbounded. */
const MAX_PART_BYTES = 512 * 1024 * 1024;
/**
 * Values (commas) in one part: a part of the largest sweep (10,000 points, about 1,700 values
 * a tally) holds about 17 million. JSON.parse of 140 million in one list aborted the process
 * (V8's "invalid size") after 24 s and 3.7 GB, before any check could read it.
 */
const MAX_PART_VALUES = 40_000_000;

/** Commas in a text: a bound on the values a JSON parse of it builds. */
function commas(text: string): number {
  let n = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) n++;
  return n;
}

/** `article10 merge`: the shards of one run or sweep, verified, then combined into exactly the unsharded output. */
export async function mergeCommand(files: readonly string[], flags: MergeFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const parts: { file: string; text: string }[] = [];
  for (const file of files) {
    const read = await readTextFile(file, MAX_PART_BYTES);
    if (!read.ok) throw new UsageError(`${file}: ${read.failure.message}`);
    if (commas(read.text) > MAX_PART_VALUES) throw new UsageError(`${file}: holds more than ${MAX_PART_VALUES.toLocaleString('en-US')} values, far more than a shard of the largest sweep; it is not a partial document of article10`);
    parts.push({ file, text: read.text });
  }
  let text: string;
  try {
    text = mergedOutput(parts, { ...flags, width: terminalColumns(flags.out) });
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
  await emit(text, flags.out);
}

/** What merge prints for the parts' texts; throws a one-line ShardError naming the part when one does not verify. */
export function mergedOutput(parts: readonly { file: string; text: string }[], format: { readonly json?: boolean; readonly csv?: boolean; readonly width?: number | undefined }): string {
  const merged = mergePartials(parts.map(({ file, text }) => ({ file, partial: parsePartial(text, file) })));
  if (merged.command === 'run') {
    return runOutput(
      merged.items.map(({ item, model, tally }) => ({
        results: summarize(model, tally, { seed: merged.seed, warnings: item.warnings }),
        ...(item.rewrite !== undefined && { rewrite: item.rewrite }),
      })),
      format,
    );
  }
  const { scenario, design, warnings } = merged.sweep;
  return sweepOutput(
    sweepHeader(scenario, design, { seed: merged.seed, runs: merged.runs, warnings }),
    merged.tallies.map((tally, i) => sweepPoint(scenario, design, i, tally, merged.seed)),
    sweepFormat(format),
    format.width,
  ).join('');
}
