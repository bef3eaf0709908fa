import { describe, expect, test } from 'vitest';
import { parseMeasure, switchFactors, uncertainFactors, withFactorValues } from '../../src/analysis/design/factors.js';
import { runSensitivity } from '../../src/analysis/sensitivity/run.js';
import { compile, simulate, summarize, wilson } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import { setParam } from '../../src/scenario/param-paths.js';
import { NO_CLEAR_EFFECT, sensitivityText, swingIsClear, TORNADO_GLYPHS, tornadoLines, tornadoSpan } from '../../src/analysis/sensitivity/tornado.js';
import { PLANTED, scenario } from './helpers.js';

const IGNORED = ['preconditions.z.level', 'events.far-future.hazard', 'events.far-future.effects.0.delta'];
const joined = parseMeasure('joined')!;

describe('sensitivity', () => {
  test('factors are the parameters with a range that the engine reads; --range adds and replaces ranges', async () => {
    const s = await scenario(PLANTED);
    const paths = uncertainFactors(s).map((f) => f.path);
    expect(paths).toEqual(['candidate.interest', 'preconditions.x.level', 'preconditions.y.level', 'preconditions.z.level', ...IGNORED.slice(1)]);
    const ranged = uncertainFactors(s, new Map([['preconditions.x.threshold', [0.5, 0.9] as const], ['candidate.interest', [0.5, 0.6] as const]]));
    expect(ranged.find((f) => f.path === 'preconditions.x.threshold')).toMatchObject({ lo: 0.5, hi: 0.9, from: 'range', central: 0.7 });
    expect(ranged.find((f) => f.path === 'candidate.interest')).toMatchObject({ lo: 0.5, hi: 0.6, from: 'range' });
    expect(() => uncertainFactors(s, new Map([['candidate.charisma', [0, 1] as const]]))).toThrow(/no parameter/);
  });

  test('fixing many factors at once gives the same scenario as one setParam each', async () => {
    const s = await scenario('russia-2000');
    const factors = uncertainFactors(s).slice(0, 40);
    const values = factors.map((f, i) => f.lo + ((f.hi - f.lo) * (i % 7)) / 6);
    let one = s;
    factors.forEach((f, j) => (one = setParam(one, f.path, fixed(values[j]!, f.source))!));
    const many = withFactorValues(s, factors, values);
    const run = (x: typeof s) => JSON.stringify(summarize(compile(x), simulate(compile(x), 'eq', 3000), { seed: 'eq' }));
    expect(run(many)).toBe(run(one));
  });

  test('rules and events are factors too: off (0) and on (1); fixing them with many others at once is the same as one at a time', async () => {
    const s = await scenario(PLANTED);
    const switches = switchFactors(s);
    expect(switches).toEqual([
      { path: 'rules.needs-x', lo: 0, hi: 1, central: 1, from: 'switch', source: 'assumption' },
      { path: 'rules.y-too-high', lo: 0, hi: 1, central: 1, from: 'switch', source: 'assumption' },
      { path: 'events.far-future', lo: 0, hi: 1, central: 1, from: 'switch', source: 'assumption' },
    ]);
    const off = withFactorValues(s, switches.slice(0, 1), [0]);
    expect(off.rules.map((r) => r.enabled)).toEqual([false, true]);
    expect(withFactorValues(off, switches.slice(0, 1), [1]).rules.map((r) => r.enabled)).toEqual([true, true]);
    const factors = [...uncertainFactors(s), ...switches];
    const values = factors.map((f, i) => (f.from === 'switch' ? i % 2 : f.lo + (f.hi - f.lo) / 3));
    let one = s;
    factors.forEach((f, j) => (one = withFactorValues(one, [f], [values[j]!])));
    expect(withFactorValues(s, factors, values)).toEqual(one);
  });

  test('a switch swings from off to on: a blocking rule lowers the share, an event after the horizon does nothing; Morris gives on minus off', async () => {
    const s = await scenario(PLANTED);
    const factors = [...uncertainFactors(s), ...switchFactors(s)];
    const r = await runSensitivity(s, factors, { seed: 'sw', runs: 3000, measure: joined, trajectories: 12, morrisRuns: 600 });
    const needsX = r.swings.find((w) => w.path === 'rules.needs-x')!;
    expect(needsX.from).toBe('switch');
    // On is the scenario as written.
    expect(needsX.high.count).toBe(r.baseline.count);
    expect(needsX.swing).toBeLessThan(-0.1);
    const far = r.swings.find((w) => w.path === 'events.far-future')!;
    expect([far.low.count, far.high.count]).toEqual([r.baseline.count, r.baseline.count]);
    const m = r.morris!;
    const morrisNeedsX = m.rows.find((row) => row.path === 'rules.needs-x')!;
    expect(morrisNeedsX.mu).toBeLessThan(0);
    expect(morrisNeedsX.muStar).toBeCloseTo(-morrisNeedsX.mu, 12);
    expect(m.rows.find((row) => row.path === 'events.far-future')!.muStar).toBe(0);
    const text = sensitivityText(r, s);
    expect(text).toContain('each rule and event switched off (░), then on (█)');
    expect(text).toMatch(/rules\.needs-x {2}off, on \(as written: on\)/);
    expect(text).toContain('rule needs-x: on or off');
  });

  test('the swings rank the parameters the scenario ignores last, with no swing at all', async () => {
    const s = await scenario(PLANTED);
    const r = await runSensitivity(s, uncertainFactors(s), { seed: 's', runs: 3000, measure: joined, trajectories: 0, morrisRuns: 0 });
    expect(r.morris).toBeNull();
    const order = r.swings.map((w) => w.path);
    expect(order.slice(0, 2).sort()).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    expect(order[2]).toBe('candidate.interest');
    expect(order.slice(3).sort()).toEqual([...IGNORED].sort());
    for (const w of r.swings.slice(3)) {
      expect(w.swing).toBe(0);
      // Common random numbers: fixing an ignored parameter changes no branch at all.
      expect(w.low.count).toBe(r.baseline.count);
      expect(w.high.count).toBe(r.baseline.count);
    }
    const x = r.swings.find((w) => w.path === 'preconditions.x.level')!;
    expect(x.low.share).toBe(0);
    expect(x.high.share).toBeGreaterThan(0.2);
    const y = r.swings.find((w) => w.path === 'preconditions.y.level')!;
    expect(y.swing).toBeLessThan(-0.2);
  });

  test('Morris: μ* ≥ 0 everywhere, about 0 for the ignored parameters, largest for x and y; an interval for μ*', async () => {
    const s = await scenario(PLANTED);
    const r = await runSensitivity(s, uncertainFactors(s), { seed: 'm', runs: 500, measure: joined, trajectories: 10, morrisRuns: 400 });
    const m = r.morris!;
    expect(m.method).toMatch(/Morris/);
    expect(m.uncertainty).toMatch(/Student-t/);
    expect(m.rows).toHaveLength(6);
    for (const row of m.rows) {
      expect(row.muStar).toBeGreaterThanOrEqual(0);
      expect(row.sigma).toBeGreaterThanOrEqual(0);
      expect(row.muStarCi95[0]).toBeLessThanOrEqual(row.muStar + 1e-12);
      expect(row.muStarCi95[1]).toBeGreaterThanOrEqual(row.muStar - 1e-12);
    }
    for (const path of IGNORED) expect(m.rows.find((row) => row.path === path)!.muStar).toBeLessThan(1e-9);
    expect(m.rows.slice(0, 2).map((row) => row.path).sort()).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    expect(m.rows[0]!.muStar).toBeGreaterThan(0.1);
  });

  test('the same seed gives the same report', async () => {
    const s = await scenario(PLANTED);
    const go = () => runSensitivity(s, uncertainFactors(s), { seed: 'same', runs: 400, measure: joined, trajectories: 3, morrisRuns: 200 });
    expect(JSON.stringify(await go())).toBe(JSON.stringify(await go()));
  });

  test('worker threads do not change a result: the variants are spread over them, the numbers stay', async () => {
    const s = await scenario(PLANTED);
    const go = (workers: number) => runSensitivity(s, uncertainFactors(s), { seed: 'w', runs: 300, measure: joined, trajectories: 2, morrisRuns: 100, workers });
    expect(JSON.stringify(await go(2))).toBe(JSON.stringify(await go(1)));
  });

  test('a stage can be measured: reaching "applied" depends only on interest here', async () => {
    const s = await scenario(PLANTED);
    const r = await runSensitivity(s, uncertainFactors(s), { seed: 's', runs: 2000, measure: parseMeasure('applied')!, trajectories: 0, morrisRuns: 0 });
    expect(r.swings[0]!.path).toBe('candidate.interest');
    expect(r.swings.slice(1).every((w) => w.swing === 0)).toBe(true);
  });

  test('the tornado draws the ends with different characters around the baseline, and explains itself', async () => {
    const s = await scenario(PLANTED);
    const r = await runSensitivity(s, uncertainFactors(s), { seed: 't', runs: 1000, measure: joined, trajectories: 2, morrisRuns: 200 });
    const lines = tornadoLines(r.swings.slice(0, 3), r.baseline, 80);
    const x = lines.find((l) => l.includes('preconditions.x.level'))!;
    expect(x).toContain(TORNADO_GLYPHS.low);
    expect(x).toContain(TORNADO_GLYPHS.high);
    expect(x).toContain(TORNADO_GLYPHS.baseline);
    expect(x.indexOf(TORNADO_GLYPHS.low)).toBeLessThan(x.indexOf(TORNADO_GLYPHS.high));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const text = sensitivityText(r, s);
    expect(text).toContain('One at a time (tornado)');
    expect(text).toContain('Morris elementary effects');
    expect(text).toContain('Student-t');
    expect(text).toContain('3 of the 6 parameters with a range did not move the share');
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('swings within Monte Carlo error', () => {
  test('are told apart from findings: a swing of one or two branches is drawn faint and called "no clear effect"', async () => {
    const s = await scenario('russia-2000-istanbul-kept');
    const r = await runSensitivity(s, uncertainFactors(s), { seed: '1', runs: 2000, measure: parseMeasure('invited')!, trajectories: 0, morrisRuns: 0 });
    const moving = r.swings.filter((w) => w.low.count !== w.high.count);
    expect(moving.length).toBeGreaterThan(0);
    // A handful of branches out of 2,000 either way: none is a finding.
    for (const w of moving.slice(0, 5)) expect(Math.abs(w.high.count - w.low.count)).toBeLessThan(6);
    for (const w of moving) expect(swingIsClear(w), w.path).toBe(false);
    const text = sensitivityText(r, s);
    const rows = text.split('\n').filter((l) => l.includes(moving[0]!.path));
    expect(rows[0]).toContain(NO_CLEAR_EFFECT);
    expect(rows[0]).not.toContain(TORNADO_GLYPHS.high);
    expect(text).toContain('none of them is a finding yet');
  });

  test('with no swing to show, no sentence about the swings shown; a rare baseline keeps its decimals', async () => {
    const s = await scenario('russia-2000');
    const r = await runSensitivity(s, uncertainFactors(s).slice(0, 3), { seed: '1', runs: 500, measure: parseMeasure('joined')!, trajectories: 0, morrisRuns: 0 });
    expect(r.swings.every((w) => w.low.count === 0 && w.high.count === 0)).toBe(true);
    const text = sensitivityText(r, s);
    expect(text).not.toContain('No swing shown stands clear');
    expect(text).toContain('Baseline (every parameter as written): 0.0% [0.0%, 0.8%]');
  });

  test('a swing of many branches stands clear, and the axis is never narrower than the baseline\'s interval', () => {
    const share = (count: number, n = 2000) => ({ count, share: count / n, ci95: wilson(count, n) });
    expect(swingIsClear({ low: share(10), high: share(60) })).toBe(true);
    expect(swingIsClear({ low: share(1), high: share(2) })).toBe(false);
    const span = tornadoSpan([{ low: share(2), high: share(3) }], share(2));
    expect(span.max - span.min).toBeGreaterThanOrEqual(wilson(2, 2000)[1] - wilson(2, 2000)[0] - 1e-12);
  });
});
