import { describe, expect, test } from 'vitest';
import { decodeDocument, encodeDocument, readLink, writeLink } from '../../src/web/app/state/link.js';
import { DEFAULT_BRANCHES, DEFAULT_SEED } from '../../src/web/runs/stages.js';

describe('the page\'s address', () => {
  test('reads what it writes: scenario, seed, branches, changes and the projector view', () => {
    const state = { name: 'backtests/poland-1999', seed: 'class 7', runs: 20_000, doc: 'zABC_-', projector: true };
    expect(readLink(writeLink(state))).toEqual({ state, problems: [] });
    expect(writeLink({ seed: DEFAULT_SEED, runs: DEFAULT_BRANCHES, projector: false })).toBe('#');
    expect(readLink('')).toEqual({ state: { seed: DEFAULT_SEED, runs: DEFAULT_BRANCHES, projector: false }, problems: [] });
  });

  test('what it cannot use it names, and falls back to the default', () => {
    const { state, problems } = readLink('#s=../etc/passwd&seed=%1B%5B31m&runs=-3');
    expect(state).toEqual({ seed: DEFAULT_SEED, runs: DEFAULT_BRANCHES, projector: false });
    expect(problems).toEqual([
      'the link names no scenario: "../etc/passwd"',
      "the link's seed: it contains U+001B (ESC) at character 1, a control or direction character: use printable characters",
      'the link\'s runs: a whole number of branches, 1 or more (got "-3")',
    ]);
    expect(readLink('#runs=2000000').problems[0]).toContain('at most 1,000,000 branches in the page');
  });

  test('a document survives the trip through a link, compressed; a damaged or oversized one is refused with a reason', async () => {
    const doc = { candidate: { interest: { value: 0.9, source: 'assumption', note: 'edited in the web explorer; was 0.2' } }, rules: [{ id: 'no-queue', enabled: false }] };
    const encoded = await encodeDocument(doc);
    expect(encoded).toMatch(/^z[A-Za-z0-9_-]+$/);
    expect(await decodeDocument(encoded)).toEqual(doc);
    await expect(decodeDocument(`${encoded.slice(0, -4)}!!!!`)).rejects.toThrow('damaged');
    await expect(decodeDocument(`z${encoded.slice(1, 12)}`)).rejects.toThrow('damaged');
    await expect(decodeDocument('xabc')).rejects.toThrow('not in a form this page writes');
    await expect(decodeDocument(`j${Buffer.from('{"a":').toString('base64url')}`)).rejects.toThrow('damaged');
    // A small link that inflates to gigabytes is stopped at the limit.
    const bomb = await encodeDocument({ text: 'x'.repeat(3_000_000) });
    expect(bomb.length).toBeLessThan(10_000);
    await expect(decodeDocument(bomb)).rejects.toThrow('over 1,000,000 bytes');
  });
});

describe('the YAML the page downloads', () => {
  test('is titled "(edited)" once, and only when a value differs from the file opened', async () => {
    const { downloadYaml } = await import('../../src/web/app/state/loader.js');
    const { sampleScenario } = await import('../helpers/sample-scenario.js');
    const s = sampleScenario();
    const titleOf = (text: string) => /^title: (.*)$/m.exec(text)?.[1];
    expect(titleOf(downloadYaml(s, structuredClone(s), undefined).text)).toBe(s.title);
    const edited = { ...s, candidate: { ...s.candidate, interest: { dist: { kind: 'fixed' as const, value: 0.42 }, source: 'assumption' } } };
    expect(titleOf(downloadYaml(s, edited, undefined).text)).toBe(`${s.title} (edited)`);
    // A file saved before, opened and edited again.
    const saved = { ...s, title: `${s.title} (edited)` };
    expect(titleOf(downloadYaml(saved, { ...edited, title: saved.title }, undefined).text)).toBe(`${s.title} (edited)`);
  });
});
