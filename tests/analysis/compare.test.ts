import { describe, expect, test } from 'vitest';
import { compile, emptyPairedTally, mergePairedInto, simulatePairedRange, simulateRange, summarize } from '../../src/engine/index.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { buildComparison, pairedInterval } from '../../src/analysis/compare/comparison.js';
import { compareScenarios } from '../../src/analysis/compare/run.js';
import { compareText, partingText } from '../../src/analysis/compare/text.js';
import { pointsDigits } from '../../src/report/format.js';
import { scenario as bundled } from './helpers.js';

const RUNS = 6000;

describe('paired engine', () => {
  test('each side of a paired run is exactly its own run; the joint table adds up to both', async () => {
    const a = compile(await bundled('russia-2000'));
    const b = compile(await bundled('russia-2000-stands-in-line'));
    const t = simulatePairedRange(a, b, 's', 0, RUNS);
    expect(t.runs).toBe(RUNS);
    expect(Array.from(t.a.exits)).toEqual(Array.from(simulateRange(a, 's', 0, RUNS).exits));
    expect(Array.from(t.b.blockers)).toEqual(Array.from(simulateRange(b, 's', 0, RUNS).blockers));
    const k = OUTCOMES.length;
    const ra = summarize(a, t.a, { seed: 's' });
    const rb = summarize(b, t.b, { seed: 's' });
    OUTCOMES.forEach((o, i) => {
      let row = 0;
      let col = 0;
      for (let j = 0; j < k; j++) {
        row += t.joint[i * k + j]!;
        col += t.joint[j * k + i]!;
      }
      expect(row).toBe(ra.outcomes[o].count);
      expect(col).toBe(rb.outcomes[o].count);
    });
    // Stage tables: reaching a stage in A = both + A only.
    ra.funnel.forEach((f, s) => expect(t.stages[s * 4 + 3]! + t.stages[s * 4 + 2]!).toBe(f.count));
  });

  test('a paired range split anywhere merges to the same tally', async () => {
    const a = compile(await bundled('russia-1990'));
    const b = compile(await bundled('russia-1990-common-home'));
    const whole = simulatePairedRange(a, b, 'x', 100, 9000);
    const parts = simulatePairedRange(a, b, 'x', 100, 4321);
    mergePairedInto(parts, simulatePairedRange(a, b, 'x', 4421, 4679));
    expect(Array.from(parts.joint)).toEqual(Array.from(whole.joint));
    expect(Array.from(parts.stages)).toEqual(Array.from(whole.stages));
    expect(Array.from(parts.b.objectors)).toEqual(Array.from(whole.b.objectors));
  });
});

describe('compare', () => {
  test('identical scenarios differ by exactly 0, with zero-width intervals, and no assumption differs', async () => {
    const s = await bundled('russia-1990-common-home');
    const c = await compareScenarios(s, s, { seed: '3', runs: RUNS });
    for (const o of OUTCOMES) {
      expect(c.outcomes[o].difference).toBe(0);
      expect(c.outcomes[o].ci95).toEqual([0, 0]);
      expect(c.outcomes[o].discordant).toEqual({ aOnly: 0, bOnly: 0 });
    }
    for (const f of c.funnel) expect(f.ci95).toEqual([0, 0]);
    expect(c.partAt).toBeNull();
    expect(c.apartIn).toEqual([]);
    expect(partingText(c)).toMatch(/^They do not part/);
    expect(c.blockers).toEqual([]);
    expect(c.assumptions.score).toBe(0);
    expect(c.assumptions.changes).toEqual([]);
    // Two separately compiled copies of the same file are identical too.
    const again = compile(await bundled('russia-1990-common-home'));
    const t = emptyPairedTally(compile(s), again);
    simulatePairedRange(compile(s), again, '3', 0, 2000, t);
    expect(buildComparison(compile(s), again, t, { seed: '3' }).outcomes.vetoed.ci95).toEqual([0, 0]);
  });

  test('on a real pair the paired interval is narrower than the unpaired one', async () => {
    const c = await compareScenarios(await bundled('russia-2000'), await bundled('russia-2000-stands-in-line'), { seed: '4', runs: RUNS });
    const moved = OUTCOMES.filter((o) => c.outcomes[o].difference !== 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const o of moved) {
      const d = c.outcomes[o];
      expect(d.ci95[1] - d.ci95[0], o).toBeLessThan(d.ci95Unpaired[1] - d.ci95Unpaired[0]);
      expect(d.ci95[0]).toBeLessThanOrEqual(d.difference);
      expect(d.ci95[1]).toBeGreaterThanOrEqual(d.difference);
    }
    // The counterfactual applies more: they part no later than at the application.
    expect(['interested', 'applied']).toContain(c.partAt?.stage);
    expect(c.a.outcomes).toEqual(summarize(compile(await bundled('russia-2000')), simulateRange(compile(await bundled('russia-2000')), '4', 0, RUNS), { seed: '4' }).outcomes);
  });

  test("every difference, of an outcome or of a funnel stage, is B's share minus A's, counted from the branches that differ", async () => {
    const c = await compareScenarios(await bundled('russia-2000'), await bundled('russia-2000-stands-in-line'), { seed: '4', runs: 2000 });
    const rows = [...OUTCOMES.map((o) => [o, c.outcomes[o]] as const), ...c.funnel.map((f) => [f.stage, f] as const)];
    // The counterfactual applies more: some stage is reached by more branches in B.
    expect(c.funnel.some((f) => f.b > f.a)).toBe(true);
    for (const [name, d] of rows) {
      expect(d.difference, name).toBeCloseTo(d.b - d.a, 12);
      expect(d.discordant.bOnly - d.discordant.aOnly, name).toBe(Math.round((d.b - d.a) * c.runs));
      expect(d.ci95[0], name).toBeLessThanOrEqual(d.difference);
      expect(d.ci95[1], name).toBeGreaterThanOrEqual(d.difference);
    }
  });

  test("the text gives each file's own warnings under its side", async () => {
    const c = await compareScenarios(await bundled('russia-2000'), await bundled('russia-2000'), { seed: '4', runs: 1000, a: { warnings: ['first'] }, b: { warnings: ['second'] } });
    expect(compareText(c)).toMatch(/\nWarnings\n {2}! A: first\n {2}! B: second\n$/);
  });

  test('two sets that reach the same stages but end differently are said to part in their outcomes, not "at no stage"', async () => {
    const c = await compareScenarios(await bundled('russia-1954'), await bundled('russia-1954-austria-model'), { seed: '4', runs: RUNS });
    // The funnel is the same (both apply; neither is invited) ...
    expect(c.partAt).toBeNull();
    // ... yet the vetoes differ, clearly.
    expect(c.apartIn).toContain('vetoed');
    expect(c.outcomes.vetoed.ci95[1]).toBeLessThan(0);
    for (const o of c.apartIn) expect(c.outcomes[o].ci95[0] > 0 || c.outcomes[o].ci95[1] < 0, o).toBe(true);
    const text = partingText(c);
    expect(text).toMatch(/^They reach the same stages but end differently: /);
    expect(text).toContain('Invitation vetoed');
    expect(compareText(c)).toContain(text);
  });

  test('a clear difference too small for one decimal is shown with more, never as "0.0 [0.0, 0.0]"', async () => {
    const c = await compareScenarios(await bundled('russia-2000'), await bundled('russia-2000-stands-in-line'), { seed: '7', runs: 100_000 });
    const vetoed = c.outcomes.vetoed;
    // Few branches are vetoed on either side, but fewer in B, beyond chance.
    expect(vetoed.ci95[1]).toBeLessThan(0);
    expect(vetoed.ci95[1]).toBeGreaterThan(-0.0005);
    const line = compareText(c).split('\n').find((l) => l.includes('Invitation vetoed'))!;
    expect(line).not.toContain('[0.0, 0.0]');
    expect(line).toMatch(/-0\.\d{2,3} pts +\[-0\.\d{2,3}, -0\.\d{2,3}\]/);
    expect(pointsDigits([-0.00038, -0.00004])).toBe(3);
    expect(pointsDigits([-0.0038, -0.0004])).toBe(2);
    expect(pointsDigits([-0.01, 0.02])).toBe(1);
    // An interval across 0 too narrow for one decimal is not the zero-width one of identical files.
    expect(pointsDigits([-0.00038, 0.00004])).toBe(2);
    expect(pointsDigits([-0.000004, 0.000001])).toBe(3);
    expect(pointsDigits([0, 0])).toBe(1);
    // Two ends that differ never read alike, as if the interval had no width: [-0.14, -0.06], not [-0.1, -0.1].
    expect(pointsDigits([-0.0014, -0.0006])).toBe(2);
    expect(pointsDigits([0.01, 0.02])).toBe(1);
  });

  test('the paired interval follows its formula (Agresti-Min: half a pair added to each cell)', () => {
    // 100 pairs, 10 in A only, 30 in B only: d' = 20/102, var = (41 - 400/102)/102^2.
    const [lo, hi] = pairedInterval(10, 30, 100);
    const half = 1.959963984540054 * Math.sqrt((41 - 400 / 102) / 102 ** 2);
    expect(lo).toBeCloseTo(20 / 102 - half, 12);
    expect(hi).toBeCloseTo(20 / 102 + half, 12);
    // Four discordant pairs all one way (exact McNemar p = 0.125) are no clear difference...
    const [l4, h4] = pairedInterval(4, 0, 2000);
    expect(l4).toBeLessThan(0);
    expect(h4).toBeGreaterThan(0);
    // ...ten are (p = 0.002).
    expect(pairedInterval(10, 0, 2000)[1]).toBeLessThan(0);
    // None discordant among models that differ is not proof of no difference: the interval has width.
    const [l0, h0] = pairedInterval(0, 0, 2000);
    expect(l0).toBeLessThan(0);
    expect(h0).toBeGreaterThan(0);
  });

  test('the interval covers the true difference about 95% of the time, with few discordant pairs too', () => {
    // Pairs differ A-only with chance pa and B-only with chance pb; a seeded generator, 4,000 trials of 2,000 pairs.
    let state = 12345;
    const unit = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [pa, pb] of [
      [0.001, 0.0015],
      [0.0005, 0],
      [0.01, 0.02],
    ] as const) {
      let covered = 0;
      const trials = 4000;
      for (let t = 0; t < trials; t++) {
        let aOnly = 0;
        let bOnly = 0;
        for (let i = 0; i < 2000; i++) {
          const u = unit();
          if (u < pa) aOnly++;
          else if (u < pa + pb) bOnly++;
        }
        const [lo, hi] = pairedInterval(aOnly, bOnly, 2000);
        if (lo <= pb - pa && pb - pa <= hi) covered++;
      }
      expect(covered / trials, `${pa}, ${pb}`).toBeGreaterThan(0.92);
    }
  });
});
