import { parseShard, shardRange, ShardError, PARTIAL_FORMAT, type PartialDoc, type ShardRange, type ShardSpec } from '../analysis/shards/shard.js';
import { VERSION } from '../model/version.js';
import { UsageError } from './errors.js';

/** `--shard i/n` as the commands take it: a spec and its branch range, or a usage error. */
export function shardFlag(text: string | undefined, runs: number, flags: { csv?: boolean }): (ShardSpec & ShardRange) | undefined {
  if (text === undefined) return undefined;
  let spec: ShardSpec;
  try {
    spec = parseShard(text);
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
  if (flags.csv) throw new UsageError('--shard writes a partial document (JSON) for `article10 merge`; give --csv to merge instead');
  return { ...spec, ...shardRange(runs, spec) };
}

/** The envelope every partial document shares. */
export function partialHeader(seed: string, runs: number, shard: ShardSpec & ShardRange): Omit<PartialDoc, 'command' | 'items' | 'sweep' | 'tallies'> {
  return { format: PARTIAL_FORMAT, version: VERSION, seed, runs, shard: { index: shard.index, count: shard.count, first: shard.first, branches: shard.branches } };
}
