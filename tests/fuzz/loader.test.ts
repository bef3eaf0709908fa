import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, emptyTally, simulateRange, summarize } from '../../src/engine/index.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { ROSTER } from '../../src/model/roster.js';
import { SOURCES } from '../../src/model/sources.js';
import { loadScenarioFile, loadScenarioText, type LoadResult } from '../../src/scenario/load.js';

/**
 * Fuzzing the loader and the engine behind it. Whatever the input (mutated bundled scenarios,
 * YAML token soup, edited text), loading either accepts, and then the engine runs a few hundred
 * branches whose outcome shares sum to 1, or returns well-formed issues. It never throws, each
 * case finishes well within a bound, and no shared state changes (checked after all cases).
 */

/** Cases per property (ARTICLE10_FUZZ_SCALE=10 for a longer hunt outside `npm test`). */
const SCALE = Number(process.env['ARTICLE10_FUZZ_SCALE'] ?? 1);
const FUZZ_CASES = Object.fromEntries(
  Object.entries({ objects: 80, nudged: 60, tokenSoup: 200, editedText: 160, unicode: 100 }).map(([k, n]) => [k, Math.round(n * SCALE)]),
) as Record<'objects' | 'nudged' | 'tokenSoup' | 'editedText' | 'unicode', number>;
const CASE_BOUND_MS = 2000;
const BRANCHES = 300;
const BUNDLED = ['russia-1954', 'russia-1990', 'russia-2000'] as const;
const DIR = bundledScenariosDir();
const bundledFile = (name: string) => join(DIR, `${name}.yaml`);
const SMALL_VALID = readFileSync(new URL('../bad-inputs/_support/valid.yaml', import.meta.url), 'utf8');

let casesRun = 0;
let accepted = 0;
const acceptedBy: Record<string, number> = {};

/** One case: load, and run what loads. Throws (failing the property) on anything else. */
async function check(text: string, file: string, kind: string): Promise<void> {
  const started = performance.now();
  const result: LoadResult = await loadScenarioText(text, file, { bundledDir: DIR });
  casesRun++;
  if (result.ok) {
    accepted++;
    acceptedBy[kind] = (acceptedBy[kind] ?? 0) + 1;
    const model = compile(result.value.scenario);
    const tally = emptyTally(model);
    simulateRange(model, 'fuzz', 0, BRANCHES, tally);
    const results = summarize(model, tally, { seed: 'fuzz' });
    const shares = Object.values(results.outcomes).map((o) => o.share);
    for (const s of shares) expect(s >= 0 && s <= 1, `share ${s}`).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(results.runs).toBe(BRANCHES);
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(typeof issue.code).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(Number.isInteger(issue.line) && issue.line >= 0 && Number.isInteger(issue.column) && issue.column >= 0).toBe(true);
    }
  }
  expect(performance.now() - started, 'one case took too long').toBeLessThan(CASE_BOUND_MS);
}

// --- shared state ------------------------------------------------------------------------

const snapshot = () => ({
  roster: structuredClone(ROSTER),
  sources: structuredClone(SOURCES),
  objectProto: Object.getOwnPropertyNames(Object.prototype).sort(),
  arrayProto: Object.getOwnPropertyNames(Array.prototype).sort(),
});
let before: ReturnType<typeof snapshot>;
let bundledBefore: unknown[];

async function loadBundled(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const name of BUNDLED) {
    const r = await loadScenarioFile(bundledFile(name), { bundledDir: DIR });
    if (!r.ok) throw new Error(`${name} does not load`);
    out.push(structuredClone({ scenario: r.value.scenario, warnings: r.value.warnings, document: r.value.document }));
  }
  return out;
}

beforeAll(async () => {
  before = snapshot();
  bundledBefore = await loadBundled();
});

afterAll(() => {
  process.stdout.write(`fuzz: ${casesRun} cases, ${accepted} accepted and run (${JSON.stringify(acceptedBy)})\n`);
});

// --- generated values --------------------------------------------------------------------

const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'process', 'require', 'extends', 'dist', 'value', 'kind', 'when', '<<', ''];
const key = fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, 1, -1, 0.5, 2, 1e308, -1e308, 5e-324, 1999, 2000, 2200, 99999, Number.NaN, Infinity, -Infinity),
  fc.constantFrom('__proto__', 'constructor', 'process.exit(1)', "require('fs')", 'all', 'veto', 'US', 'RU', 'democracy', 'uniform', 'S31', 'bundled:russia-1990', '../x.yaml', ''),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
);
/** A plain object whose keys may be "__proto__": defined as own properties, as JSON.parse would. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map(objectOf),
})).node;

// --- mutations of the bundled scenarios ----------------------------------------------------

type Path = (string | number)[];

function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** A value of another type that a confused author might have written instead. */
function retyped(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return Number.isNaN(Number(v)) ? [v] : Number(v);
  if (typeof v === 'boolean') return v ? 'yes' : 0;
  if (Array.isArray(v)) return objectOf(v.map((item, i) => [String(i), item] as const));
  if (v !== null && typeof v === 'object') return Object.values(v);
  return {};
}

type Op = 'drop' | 'replace' | 'retype' | 'add' | 'repeat' | 'nudge';
type Mutation = { op: Op; at: number; value: unknown; key: string; unit: number };
const mutation = (...ops: Op[]): fc.Arbitrary<Mutation> =>
  fc.record({ op: fc.constantFrom(...ops), at: fc.nat(), value, key, unit: fc.double({ min: 0, max: 1, noNaN: true }) });

function mutate(doc: unknown, m: Mutation): unknown {
  const paths = pathsOf(doc).slice(1);
  const path = paths[m.at % paths.length]!;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent = getAt(doc, parentPath) as Record<string | number, unknown> | unknown[];
  const current = getAt(doc, path);
  const set = (target: object, k: string | number, v: unknown) =>
    Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  switch (m.op) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'replace':
      set(parent, last, m.value);
      break;
    case 'retype':
      set(parent, last, retyped(current));
      break;
    case 'add':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) set(current, m.key, m.value);
      else if (Array.isArray(current)) current.push(m.value);
      else set(parent, last, m.value);
      break;
    case 'nudge':
      // Another number of the same kind: a probability stays one, a year stays a year.
      if (typeof current === 'number') set(parent, last, current >= 1800 ? Math.round(current + (m.unit - 0.5) * 20) : current <= 1 ? m.unit : current * 2 * m.unit);
      else if (typeof current === 'boolean') set(parent, last, !current);
      break;
    case 'repeat':
      if (Array.isArray(parent)) parent.push(structuredClone(current));
      else set(parent, last, [current, current]);
      break;
  }
  return doc;
}

/** The bundled files as JSON text, read with the yaml library directly (not the loader under test). */
const bases = Object.fromEntries(BUNDLED.map((name) => [name, JSON.stringify(parse(readFileSync(bundledFile(name), 'utf8')))])) as Record<
  (typeof BUNDLED)[number],
  string
>;

describe('fuzzing the loader', () => {
  const mutated = (mutations: fc.Arbitrary<Mutation[]>, kind: keyof typeof FUZZ_CASES) =>
    fc.assert(
      fc.asyncProperty(fc.constantFrom(...BUNDLED), mutations, fc.boolean(), async (name, list, asYaml) => {
        const doc = list.reduce<unknown>((d, m) => mutate(d, m), JSON.parse(bases[name]));
        const text = asYaml ? stringify(doc) : JSON.stringify(doc);
        await check(text, join(DIR, `fuzz-${name}.${asYaml ? 'yaml' : 'json'}`), kind);
      }),
      { numRuns: FUZZ_CASES[kind] },
    );

  it(`bundled scenarios with fields dropped, replaced, retyped, added or repeated (${FUZZ_CASES.objects} cases)`, async () => {
    await mutated(fc.array(mutation('drop', 'replace', 'retype', 'add', 'repeat', 'nudge'), { minLength: 1, maxLength: 3 }), 'objects');
  });

  it(`bundled scenarios with numbers moved and fields dropped, mostly still valid: the engine runs them (${FUZZ_CASES.nudged} cases)`, async () => {
    await mutated(fc.array(mutation('drop', 'nudge', 'nudge'), { minLength: 1, maxLength: 2 }), 'nudged');
  });

  const TOKENS = [
    'id: x\n', 'title: t\n', 'decisionPoint:\n', 'candidate:\n', 'preconditions:\n', 'allies:\n', 'rules:\n', 'when: ', 'extends: ',
    '  ', '    ', '- ', '? ', ': ', ', ', '{', '}', '[', ']', '"', "'", '\n', '\t', '#c\n', '---\n', '...\n', '%YAML 1.1\n', '|\n', '>-\n',
    '&a ', '*a', '&b ', '*b', '<<: ', '__proto__: ', 'constructor: ', '!!js/function ', '!!binary ', '!!set ', '!shell ', '!!str ', '!!float ',
    '.nan', '.inf', '-.inf', '1e999', '0x1F', '0o17', '~', 'null', 'yes', 'true', '2000-01-01', '1.5', '-0', 'value', 'dist: uniform', '\u0000', '\uFEFF', '\u2028',
  ];
  it(`YAML token soup (${FUZZ_CASES.tokenSoup} cases): never throws, never hangs`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), async (tokens) => check(tokens.join(''), join(DIR, 'fuzz-soup.yaml'), 'tokenSoup')),
      { numRuns: FUZZ_CASES.tokenSoup },
    );
  });

  it(`a valid scenario edited character by character (${FUZZ_CASES.editedText} cases)`, async () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 6 }), insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = edits.reduce((t, e) => {
          const at = e.at % (t.length + 1);
          return t.slice(0, at) + e.insert + t.slice(at + e.cut);
        }, SMALL_VALID);
        await check(text, join(DIR, 'fuzz-edited.yaml'), 'editedText');
      }),
      { numRuns: FUZZ_CASES.editedText },
    );
  });

  it(`arbitrary Unicode text (${FUZZ_CASES.unicode} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => check(text, join(DIR, 'fuzz-unicode.yaml'), 'unicode')),
      { numRuns: FUZZ_CASES.unicode },
    );
  });

  it('left no trace: the bundled scenarios load as before, the roster and sources are unchanged, no prototype grew', async () => {
    expect(casesRun).toBeGreaterThanOrEqual(Object.values(FUZZ_CASES).reduce((a, b) => a + b, 0));
    expect(accepted).toBeGreaterThan(0);
    expect(await loadBundled()).toEqual(bundledBefore);
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
