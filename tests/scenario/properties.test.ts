import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, type LoadResult } from '../../src/scenario/load.js';
import { fixture, MINIMAL } from './helpers.js';

/** Whatever the input, loading returns a scenario or well-formed issues; it never throws. */
function wellFormed(result: LoadResult): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.code).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 0).toBe(true);
  }
}

const options = { bundledDir: fixture('bundled') };
const file = fixture('property.yaml');

/** Values a scenario field might plausibly hold, and some it should not. */
const leaf = fc.oneof(
  fc.double(),
  fc.integer({ min: 1890, max: 2210 }),
  fc.constantFrom(0, 0.5, 1, -1, 2, 'all', 'veto', 'US', 'democracy', 'S31', true, null, '', '__proto__'),
  fc.string({ maxLength: 12 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(
    fc.oneof(fc.constantFrom('value', 'dist', 'min', 'max', 'mode', 'source', 'code', 'id', 'kind', 'when', 'met', 'all', 'delta', 'allies'), fc.string({ maxLength: 8 })),
    tie('node'),
    { maxKeys: 4 },
  ),
})).node;

const FIELDS = [
  'id', 'title', 'extends', 'decisionPoint', 'decisionPoint.horizon', 'candidate', 'candidate.interest', 'candidate.code', 'process',
  'process.protocolMonths', 'preconditions', 'allyDefaults', 'allies', 'rules', 'events', 'observed', 'sources',
];

describe('loading never throws', () => {
  it('on arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => wellFormed(await loadScenarioText(text, file, options))), { numRuns: 300 });
  });

  it('on arbitrary YAML documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 6 }), async (doc) => wellFormed(await loadScenarioText(stringify(doc), file, options))),
      { numRuns: 300 },
    );
  });

  it('on the minimal scenario with one field replaced by anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), value, async (field, replacement) => {
        const sets = [`${field}=${JSON.stringify(replacement)}`];
        wellFormed(await loadScenarioText(MINIMAL, file, { ...options, sets }));
      }),
      { numRuns: 300 },
    );
  });

  it('on the minimal scenario with lines cut or repeated', async () => {
    const lines = MINIMAL.split('\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: lines.length - 1 }), { maxLength: 4 }), fc.boolean(), async (picks, repeat) => {
        const edited = lines.flatMap((line, i) => (picks.includes(i) ? (repeat ? [line, line] : []) : [line]));
        wellFormed(await loadScenarioText(edited.join('\n'), file, options));
      }),
      { numRuns: 200 },
    );
  });

  it('and accepts a probability exactly when it lies in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: -2, max: 3, noNaN: true }), async (x) => {
        const result = await loadScenarioText(MINIMAL, file, { ...options, sets: [`candidate.interest=${x}`] });
        expect(result.ok).toBe(x >= 0 && x <= 1);
      }),
      { numRuns: 200 },
    );
  });

  it('and nothing reaches Object.prototype', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
