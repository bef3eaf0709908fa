import { createHash } from 'node:crypto';
import { compile, emptyTally, mergeInto, tallyShape, type CompiledModel, type Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import type { RewriteDistance } from '../rewrite/rewrite-distance.js';
import type { SweepDesign } from '../sweep/output.js';
import { checkVary, sweepDesign, SweepError } from '../sweep/run.js';
import { denseTally, shardRange, ShardError, type PartialDoc, type RunPartial, type RunPartItem, type SparseTally, type SweepPartial } from './shard.js';
import { tallyProblem } from '../../batch/tally-checks.js';
import { DISTRIBUTION_FIELDS, type DistributionKind } from '../../model/distribution.js';
import { rosterEntry } from '../../model/roster.js';
import { LIMITS } from '../../scenario/limits.js';
import { formatPath } from '../../scenario/paths.js';
import { defaultMessage, describeInput } from '../../scenario/schema-messages.js';
import { scenarioShape } from './scenario-shape.js';

/** The parts checked to belong together, and their tallies added up. */
export type Merged =
  | { readonly command: 'run'; readonly seed: string; readonly runs: number; readonly items: readonly { item: RunPartItem; model: CompiledModel; tally: Tally }[] }
  | { readonly command: 'sweep'; readonly seed: string; readonly runs: number; readonly sweep: SweepPartial['sweep']; readonly tallies: readonly Tally[] };

interface Part {
  readonly file: string;
  readonly partial: PartialDoc;
}

/**
 * Verifies the parts (each read by parsePartial, so sealed and well formed) and adds their
 * tallies: they must be the shards of one run (same command, scenario fingerprint, seed, runs,
 * version and number of shards; every shard present once, with the branches it should have),
 * a sweep's design must be the one its vary list gives, and every tally must add up
 * (tallyProblem). Throws a ShardError naming the part and what is wrong. Integer addition: the
 * order of the parts does not matter.
 */
export function mergePartials(parts: readonly Part[]): Merged {
  if (parts.length === 0) throw new ShardError('give the partial documents to merge');
  const head = parts[0]!;
  const h = head.partial;
  if (h.version !== VERSION) throw new ShardError(`${head.file} was written by article10 ${h.version}; this is ${VERSION}: merge with the version that ran the shards`);
  checkBelongTogether(head, parts.slice(1));
  checkEveryShardOnce(parts);
  const sorted = [...parts].sort((a, b) => a.partial.shard.index - b.partial.shard.index);
  const addUp = (model: CompiledModel, pick: (p: PartialDoc) => SparseTally, what: string): Tally => {
    const total = emptyTally(model);
    for (const { file, partial } of sorted) {
      const t = denseTally(model, pick(partial), `${file} (${what})`);
      if (t.runs !== partial.shard.branches) throw new ShardError(`${file} (${what}): its tally counts ${t.runs} branches, not the shard's ${partial.shard.branches}`);
      const problem = tallyProblem(model, t);
      if (problem !== undefined) throw new ShardError(`${file} (${what}): ${problem}`);
      mergeInto(total, t);
    }
    return total;
  };
  if (h.command === 'run') {
    const items = h.items.map((item, j) => {
      const model = compileOrFail(item.scenario, head.file);
      if (item.rewrite !== undefined) checkRewrite(item.rewrite, item.scenario, head.file);
      return { item, model, tally: addUp(model, (p) => (p as RunPartial).items[j]!.tally, item.scenario.id) };
    });
    return { command: 'run', seed: h.seed, runs: h.runs, items };
  }
  const model = compileOrFail(h.sweep.scenario, head.file);
  checkDesign(h.sweep.design, h.sweep.scenario, h.seed, head.file);
  const points = h.sweep.design.points;
  for (const { file, partial } of parts) {
    const tallies = (partial as SweepPartial).tallies.length;
    if (tallies !== points.length) throw new ShardError(`${file}: it has ${tallies} tallies for the ${points.length} points of its sweep`);
  }
  // Points change values, not the shape of the tally: one compiled model checks them all.
  const tallies = points.map((_, i) => addUp(model, (p) => (p as SweepPartial).tallies[i]!, `point ${i + 1}`));
  return { command: 'sweep', seed: h.seed, runs: h.runs, sweep: h.sweep, tallies };
}

/** Same command, version, seed, runs, number of shards and scenario fingerprint as the first part. */
function checkBelongTogether(head: Part, rest: readonly Part[]): void {
  const h = head.partial;
  const headPrint = fingerprint(h);
  for (const { file, partial: p } of rest) {
    const differs = (what: string, a: unknown, b: unknown) => new ShardError(`${file} does not belong with ${head.file}: different ${what} (${String(b)} vs ${String(a)})`);
    if (p.command !== h.command) throw differs('command', h.command, p.command);
    if (p.version !== h.version) throw differs('version', h.version, p.version);
    if (p.seed !== h.seed) throw differs('seed', JSON.stringify(h.seed), JSON.stringify(p.seed));
    if (p.runs !== h.runs) throw differs('number of runs', h.runs, p.runs);
    if (p.shard.count !== h.shard.count) throw differs('number of shards', h.shard.count, p.shard.count);
    const print = fingerprint(p);
    if (print !== headPrint) {
      const what = p.command === 'sweep' ? 'scenario or sweep design' : 'scenarios, --set values or baselines';
      throw new ShardError(`${file} does not belong with ${head.file}: different ${what} (fingerprint ${print} vs ${headPrint})`);
    }
  }
}

/** What a part ran, apart from seed and runs: its scenarios (with warnings and rewrite) or its sweep. Short SHA-256. */
function fingerprint(p: PartialDoc): string {
  const ran = p.command === 'run' ? p.items.map(({ tally: _t, file: _f, ...rest }) => rest) : p.sweep;
  return createHash('sha256').update(JSON.stringify(ran)).digest('hex').slice(0, 12);
}

/** Every shard 1..n exactly once, each with the branches shardRange gives it. */
function checkEveryShardOnce(parts: readonly Part[]): void {
  const { count: n } = parts[0]!.partial.shard;
  const runs = parts[0]!.partial.runs;
  const byIndex = new Map<number, string>();
  for (const { file, partial: p } of parts) {
    const twice = byIndex.get(p.shard.index);
    if (twice !== undefined) throw new ShardError(`shard ${p.shard.index}/${n} is given twice: ${twice} and ${file}`);
    byIndex.set(p.shard.index, file);
    const expected = shardRange(runs, p.shard);
    if (p.shard.first !== expected.first || p.shard.branches !== expected.branches) {
      throw new ShardError(`${file}: shard ${p.shard.index}/${n} of ${runs} runs holds ${expected.branches} branches from ${expected.first}, not the ${p.shard.branches} from ${p.shard.first} it says`);
    }
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${n}`).join(', ');
    throw new ShardError(`missing shard${missing.length === 1 ? '' : 's'} ${shown}${missing.length > 10 ? `, ... (${missing.length} in all)` : ''}: every shard 1/${n} to ${n}/${n} is needed once`);
  }
}

/** The design must be exactly what `sweep` makes of its vary list: known paths, values in range, the same points. */
function checkDesign(design: SweepDesign, scenario: Scenario, seed: string, file: string): void {
  const fail = (what: string) => new ShardError(`${file}: its sweep design ${what}`);
  let vary;
  try {
    vary = checkVary(scenario, design.vary, design.samples);
  } catch (error) {
    if (!(error instanceof SweepError)) throw error;
    throw fail(`cannot be run: ${error.vary === undefined ? '' : `${design.vary[error.vary]!.path}: `}${error.message}`);
  }
  if (JSON.stringify(vary) !== JSON.stringify(design.vary)) throw fail('does not write its paths as sweep does');
  if ((design.kind === 'latin-hypercube') !== (design.samples !== undefined)) throw fail(`is a ${design.kind}${design.samples === undefined ? ' without' : ' with'} samples`);
  const expected = sweepDesign(vary, design.samples, seed).points;
  if (design.points.length !== expected.length) throw fail(`has ${design.points.length} points; its vary list gives ${expected.length}`);
  const at = design.points.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(expected[i]));
  if (at >= 0) throw fail(`has point ${at + 1} at ${JSON.stringify(design.points[at])}, which is not its vary list's ${JSON.stringify(expected[at])}`);
}

/** A rewrite distance must be of this scenario and its score the sum of its terms. */
function checkRewrite(r: RewriteDistance, scenario: Scenario, file: string): void {
  const fail = (what: string) => new ShardError(`${file}: the rewrite distance of ${scenario.id} ${what}`);
  if (r.counterfactual !== scenario.id) throw fail(`is of ${JSON.stringify(r.counterfactual)}`);
  const term = Math.sqrt(r.changes.reduce((sum, c) => sum + c.z * c.z, 0));
  if (!close(r.parameterTerm, term)) throw fail(`gives ${r.parameterTerm} for its changed values, whose sizes give ${term}`);
  const score = term + r.switches.length + r.other.length;
  if (!close(r.score, score)) throw fail(`scores ${r.score}, but its terms add up to ${score}`);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * The scenario a part carries, compiled. A part is data from elsewhere and its checksum anyone
 * can recompute, so what would cost unbounded work or reach an object's prototype is refused
 * first, within the limits a scenario file has: a horizon 10 million years out had the merge
 * allocate 15 GB and abort.
 */
function compileOrFail(scenario: Scenario, file: string): CompiledModel {
  const problem = scenarioBoundsProblem(scenario) ?? scenarioShapeProblem(scenario);
  if (problem !== undefined) throw new ShardError(`${file}: the scenario in it ${problem}: not one a scenario file can give, so not a shard of this tool's run`);
  try {
    const model = compile(scenario);
    tallyShape(model);
    return model;
  } catch {
    throw new ShardError(`${file}: the scenario in it cannot be compiled: not one this version of article10 writes`);
  }
}

/**
 * A field of a carried scenario typed otherwise than the loader makes it (scenario-shape.ts),
 * or undefined: checked before compiling, since the summary reads the text fields as they are
 * (a candidate's name written as a mapping threw a TypeError there).
 */
function scenarioShapeProblem(scenario: Scenario): string | undefined {
  const parsed = scenarioShape.safeParse(scenario, { reportInput: true, error: defaultMessage });
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const at = formatPath(issue.path.map((p) => (typeof p === 'number' ? p : String(p))));
  const what = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
  return `has a field typed as no loaded scenario has it (${at === '' ? 'at the top' : at}: ${what})`;
}

/** What in a carried scenario lies outside a scenario file's limits, or undefined. */
function scenarioBoundsProblem(scenario: Scenario): string | undefined {
  const { year, horizon } = scenario.decisionPoint as { year: unknown; horizon: unknown };
  const isYear = (y: unknown): y is number => typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2200;
  if (!isYear(year) || !isYear(horizon) || horizon < year || horizon - year > LIMITS.maxHorizonYears) return `has a decision window from ${describeInput(year)} to ${describeInput(horizon)}`;
  const allies = Array.isArray(scenario.allies) ? scenario.allies : [];
  const added = allies.filter((a) => typeof a?.code !== 'string' || rosterEntry(a.code) === undefined).length;
  if (added > LIMITS.maxHypotheticalAllies) return `adds ${added} Allies besides the roster's`;
  return forbiddenKey(scenario, 0);
}

/**
 * A key that reaches an object's prototype, nesting deeper than a file may have, or a
 * distribution no file can give (an unknown kind, a number missing or not finite), anywhere in v.
 */
function forbiddenKey(v: unknown, depth: number): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (depth > LIMITS.maxDepth) return `nests deeper than ${LIMITS.maxDepth}`;
  const dist = (v as { dist?: unknown }).dist;
  if (typeof dist === 'object' && dist !== null && !Array.isArray(dist)) {
    const kind = (dist as { kind?: unknown }).kind;
    const fields: readonly string[] | undefined = typeof kind === 'string' && Object.hasOwn(DISTRIBUTION_FIELDS, kind) ? DISTRIBUTION_FIELDS[kind as DistributionKind] : undefined;
    if (fields === undefined) return `has a distribution of kind ${JSON.stringify(kind)}`;
    if (!fields.every((f) => Number.isFinite((dist as Record<string, unknown>)[f]))) return `has a ${kind} distribution without its numbers`;
  }
  for (const key of Object.keys(v)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return `has a key ${JSON.stringify(key)}`;
    const inner = forbiddenKey((v as Record<string, unknown>)[key], depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
