import { describe, expect, test } from 'vitest';
import { rewriteSearchLines } from '../../../src/analysis/handout/content.js';
import type { RewriteReport } from '../../../src/analysis/rewrite-search/run.js';
import { rewriteText } from '../../../src/analysis/rewrite-search/text.js';
import { rewriteVerdict } from '../../../src/analysis/rewrite-search/verdict.js';

/** A search's report, as small as the tellings read it. */
function report(found: boolean, start: number, reached: number, changes: number): RewriteReport {
  const share = (s: number, seed: string) => ({ share: s, ci95: [Math.max(0, s - 0.01), Math.min(1, s + 0.01)] as const, seed, runs: 1000 });
  const change = { path: 'candidate.interest', kind: 'param' as const, label: 'interest', from: '0.1', to: '0.5', z: 4, scale: { from: 'default' as const, size: 0.1 }, without: start };
  return {
    scenario: 's',
    title: 'S',
    version: 'v',
    seed: '1',
    runs: 1000,
    target: 'joined >= 30%',
    threshold: 0.3,
    method: '',
    maxDistance: 8,
    maxChanges: 6,
    start: share(start, '1'),
    found,
    rewrite: { distance: changes === 0 ? 0 : 5.99, changes: Array.from({ length: changes }, () => change), search: share(reached, '1'), verification: share(reached, '1/verify') },
    front: [{ distance: 0, share: start, changes: [] }],
    evaluations: 10,
    branches: 10_000,
    rounds: 1,
    beam: 4,
    budget: 100,
    seeds: [],
    levers: { parameters: 1, switches: 0 },
  };
}

describe('what a rewrite search answered, told alike everywhere', () => {
  test('met at the start, found, the closest that moved the share, and none that moved it', () => {
    expect(rewriteVerdict(report(true, 0.4, 0.4, 0))).toBe('met_at_start');
    expect(rewriteVerdict(report(true, 0.1, 0.35, 1))).toBe('found');
    expect(rewriteVerdict(report(false, 0.1, 0.2, 1))).toBe('closest');
    expect(rewriteVerdict(report(false, 0, 0, 1))).toBe('unmoved');
    expect(rewriteVerdict(report(false, 0, 0, 0))).toBe('unmoved');
  });

  test('a teacher handout does not offer a rewrite that moved nothing as "the closest it came"', () => {
    const budget = { runs: 200, maxDistance: 8, maxChanges: 6 };
    const unmoved = rewriteSearchLines({ report: report(false, 0, 0, 1), budget }).intro.join(' ');
    expect(unmoved).not.toContain('closest');
    expect(unmoved).toContain('No rewrite it tried moved the share from 0.0%');
    expect(rewriteText(report(false, 0, 0, 1))).toContain('No rewrite it tried moved the share from 0.0%');
    const closest = rewriteSearchLines({ report: report(false, 0.1, 0.2, 1), budget }).intro.join(' ');
    expect(closest).toContain('The closest it came (distance 5.99)');
  });
});

describe('the rewrite told in a terminal', () => {
  test('fits 80 columns, with long labels cut and the chart legend under its axis; whole in a file', () => {
    const long = report(true, 0.1, 0.35, 2);
    const label = 'event ussr-dissolution: shift of consent of the Allies at the dissolution of the Union';
    const r = {
      ...long,
      method: 'beam search on common random numbers: '.repeat(8).trim(),
      rewrite: { ...long.rewrite, changes: long.rewrite.changes.map((c) => ({ ...c, label, path: 'events.ussr-dissolution.effects.4.delta' })) },
      front: [{ distance: 0, share: 0.1, changes: [] }, { distance: 5.99, share: 0.35, changes: ['events.ussr-dissolution.effects.4.delta +4 sd', 'events.chechnya1.effects.2.delta +3.94 sd'] }],
    };
    const narrow = rewriteText(r, { width: 80 }).split('\n');
    expect(narrow.filter((l) => [...l].length > 80)).toEqual([]);
    expect(narrow).toContain('      rewrite distance   (* meets the target, o short of it, - target)');
    const whole = rewriteText(r);
    expect(whole).toContain(`${label} (events.ussr-dissolution.effects.4.delta)`);
    expect(whole).toMatch(/ {2}rewrite distance {3}\(\* meets the target/);
  });
});
