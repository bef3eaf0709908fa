import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FUZZ_SCALE, FUZZ_SEED } from './settings.js';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, emptyTally, simulateRange, summarize } from '../../src/engine/index.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { ROSTER } from '../../src/model/roster.js';
import { SOURCES } from '../../src/model/sources.js';
import { loadScenarioFile, loadScenarioText, type LoadResult } from '../../src/scenario/load.js';
import { mutate, mutation, type Mutation } from './mutations.js';

/**
 * Fuzzing the loader and the engine behind it. Whatever the input (mutated bundled scenarios,
 * YAML token soup, edited text), loading either accepts, and then the engine runs a few hundred
 * branches whose outcome shares sum to 1, or returns well-formed issues. It never throws, each
 * case finishes well within a bound, and no shared state changes (checked after all cases).
 */

/** Cases per property; the seed and the scale: settings.ts. */
const FUZZ_CASES = Object.fromEntries(
  Object.entries({ objects: 80, nudged: 60, tokenSoup: 200, editedText: 160, unicode: 100 }).map(([k, n]) => [k, Math.round(n * FUZZ_SCALE)]),
) as Record<'objects' | 'nudged' | 'tokenSoup' | 'editedText' | 'unicode', number>;
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

// --- mutations of the bundled scenarios ----------------------------------------------------

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
      { numRuns: FUZZ_CASES[kind], seed: FUZZ_SEED },
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
      { numRuns: FUZZ_CASES.tokenSoup, seed: FUZZ_SEED },
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
      { numRuns: FUZZ_CASES.editedText, seed: FUZZ_SEED },
    );
  });

  it(`arbitrary Unicode text (${FUZZ_CASES.unicode} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => check(text, join(DIR, 'fuzz-unicode.yaml'), 'unicode')),
      { numRuns: FUZZ_CASES.unicode, seed: FUZZ_SEED },
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
