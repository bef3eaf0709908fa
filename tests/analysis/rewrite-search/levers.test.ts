import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { actingRewrite, applyRewrite, globMatcher, leverDistance, reach, rewritesToward, scenarioLevers, type ParamLever, type Rewrite } from '../../../src/analysis/rewrite-search/levers.js';
import { counterfactualSeeds } from '../../../src/analysis/rewrite-search/seeds.js';
import { rewriteDistance } from '../../../src/analysis/rewrite/rewrite-distance.js';
import { loadBundled } from '../../helpers/bundled-scenarios.js';
import { LARGEST_MAGNITUDE } from '../../../src/model/catalog/numbers.js';

describe('the levers of a rewrite', () => {
  test.each(['russia-1954', 'russia-1990', 'russia-2000', 'russia-1954-austria-model', 'russia-1990-common-home', 'russia-2000-istanbul-kept'])('leverDistance is the rewrite distance of %s with the rewrite applied, moves held at range ends, rules switched off and on, values inside rules that are off', async (name) => {
    const start = await loadBundled(name);
    const levers = scenarioLevers(start, [], []);
    const byPath = new Map(levers.map((l) => [l.path, l]));
    const params = levers.filter((l) => l.kind === 'param').map((l) => l.path);
    const switches = levers.filter((l) => l.kind === 'switch').map((l) => l.path);
    const rewrite = fc
      .record({
        shifts: fc.uniqueArray(fc.record({ path: fc.constantFrom(...params), z: fc.integer({ min: -900, max: 900 }).filter((z) => z !== 0).map((z) => z / 100) }), { selector: (s) => s.path, maxLength: 8 }),
        flips: fc.uniqueArray(fc.constantFrom(...switches), { maxLength: 3 }),
      })
      .map((r): Rewrite => ({ shifts: [...r.shifts].sort((a, b) => (a.path < b.path ? -1 : 1)), flips: [...r.flips].sort() }));
    fc.assert(
      fc.property(rewrite, (r) => {
        expect(leverDistance(byPath, r)).toBe(rewriteDistance(start, applyRewrite(start, byPath, r)).score);
      }),
      { numRuns: 60, seed: 10 },
    );
  });

  test('a rewrite acts through the values inside the rules and events it leaves on: a move inside one it leaves off is dropped', async () => {
    const start = await loadBundled('russia-2000-istanbul-kept');
    const levers = scenarioLevers(start, [], []);
    const byPath = new Map(levers.map((l) => [l.path, l]));
    const dormant = levers.find((l) => l.kind === 'param' && l.within !== undefined && !l.within.on) as ParamLever;
    const awake = levers.find((l) => l.kind === 'param' && l.within === undefined)!;
    const moves = [{ path: awake.path, z: 1 }, { path: dormant.path, z: 2 }].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(actingRewrite(byPath, { shifts: moves, flips: [] })).toEqual({ shifts: [{ path: awake.path, z: 1 }], flips: [] });
    const on = { shifts: moves, flips: [dormant.within!.path] };
    expect(actingRewrite(byPath, on)).toBe(on);
  });

  test('reach: the units a value can move before its distribution meets the end of its range', async () => {
    const start = await loadBundled('russia-1990');
    const levers = scenarioLevers(start, ['candidate.interest', 'process.specialTrack.minYears'], []) as ParamLever[];
    const interest = levers.find((l) => l.path === 'candidate.interest')!;
    // triangular(0.05, 0.12, 0.25): 0.75 of room above, 0.05 below, in units of its sd.
    expect(reach(interest, 1) * interest.scale).toBeCloseTo(0.75, 9);
    expect(reach(interest, -1) * interest.scale).toBeCloseTo(0.05, 9);
    const minYears = levers.find((l) => l.path === 'process.specialTrack.minYears')!;
    // Years go up to the largest size a number may have: far more room than any search takes.
    expect(reach(minYears, 1) * minYears.scale).toBeCloseTo(LARGEST_MAGNITUDE, 9);
    expect(reach(minYears, -1)).toBe(0);
  });

  test('a counterfactual file of the decision point is a starting point: its switches, and its switches with its values', async () => {
    const start = await loadBundled('russia-1990');
    const levers = scenarioLevers(start, [], []);
    const home = await loadBundled('russia-1990-common-home');
    const [switchesOnly, withValues] = rewritesToward(levers, home);
    expect(switchesOnly).toEqual({ shifts: [], flips: ['rules.baker-dream', 'rules.no-veto-for-russia'] });
    expect(withValues!.flips).toEqual(switchesOnly!.flips);
    // candidate.interest: mean 0.14 -> 0.3167, in units of the start's sd.
    expect(withValues!.shifts.find((s) => s.path === 'candidate.interest')!.z).toBeGreaterThan(3);
    const seeds = await counterfactualSeeds(start, levers);
    expect(seeds.map((s) => s.from)).toEqual(['russia-1990-common-home', 'russia-1990-common-home']);
    expect(seeds[0]!.rewrite).toEqual(switchesOnly);
    // A decision point is not a counterfactual of itself, nor of another decision point.
    expect((await counterfactualSeeds(await loadBundled('russia-1954'), scenarioLevers(await loadBundled('russia-1954'), [], []))).every((s) => s.from === 'russia-1954-austria-model')).toBe(true);
  });
});

describe('the paths an --allow or --fix pattern matches', () => {
  test('* matches any run of characters, dots included, and the rest matches itself whole', () => {
    const match = globMatcher(['allies.*.consent', 'rules.*']);
    expect(['allies.US.consent', 'allies..consent', 'rules.istanbul-link', 'rules.'].every(match)).toBe(true);
    expect(['allies.US.threat', 'xallies.US.consent', 'allies.US.consent.value', 'rule.x', 'events.rules.x'].some(match)).toBe(false);
    expect(globMatcher([])('rules.x')).toBe(false);
    expect(globMatcher(['(a|b)+[x]?'])('(a|b)+[x]?')).toBe(true);
  });

  test('it agrees with the regular expression the pattern reads as, on short patterns', () => {
    const text = fc.stringMatching(/^[ab.]{0,12}$/);
    const pattern = fc.stringMatching(/^[ab.*]{0,8}$/);
    fc.assert(
      fc.property(pattern, text, (p, s) => {
        const re = new RegExp(`^${p.split('*').map((x) => x.replace(/\./g, '\\.')).join('.*')}$`);
        expect(globMatcher([p])(s)).toBe(re.test(s));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  test('many stars cost no more than a few: ten and a letter against thirty characters took seconds as a regular expression', () => {
    const started = performance.now();
    expect(globMatcher(['*'.repeat(10) + 'a'])('x'.repeat(30))).toBe(false);
    expect(globMatcher(['*'.repeat(60) + 'a'])('x'.repeat(200) + 'a')).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
