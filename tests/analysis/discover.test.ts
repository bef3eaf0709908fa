import { describe, expect, test } from 'vitest';
import { designRng, latinHypercube, morrisTrajectories } from '../../src/analysis/design/design.js';
import { runDiscovery } from '../../src/analysis/discover/run.js';
import { parseMeasure, uncertainFactors } from '../../src/analysis/design/factors.js';
import { boxSentence, discoveryText } from '../../src/analysis/discover/text.js';
import { prim, screenInputs } from '../../src/analysis/discover/prim.js';
import { parseTarget } from '../../src/analysis/rewrite-search/target.js';
import { PLANTED, scenario } from './helpers.js';

const joined = parseMeasure('joined')!;

describe('designs', () => {
  test('a Latin hypercube has exactly one point in each stratum of each dimension, and is fixed by its seed', () => {
    const rows = latinHypercube(50, 4, designRng('lhs', 'test'));
    for (let j = 0; j < 4; j++) {
      const strata = rows.map((r) => Math.floor(r[j]! * 50)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
    expect(latinHypercube(50, 4, designRng('lhs', 'test'))).toEqual(rows);
    expect(latinHypercube(50, 4, designRng('other', 'test'))).not.toEqual(rows);
  });

  test('a Morris trajectory moves each factor once, by ±delta, inside [0, 1]', () => {
    const { trajectories, delta } = morrisTrajectories(5, 6, 4, designRng('m', 'test'));
    expect(delta).toBeCloseTo(2 / 3, 12);
    for (const t of trajectories) {
      expect([...t.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(t.points).toHaveLength(7);
      t.points.forEach((p, s) => {
        for (const x of p) expect(x >= -1e-12 && x <= 1 + 1e-12).toBe(true);
        if (s === 0) return;
        const moved = [...p].map((x, j) => x - t.points[s - 1]![j]!).map((d, j) => [j, d] as const).filter(([, d]) => Math.abs(d) > 1e-12);
        expect(moved).toHaveLength(1);
        expect(moved[0]![0]).toBe(t.order[s - 1]);
        expect(Math.abs(moved[0]![1])).toBeCloseTo(delta, 12);
      });
    }
  });
});

describe('PRIM', () => {
  test('finds a box planted in plain data, and screens out inputs that do not matter', () => {
    const rows = latinHypercube(400, 4, designRng('prim', 'test'));
    const columns = [0, 1, 2, 3].map((j) => Float64Array.from(rows, (r) => r[j]!));
    const y = Float64Array.from(rows, (r) => (r[0]! >= 0.6 && r[2]! <= 0.4 ? 10 : 0));
    const w = new Float64Array(400).fill(10);
    expect(screenInputs({ columns, y, w }).sort()).toEqual([0, 2]);
    const [box] = prim({ columns, y, w }, 1);
    expect(box!.density).toBe(1);
    expect(box!.coverage).toBe(1);
    expect(box!.restricted).toEqual([0, 2]);
    expect(box!.box.hi[0]).toBe(Infinity);
    expect(box!.box.lo[0]).toBeGreaterThanOrEqual(0.6);
    expect(box!.box.lo[2]).toBe(-Infinity);
    expect(box!.box.hi[2]).toBeLessThanOrEqual(0.4);
  });

  test('an input that is only off or on (0 or 1) is peeled a whole state at a time', () => {
    const rows = latinHypercube(200, 2, designRng('binary', 'test'));
    const columns = [Float64Array.from(rows, (r) => (r[0]! >= 0.5 ? 1 : 0)), Float64Array.from(rows, (r) => r[1]!)];
    const y = Float64Array.from(columns[0]!, (on) => (on === 0 ? 10 : 1));
    const w = new Float64Array(200).fill(10);
    const [box] = prim({ columns, y, w }, 1);
    expect(box!.restricted).toEqual([0]);
    expect(box!.box.hi[0]).toBe(0);
    expect(box!.box.lo[0]).toBe(-Infinity);
    expect(box!.density).toBe(1);
    expect(box!.coverage).toBeGreaterThan(0.9);
  });
});

describe('discover', () => {
  test('finds the planted box: x ≥ 0.7 and y below 0.3, with high density and coverage', async () => {
    const s = await scenario(PLANTED, ['candidate.interest=1']);
    const factors = uncertainFactors(s);
    const r = await runDiscovery(s, factors, { seed: 'd', measure: joined, samples: 300, runs: 20, boxes: 1 });
    expect(r.screened.slice().sort()).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    const box = r.boxes[0]!;
    expect(box.density).toBeGreaterThan(0.9);
    expect(box.coverage).toBeGreaterThan(0.9);
    expect(box.restrictions.map((x) => x.path).sort()).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    const x = box.restrictions.find((b) => b.path === 'preconditions.x.level')!;
    const yr = box.restrictions.find((b) => b.path === 'preconditions.y.level')!;
    expect(x.max).toBeNull();
    expect(x.min!).toBeGreaterThanOrEqual(0.7);
    expect(x.min!).toBeLessThan(0.75);
    expect(yr.min).toBeNull();
    expect(yr.max!).toBeLessThan(0.3);
    expect(yr.max!).toBeGreaterThan(0.25);
    const sentence = boxSentence(box, 'joined', s);
    expect(sentence).toMatch(/^Precondition x: level at the decision point ≥ 0\.7\d* and Precondition y: level at the decision point ≤ 0\.2\d*: joined in (9\d|100)% of branches, covering (9\d|100)% of all joined branches$/);
    expect(discoveryText(r, s)).toContain('Box 1: joined in');
    // Read again on fresh ground: a new hypercube (about the box's mass of it falls inside) and new
    // branches; a real box holds there, and the text gives it.
    expect(box.fresh.points).toBeGreaterThan(0.5 * box.mass * 300);
    expect(box.fresh.points).toBeLessThan(1.5 * box.mass * 300);
    expect(box.fresh.trials).toBe(box.fresh.points * 20);
    expect(box.fresh.density!).toBeGreaterThan(0.85);
    expect(box.fresh.count).not.toBe(box.count);
    expect(discoveryText(r, s)).toMatch(/On fresh ground \(a new hypercube, new branches\): \d+\.\d% of the [\d,]+ branches of its \d+ vectors/);
  });


  test('--target: boxes of the vectors that meet it, counted in vectors; a <= target finds where the share stays low', async () => {
    const s = await scenario(PLANTED, ['candidate.interest=1']);
    const target = (text: string) => {
      const t = parseTarget(text);
      if (!t.ok) throw new Error(t.message);
      return t.target;
    };
    const high = await runDiscovery(s, uncertainFactors(s), { seed: 'd', measure: joined, target: target('joined>=0.9'), samples: 300, runs: 20, boxes: 1 });
    expect(high.target).toBe('joined >= 90%');
    expect(high.overall.trials).toBe(300);
    // About 0.3 × 0.3 of the vectors lie in the planted box, and only there does every branch join.
    expect(high.overall.count).toBeGreaterThan(15);
    expect(high.overall.count).toBeLessThan(45);
    const box = high.boxes[0]!;
    expect(box.restrictions.map((x) => x.path).sort()).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    expect(box.density).toBeGreaterThan(0.9);
    expect(box.coverage).toBeGreaterThan(0.9);
    expect(boxSentence(box, 'joined', s, high.target)).toMatch(/: joined >= 90% at (9\d|100)% of the vectors, covering (9\d|100)% of those that meet it$/);
    const text = discoveryText(high, s);
    expect(text).toContain('Scenario discovery for "joined >= 90%"');
    expect(text).toMatch(/Over the whole hypercube: joined >= 90% at \d+\.\d% of the vectors \(\d+ of 300\)/);
    const low = await runDiscovery(s, uncertainFactors(s), { seed: 'd', measure: joined, target: target('joined<=0.1'), samples: 300, runs: 20, boxes: 1 });
    expect(low.overall.count + high.overall.count).toBe(300);
    const lowBox = low.boxes[0]!;
    // Joined stays low where x is below its threshold or y at or above 0.3.
    for (const x of lowBox.restrictions) {
      if (x.path === 'preconditions.x.level') expect(x.max!).toBeLessThan(0.75);
      else expect(x).toMatchObject({ path: 'preconditions.y.level', max: null });
    }
    expect(lowBox.density).toBeGreaterThan(0.9);
  });

  test('the same seed gives the same boxes; no outcome anywhere gives no box and says so', async () => {
    const s = await scenario(PLANTED);
    const go = (seed: string) => runDiscovery(s, uncertainFactors(s), { seed, measure: joined, samples: 60, runs: 10, boxes: 2 });
    expect(JSON.stringify(await go('a'))).toBe(JSON.stringify(await go('a')));
    const none = await runDiscovery(s, uncertainFactors(s), { seed: 'n', measure: parseMeasure('vetoed')!, samples: 40, runs: 5, boxes: 2 });
    expect(none.overall.count).toBe(0);
    expect(none.boxes).toHaveLength(0);
    expect(discoveryText(none, s)).toContain('there is no box to find');
  });
});

describe('a box in words', () => {
  test('a rule or an event in a box reads as switched on or off, not as its range label', async () => {
    const s = await scenario('russia-1990');
    const rule = s.rules[0]!;
    const event = s.events[0]!;
    const stats = { points: 10, mass: 0.5, trials: 100, count: 40, density: 0.4, coverage: 0.8 };
    const box = {
      ...stats,
      restrictions: [
        { path: `rules.${rule.id}`, min: 1, max: null, lo: 0, hi: 1 },
        { path: `events.${event.id}`, min: null, max: 0, lo: 0, hi: 1 },
      ],
      tradeoff: [],
      fresh: { points: 9, trials: 90, count: 30, density: 1 / 3 },
    };
    const sentence = boxSentence(box, 'joined', s);
    expect(sentence).toBe(`rule ${rule.id} on and event "${event.label}" off: joined in 40% of branches, covering 80% of all joined branches`);
    expect(sentence).not.toContain('on or off');
  });
});
