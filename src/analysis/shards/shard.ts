import { CHUNK_SIZE, emptyTally, type CompiledModel, type Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import type { RewriteDistance } from '../rewrite/rewrite-distance.js';
import type { SweepDesign } from '../sweep/output.js';
import { ARRAY_FIELDS } from '../../batch/tally-transfer.js';

/**
 * Shards: one run split over machines. Shard i of n (numbered from 1) runs the branches
 * [first, first + count) given by shardRange: whole chunks of CHUNK_SIZE branches, so every
 * branch draws the same key whatever the split, and the shards together cover every branch
 * exactly once. A shard writes a partial document carrying its raw integer tally and what it
 * ran (the normalized scenario, seed, runs, version, shard), sealed by a checksum
 * (partial-checksum.ts); `merge` verifies each part and that the parts belong together
 * (merge-partials.ts), then adds their tallies, which gives exactly the unsharded run's tally,
 * in any order.
 */
export const PARTIAL_FORMAT = 'article10-partial/2';
export const MAX_SHARDS = 100_000;

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface ShardRange {
  readonly first: number;
  /** How many branches, from first. */
  readonly branches: number;
}

/** A bad shard argument or a set of parts that do not belong together: a usage error in the commands. */
export class ShardError extends Error {
  constructor(message: string) {
    // One line: parts of the message come from files and from compile errors.
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'ShardError';
  }
}

/** `i/n` with 1 ≤ i ≤ n: shards are numbered from 1 (a Kubernetes index or `seq 0` needs +1). */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new ShardError(`--shard must look like i/n, e.g. 2/8 (shards are numbered from 1 to n); got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`--shard ${text}: the number of shards must be from 1 to ${MAX_SHARDS}`);
  if (index === 0) throw new ShardError(`--shard ${text}: shards are numbered from 1, so the first is 1/${count} and the last ${count}/${count}`);
  if (index > count) throw new ShardError(`--shard ${text}: there is no shard ${index} of ${count}`);
  return { index, count };
}

/** The branches of shard `index` (1-based) of `count`, aligned to whole chunks. Some shards of a short run are empty (0 branches). */
export function shardRange(runs: number, spec: ShardSpec): ShardRange {
  const chunks = Math.ceil(runs / CHUNK_SIZE);
  const k = spec.index - 1;
  const first = Math.min(runs, Math.floor((k * chunks) / spec.count) * CHUNK_SIZE);
  const end = Math.min(runs, Math.floor(((k + 1) * chunks) / spec.count) * CHUNK_SIZE);
  return { first, branches: end - first };
}

// --- partial documents ---------------------------------------------------------------------

/** A tally's arrays, sparse: most cells (blockers by actor and reason) are zero. */
export interface SparseArray {
  readonly n: number;
  readonly i: number[];
  readonly v: number[];
}

export interface SparseTally {
  readonly runs: number;
  readonly arrays: Readonly<Record<(typeof ARRAY_FIELDS)[number], SparseArray>>;
}

export interface RunPartItem {
  readonly file: string;
  readonly scenario: Scenario;
  readonly warnings: readonly string[];
  readonly rewrite?: RewriteDistance;
  readonly tally: SparseTally;
}

interface PartialBase {
  readonly format: typeof PARTIAL_FORMAT;
  readonly version: string;
  readonly seed: string;
  readonly runs: number;
  readonly shard: ShardSpec & ShardRange;
}

export interface RunPartial extends PartialBase {
  readonly command: 'run';
  readonly items: readonly RunPartItem[];
}

export interface SweepPartial extends PartialBase {
  readonly command: 'sweep';
  readonly sweep: { readonly scenario: Scenario; readonly warnings: readonly string[]; readonly design: SweepDesign };
  readonly tallies: readonly SparseTally[];
}

export type PartialDoc = RunPartial | SweepPartial;

export function sparseTally(t: Tally): SparseTally {
  const arrays = Object.fromEntries(
    ARRAY_FIELDS.map((f) => {
      const a = t[f];
      const i: number[] = [];
      const v: number[] = [];
      for (let j = 0; j < a.length; j++) if (a[j] !== 0) i.push(j), v.push(a[j]!);
      return [f, { n: a.length, i, v }];
    }),
  ) as SparseTally['arrays'];
  return { runs: t.runs, arrays };
}

/** The tally back, for `model`; throws ShardError when its shape is not the model's. */
export function denseTally(model: CompiledModel, s: SparseTally, what: string): Tally {
  const t = emptyTally(model);
  t.runs = s.runs;
  for (const f of ARRAY_FIELDS) {
    const a = s.arrays[f];
    const into = t[f];
    if (a.n !== into.length || a.i.length !== a.v.length) throw new ShardError(`${what}: its tally does not fit the scenario (${f})`);
    for (let j = 0; j < a.i.length; j++) {
      const at = a.i[j]!;
      if (at >= into.length) throw new ShardError(`${what}: its tally does not fit the scenario (${f})`);
      into[at] = a.v[j]!;
    }
  }
  return t;
}

