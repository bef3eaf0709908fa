import { stat } from 'node:fs/promises';
import { mergePartials } from '../../analysis/shards/merge-partials.js';
import { parsePartial } from '../../analysis/shards/partial-schema.js';
import { ShardError, type PartialDoc } from '../../analysis/shards/shard.js';
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

/**
 * All the parts together. Every part is held (parsed) until the tallies are added up, so their
 * sum is bounded too, or a few parts each under the limit (padded with spaces, say) would
 * exhaust the heap and abort the process: nine of 500 MB did, after 19 s and 5 GB. Four times a
 * part's limits: far more than the shards of the largest sweep hold.
 */
const MAX_TOTAL_BYTES = 4 * MAX_PART_BYTES;
const MAX_TOTAL_VALUES = 4 * MAX_PART_VALUES;

/** Commas in a text: a bound on the values a JSON parse of it builds. */
function commas(text: string): number {
  let n = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) n++;
  return n;
}

/** The bytes of the parts that can be stat'ed (a part that cannot is refused when it is read). */
async function totalBytes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return total;
}

/** `article10 merge`: the shards of one run or sweep, verified, then combined into exactly the unsharded output. */
export async function mergeCommand(files: readonly string[], flags: MergeFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const bytes = await totalBytes(files);
  if (bytes > MAX_TOTAL_BYTES) throw new UsageError(`the ${files.length} parts hold ${bytes} bytes in all; the limit is ${MAX_TOTAL_BYTES} bytes`);
  // Each part is parsed as it is read: its text (spaces and all) is not kept beside the next one's.
  const parts: { file: string; partial: PartialDoc }[] = [];
  let values = 0;
  for (const file of files) {
    const read = await readTextFile(file, MAX_PART_BYTES);
    if (!read.ok) throw new UsageError(`${file}: ${read.failure.message}`);
    const n = commas(read.text);
    if (n > MAX_PART_VALUES) throw new UsageError(`${file}: holds more than ${MAX_PART_VALUES.toLocaleString('en-US')} values, far more than a shard of the largest sweep; it is not a partial document of article10`);
    values += n;
    if (values > MAX_TOTAL_VALUES) throw new UsageError(`${file}: the parts up to it hold more than ${MAX_TOTAL_VALUES.toLocaleString('en-US')} values in all, far more than the shards of the largest sweep`);
    parts.push({ file, partial: parseOrFail(read.text, file) });
  }
  let text: string;
  try {
    text = mergedParts(parts, { ...flags, width: terminalColumns(flags.out) });
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
  await emit(text, flags.out);
}

function parseOrFail(text: string, file: string): PartialDoc {
  try {
    return parsePartial(text, file);
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
}

type MergeFormat = { readonly json?: boolean; readonly csv?: boolean; readonly width?: number | undefined };

/** What merge prints for the parts' texts; throws a one-line ShardError naming the part when one does not verify. */
export function mergedOutput(parts: readonly { file: string; text: string }[], format: MergeFormat): string {
  return mergedParts(
    parts.map(({ file, text }) => ({ file, partial: parsePartial(text, file) })),
    format,
  );
}

/** What merge prints for the parts, each already read by parsePartial. */
function mergedParts(parts: readonly { file: string; partial: PartialDoc }[], format: MergeFormat): string {
  const merged = mergePartials(parts);
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
