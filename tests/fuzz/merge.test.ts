import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FUZZ_SCALE, FUZZ_SEED } from './settings.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShardError } from '../../src/analysis/shards/shard.js';
import { mergedOutput } from '../../src/cli/commands/merge.js';
import { rewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import { scenario } from '../analysis/helpers.js';
import { cliAsync } from '../helpers/cli.js';
import { resealed, runParts, sweepParts, type PartSet } from '../helpers/partials.js';
import { getAt, mutate, mutation, pathsOf, type Mutation, type Path } from './mutations.js';

/**
 * Fuzzing merge's inputs. Valid shard documents (a run in 3 shards, a counterfactual with its
 * rewrite distance in 2, a sweep in 2) are mutated: a field dropped, replaced, retyped, added
 * or repeated, a count shifted, seed, version or shard changed, a part dropped, repeated,
 * truncated or its checksum garbled; parts reordered or re-indented. Sometimes the edit is
 * sealed again with a fresh checksum (a forgery), sometimes applied to every part alike (so the
 * parts still agree). Merge must either print exactly the unsharded output (always, for an
 * unsealed edit that merge accepts) or refuse with a one-line message naming a part; a
 * forgery it accepts must still print only possible numbers. Most cases run in-process; a few
 * run as real processes and must print what the in-process merge gives.
 */

/** Cases; the seed and the scale: settings.ts. */
const IN_PROCESS_CASES = Math.round(300 * FUZZ_SCALE);
const PROCESS_CASES = 6;
const RUN_SEED = 'fuzz';

const sets: Record<'run' | 'rewrite' | 'sweep', PartSet> = {} as never;
const expected: Record<string, string> = {};
const tally = { cases: 0, refused: 0, exact: 0, forgedAccepted: 0 };
const dir = mkdtempSync(join(tmpdir(), 'article10-merge-fuzz-'));

beforeAll(async () => {
  const base = await scenario('russia-1990');
  const counterfactual = await scenario('russia-1990-common-home');
  sets.run = runParts(base, { runs: 2 * 4096 + 300, shards: 3, seed: RUN_SEED });
  sets.rewrite = runParts(counterfactual, { runs: 4096 + 100, shards: 2, seed: RUN_SEED, rewrite: rewriteDistance(base, counterfactual) });
  sets.sweep = sweepParts(base, { runs: 4096 + 100, shards: 2, seed: RUN_SEED, vary: [{ path: 'allies.US.consent', from: 0.2, to: 0.8, steps: 2 }] });
  for (const [name, set] of Object.entries(sets)) expected[name] = set.unsharded({ json: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`merge fuzz: ${tally.cases} cases (${PROCESS_CASES + 2} of them also as processes): ${tally.refused} refused, ${tally.exact} merged exactly, ${tally.forgedAccepted} forgeries accepted with possible numbers\n`);
});

// --- cases ---------------------------------------------------------------------------------

type Target = 'anywhere' | 'counts' | 'envelope' | 'design' | 'rewrite';
const WITHIN: Record<Target, (p: Path) => boolean> = {
  anywhere: () => true,
  counts: (p) => p.includes('tally') || p[0] === 'tallies',
  envelope: (p) => p.length === 1 || p[0] === 'shard',
  design: (p) => p[0] === 'sweep' && p[1] === 'design',
  rewrite: (p) => p.includes('rewrite'),
};

type Edit = { kind: 'mutation'; m: Mutation; target: Target } | { kind: 'shift'; at: number; delta: number } | { kind: 'field'; field: 'seed' | 'version' | 'runs' | 'index' | 'count' | 'title' };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('mutation' as const), m: mutation('drop', 'replace', 'retype', 'add', 'repeat', 'nudge'), target: fc.constantFrom<Target>('anywhere', 'counts', 'counts', 'envelope', 'design', 'rewrite') }),
  fc.record({ kind: fc.constant('shift' as const), at: fc.nat(), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom('seed', 'version', 'runs', 'index', 'count', 'title') }),
);
type SetEdit = 'none' | 'dropPart' | 'repeatPart' | 'garbleChecksum' | 'dropChecksum' | 'truncate';
const kase = fc.record({
  set: fc.constantFrom('run', 'rewrite', 'sweep'),
  part: fc.nat(),
  everyPart: fc.boolean(),
  reseal: fc.boolean(),
  edits: fc.array(edit, { maxLength: 3 }),
  setEdit: fc.constantFrom<SetEdit>('none', 'none', 'none', 'dropPart', 'repeatPart', 'garbleChecksum', 'dropChecksum', 'truncate'),
  cut: fc.nat(),
  rotate: fc.nat(),
  pretty: fc.boolean(),
});
type Case = typeof kase extends fc.Arbitrary<infer T> ? T : never;

/** An integer count in a tally moved by a little: still a count, so only the sums can tell. */
function shift(doc: unknown, at: number, delta: number): void {
  const counts = pathsOf(doc).filter((p) => (p.includes('tally') || p[0] === 'tallies') && typeof getAt(doc, p) === 'number');
  if (counts.length === 0) return;
  const path = counts[at % counts.length]!;
  const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, number>;
  parent[path[path.length - 1]!] = Math.max(0, parent[path[path.length - 1]!]! + delta);
}

/** Changes one of the fields that tie the parts together; nothing when an earlier edit took it away. */
function setField(doc: Record<string, any>, field: Extract<Edit, { kind: 'field' }>['field']): void {
  const shard = doc['shard'];
  const scenario = doc['items']?.[0]?.scenario ?? doc['sweep']?.scenario;
  if (field === 'seed') doc['seed'] = `${doc['seed']}x`;
  else if (field === 'version') doc['version'] = '0.0.0';
  else if (field === 'runs' && typeof doc['runs'] === 'number') doc['runs'] += 1;
  else if (field === 'index' && typeof shard?.index === 'number' && typeof shard.count === 'number') shard.index = (shard.index % shard.count) + 1;
  else if (field === 'count' && typeof shard?.count === 'number') shard.count += 1;
  else if (field === 'title' && typeof scenario === 'object' && scenario !== null) scenario.title = `${scenario.title}!`;
}

/** The parts' files for a case. */
function build(c: Case): { file: string; text: string }[] {
  const set = sets[c.set as keyof typeof sets];
  const chosen = c.part % set.parts.length;
  let parts = set.parts.map(({ file, text }, i) => {
    if (!c.everyPart && i !== chosen) return { file, text };
    const doc = JSON.parse(text) as Record<string, any>;
    for (const e of c.edits) {
      if (e.kind === 'mutation') mutate(doc, e.m, WITHIN[e.target]);
      else if (e.kind === 'shift') shift(doc, e.at, e.delta);
      else setField(doc, e.field);
    }
    const sealed = c.reseal ? resealed(doc) : JSON.stringify(doc);
    return { file, text: c.pretty ? JSON.stringify(JSON.parse(sealed), null, 2) : sealed };
  });
  const target = parts[chosen]!;
  if (c.setEdit === 'dropPart') parts = parts.filter((_, i) => i !== chosen);
  else if (c.setEdit === 'repeatPart') parts.push({ file: 'part-again.json', text: target.text });
  else if (c.setEdit === 'garbleChecksum') target.text = target.text.replace(/"sha256:([0-9a-f])/, (_, d: string) => `"sha256:${d === '0' ? '1' : '0'}`);
  else if (c.setEdit === 'dropChecksum') target.text = target.text.replace(/,\s*"checksum":\s*"[^"]*"/, '');
  else if (c.setEdit === 'truncate') target.text = target.text.slice(0, c.cut % target.text.length);
  const k = c.rotate % parts.length;
  return [...parts.slice(k), ...parts.slice(0, k)];
}

type Outcome = { ok: true; text: string } | { ok: false; message: string };

function mergeInProcess(parts: { file: string; text: string }[]): Outcome {
  try {
    return { ok: true, text: mergedOutput(parts, { json: true }) };
  } catch (error) {
    if (!(error instanceof ShardError)) throw error;
    return { ok: false, message: error.message };
  }
}

/** The property: exactly the unsharded output, possible numbers from a forgery, or a one-line refusal naming a part. */
function check(c: Case, parts: { file: string; text: string }[], outcome: Outcome): void {
  tally.cases++;
  if (!outcome.ok) {
    tally.refused++;
    expect(outcome.message).toMatch(/^[^\n]+$/);
    const named = parts.some((p) => outcome.message.includes(p.file)) || /^(missing shards? |shard \d+\/\d+ is given twice)/.test(outcome.message);
    expect(named, outcome.message).toBe(true);
    return;
  }
  if (outcome.text === expected[c.set]) {
    tally.exact++;
    return;
  }
  expect(c.reseal, 'an edit without a fresh checksum was merged into something else than the unsharded output').toBe(true);
  tally.forgedAccepted++;
  const problem = impossible(JSON.parse(outcome.text));
  expect(problem, problem).toBeUndefined();
}

// --- possible numbers ----------------------------------------------------------------------

type Share = { count: number; share: number };
const isShare = (s: Share, n: number) => Number.isInteger(s.count) && s.count >= 0 && s.count <= n && s.share >= 0 && s.share <= 1 && Math.abs(s.share - s.count / n) < 1e-9;

/** What is impossible in a results document (or a sweep's): undefined when nothing. */
function impossible(doc: any): string | undefined {
  if (Array.isArray(doc)) return doc.map(impossible).find((p) => p !== undefined);
  const n = doc.runs as number;
  if (!Number.isInteger(n) || n < 1) return `runs ${n}`;
  const rows = doc.points ?? [doc];
  for (const r of rows) {
    const outcomes = Object.values(r.outcomes) as Share[];
    if (!outcomes.every((s) => isShare(s, n))) return 'an outcome share';
    if (outcomes.reduce((a, s) => a + s.count, 0) !== n) return 'outcomes do not add up to the runs';
    const funnel = r.funnel as Share[];
    if (!funnel.every((s, i) => isShare(s, n) && (i === 0 || s.count <= funnel[i - 1]!.count))) return 'the funnel';
  }
  if (doc.points) return undefined;
  const tracks = Object.values(doc.tracks) as Share[];
  if (!tracks.every((s) => isShare(s, n)) || tracks.reduce((a, s) => a + s.count, 0) > n) return 'the tracks';
  const { year, horizon } = doc.decisionPoint;
  for (const [o, years] of Object.entries(doc.outcomeYears) as [string, { year: number; count: number; share: number }[]][]) {
    if (years.reduce((a, y) => a + y.count, 0) !== doc.outcomes[o].count) return `the years of ${o}`;
    if (!years.every((y) => y.year >= year && y.year <= horizon && y.share >= 0 && y.share <= 1)) return `a year of ${o}`;
  }
  if (!doc.blockers.every((b: Share & { meanYear: number }) => isShare(b, n) && b.meanYear >= year && b.meanYear <= horizon)) return 'a blocker';
  if (!doc.objectors.every((o: Share) => isShare(o, n))) return 'an objector';
  return undefined;
}

// --- properties ----------------------------------------------------------------------------

describe('fuzzing merge', () => {
  it(`mutated, forged, dropped, repeated and truncated parts, in-process (${IN_PROCESS_CASES} cases)`, () => {
    fc.assert(
      fc.property(kase, (c) => {
        const parts = build(c);
        check(c, parts, mergeInProcess(parts));
      }),
      { numRuns: IN_PROCESS_CASES, seed: FUZZ_SEED },
    );
  });

  it(`as real processes, merge prints what it does in-process (${PROCESS_CASES + 2} cases)`, async () => {
    const untouched: Case = { set: 'sweep', part: 0, everyPart: false, reseal: false, edits: [], setEdit: 'none', cut: 0, rotate: 1, pretty: true };
    const forged: Case = { ...untouched, set: 'run', reseal: true, edits: [{ kind: 'shift', at: 3, delta: 2 }] };
    const cases = [untouched, forged, ...fc.sample(kase, { seed: 13, numRuns: PROCESS_CASES })];
    for (const [k, c] of cases.entries()) {
      const folder = join(dir, `case-${k}`);
      mkdirSync(folder);
      const parts = build(c);
      for (const p of parts) writeFileSync(join(folder, p.file), p.text);
      const inProcess = mergeInProcess(parts);
      check(c, parts, inProcess);
      const r = await cliAsync(['merge', ...parts.map((p) => p.file), '--json'], { cwd: folder });
      if (inProcess.ok) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(inProcess.text);
      } else {
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`article10: ${inProcess.message}\n`);
      }
    }
  });
});
