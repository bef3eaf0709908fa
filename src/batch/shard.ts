import * as z from 'zod';
import { CHUNK_SIZE, compile, emptyTally, mergeInto, tallyShape, type CompiledModel, type Tally } from '../engine/index.js';
import type { Scenario } from '../model/scenario.js';
import { VERSION } from '../model/version.js';
import type { RewriteDistance } from '../report/rewrite-distance.js';
import type { SweepDesign } from '../report/sweep.js';
import { ARRAY_FIELDS } from './tally-transfer.js';

/**
 * Shards: one run split over machines. Shard i of n (numbered from 1) runs the branches
 * [first, first + count) given by shardRange: whole chunks of CHUNK_SIZE branches, so every
 * branch draws the same key whatever the split, and the shards together cover every branch
 * exactly once. A shard writes a partial document carrying its raw integer tally and what it
 * ran (the normalized scenario, seed, runs, version, shard); `merge` checks the parts belong
 * together and adds their tallies, which gives exactly the unsharded run's tally, in any order.
 */
export const PARTIAL_FORMAT = 'article10-partial/1';
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
    super(message);
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

/** The partial document as text: plain JSON with every number exact (not rounded like reports). */
export function partialJson(p: PartialDoc): string {
  return JSON.stringify(p) + '\n';
}

const count = z.number().int().min(0);
const sparseSchema = z.object({ n: count, i: z.array(count), v: z.array(count) });
const tallySchema = z.object({ runs: count, arrays: z.object(Object.fromEntries(ARRAY_FIELDS.map((f) => [f, sparseSchema])) as Record<(typeof ARRAY_FIELDS)[number], typeof sparseSchema>) });
const baseSchema = {
  format: z.literal(PARTIAL_FORMAT),
  version: z.string(),
  seed: z.string(),
  runs: z.number().int().min(1),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1).max(MAX_SHARDS), first: count, branches: count }),
};
const scenarioObject = z.custom<Scenario>((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
const partialSchema = z.discriminatedUnion('command', [
  z.object({
    ...baseSchema,
    command: z.literal('run'),
    items: z.array(z.object({ file: z.string(), scenario: scenarioObject, warnings: z.array(z.string()), rewrite: z.custom<RewriteDistance>().optional(), tally: tallySchema })).min(1),
  }),
  z.object({
    ...baseSchema,
    command: z.literal('sweep'),
    sweep: z.object({ scenario: scenarioObject, warnings: z.array(z.string()), design: z.custom<SweepDesign>((x) => typeof x === 'object' && x !== null) }),
    tallies: z.array(tallySchema).min(1),
  }),
]);

/** Reads a partial document, or says what is wrong with it. */
export function parsePartial(text: string, file: string): PartialDoc {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShardError(`${file}: not a partial document (not JSON); shards are written by run or sweep with --shard i/n`);
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format !== PARTIAL_FORMAT) {
    throw new ShardError(`${file}: not a partial document of this format (${PARTIAL_FORMAT}); shards are written by run or sweep with --shard i/n`);
  }
  const parsed = partialSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ShardError(`${file}: damaged partial document at ${first.path.join('.') || 'the top'}: ${first.message}`);
  }
  return parsed.data as PartialDoc;
}

/** The parts checked to belong together, and their tallies added up. */
export type Merged =
  | { readonly command: 'run'; readonly seed: string; readonly runs: number; readonly items: readonly { item: RunPartItem; model: CompiledModel; tally: Tally }[] }
  | { readonly command: 'sweep'; readonly seed: string; readonly runs: number; readonly sweep: SweepPartial['sweep']; readonly tallies: readonly Tally[] };

/**
 * Checks that the parts are the shards of one run (same command, scenario, seed, runs, version
 * and number of shards; every shard present once, with the branches it should have) and adds
 * their tallies. Integer addition: the order of the parts does not matter.
 */
export function mergePartials(parts: readonly { file: string; partial: PartialDoc }[]): Merged {
  if (parts.length === 0) throw new ShardError('give the partial documents to merge');
  const [head, ...rest] = parts;
  const h = head!.partial;
  if (h.version !== VERSION) throw new ShardError(`${head!.file} was written by article10 ${h.version}; this is ${VERSION}: merge with the version that ran the shards`);
  const identity = (p: PartialDoc) => JSON.stringify(p.command === 'run' ? p.items.map(({ tally: _t, file: _f, ...rest }) => rest) : p.sweep);
  const headIdentity = identity(h);
  for (const { file, partial: p } of rest) {
    const differs = (what: string, a: unknown, b: unknown) => new ShardError(`${file} does not belong with ${head!.file}: different ${what} (${String(b)} vs ${String(a)})`);
    if (p.command !== h.command) throw differs('command', h.command, p.command);
    if (p.version !== h.version) throw differs('version', h.version, p.version);
    if (p.seed !== h.seed) throw differs('seed', h.seed, p.seed);
    if (p.runs !== h.runs) throw differs('number of runs', h.runs, p.runs);
    if (p.shard.count !== h.shard.count) throw differs('number of shards', h.shard.count, p.shard.count);
    if (identity(p) !== headIdentity) throw new ShardError(`${file} does not belong with ${head!.file}: different scenario${p.command === 'sweep' ? ' or sweep design' : 's, --set values or baselines'}`);
  }
  const n = h.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, partial: p } of parts) {
    const twice = byIndex.get(p.shard.index);
    if (twice !== undefined) throw new ShardError(`shard ${p.shard.index}/${n} is given twice: ${twice} and ${file}`);
    byIndex.set(p.shard.index, file);
    const expected = shardRange(h.runs, p.shard);
    if (p.shard.index > n || p.shard.first !== expected.first || p.shard.branches !== expected.branches) {
      throw new ShardError(`${file}: shard ${p.shard.index}/${n} should hold branches ${expected.first}..${expected.first + expected.branches - 1}, not what it says`);
    }
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${n}`).join(', ');
    throw new ShardError(`missing shard${missing.length === 1 ? '' : 's'} ${shown}${missing.length > 10 ? `, ... (${missing.length} in all)` : ''}: every shard 1/${n} to ${n}/${n} is needed once`);
  }
  const sorted = [...parts].sort((a, b) => a.partial.shard.index - b.partial.shard.index);
  const addUp = (model: CompiledModel, pick: (p: PartialDoc) => SparseTally, what: string): Tally => {
    const total = emptyTally(model);
    for (const { file, partial } of sorted) {
      const t = denseTally(model, pick(partial), `${file} (${what})`);
      if (t.runs !== partial.shard.branches) throw new ShardError(`${file}: its tally counts ${t.runs} branches, not the shard's ${partial.shard.branches}`);
      mergeInto(total, t);
    }
    return total;
  };
  if (h.command === 'run') {
    const items = h.items.map((item, j) => {
      const model = compileOrFail(item.scenario, head!.file);
      return { item, model, tally: addUp(model, (p) => (p as RunPartial).items[j]!.tally, item.scenario.id) };
    });
    return { command: 'run', seed: h.seed, runs: h.runs, items };
  }
  const model = compileOrFail(h.sweep.scenario, head!.file);
  const points = h.sweep.design.points;
  if (!Array.isArray(points) || h.tallies.length !== points.length) throw new ShardError(`${head!.file}: the sweep has ${points?.length} points but ${h.tallies.length} tallies`);
  // Points change values, not the shape of the tally: one compiled model checks them all.
  const tallies = points.map((_, i) => addUp(model, (p) => (p as SweepPartial).tallies[i]!, `point ${i + 1}`));
  return { command: 'sweep', seed: h.seed, runs: h.runs, sweep: h.sweep, tallies };
}

function compileOrFail(scenario: Scenario, file: string): CompiledModel {
  try {
    const model = compile(scenario);
    tallyShape(model);
    return model;
  } catch (error) {
    throw new ShardError(`${file}: the scenario in it cannot be compiled (${error instanceof Error ? error.message : String(error)})`);
  }
}
