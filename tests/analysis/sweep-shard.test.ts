import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergePartials } from '../../src/analysis/shards/merge-partials.js';
import { parseShard, PARTIAL_FORMAT, shardRange, ShardError, sparseTally, type RunPartial } from '../../src/analysis/shards/shard.js';
import { checkVary, parseVary, pointScenario, sweepDesign, SweepError } from '../../src/analysis/sweep/run.js';
import { CHUNK_SIZE, compile, simulateRange } from '../../src/engine/index.js';
import { VERSION } from '../../src/model/version.js';
import { getParam } from '../../src/scenario/param-paths.js';
import { scenario as bundled } from './helpers.js';

describe('sweep designs', () => {
  test('--vary syntax', () => {
    expect(parseVary('candidate.interest=0.1:0.5:5')).toEqual({ path: 'candidate.interest', from: 0.1, to: 0.5, steps: 5 });
    expect(parseVary('preconditions.x.drift=-0.05:0.05')).toEqual({ path: 'preconditions.x.drift', from: -0.05, to: 0.05 });
    for (const bad of ['candidate.interest', 'candidate.interest=0.1', 'x=a:b:3', 'x=0:1:2.5', 'x=0:1:3:4', '=0:1:2', 'x=:1:2']) {
      expect(() => parseVary(bad), bad).toThrow(SweepError);
    }
  });

  test('paths are checked against the scenario, with ranges and did-you-mean', async () => {
    const s = await bundled('russia-2000');
    expect(checkVary(s, [{ path: 'candidate.interest.value', from: 0, to: 1, steps: 3 }], undefined)[0]!.path).toBe('candidate.interest');
    const fails = (vary: Parameters<typeof checkVary>[1], samples?: number) => {
      try {
        checkVary(s, vary, samples);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(fails([{ path: 'candidate.interst', from: 0, to: 1, steps: 3 }])).toMatch(/did you mean "candidate.interest"/);
    expect(fails([{ path: 'candidate.interest', from: 0, to: 1.5, steps: 3 }])).toMatch(/not a probability/);
    expect(fails([{ path: 'candidate.interest', from: 0, to: 1 }])).toMatch(/needs steps/);
    expect(checkVary(s, [{ path: 'candidate.interest', from: 0, to: 1 }], 10)).toHaveLength(1);
    // Steps beside --samples were ignored without a word.
    expect(fails([{ path: 'candidate.interest', from: 0, to: 1, steps: 5 }], 10)).toMatch(/steps make a grid, but 10 samples draw the points of a Latin hypercube instead: drop the steps or the samples/);
    expect(fails([{ path: 'preconditions.istanbul.drift', from: -2, to: 0, steps: 2 }])).toMatch(/outside -1..1/);
    expect(fails([{ path: 'candidate.interest', from: 0, to: 1, steps: 200 }, { path: 'allies.US.consent', from: 0, to: 1, steps: 200 }])).toMatch(/limit/);
  });

  test('a grid: every combination, first parameter slowest, clean values', () => {
    const d = sweepDesign(
      [
        { path: 'a', from: 0.1, to: 0.3, steps: 3 },
        { path: 'b', from: 0, to: 1, steps: 2 },
      ],
      undefined,
      '1',
    );
    expect(d.points).toEqual([
      [0.1, 0],
      [0.1, 1],
      [0.2, 0],
      [0.2, 1],
      [0.3, 0],
      [0.3, 1],
    ]);
  });

  test('a Latin hypercube: one point per stratum of each parameter, fixed by the seed', () => {
    const vary = [
      { path: 'a', from: 0, to: 1 },
      { path: 'b', from: 10, to: 20 },
    ];
    const d = sweepDesign(vary, 8, 'seed');
    expect(d.points).toHaveLength(8);
    const strata = (j: number, lo: number, hi: number) => d.points.map((p) => Math.floor(((p[j]! - lo) / (hi - lo)) * 8)).sort();
    expect(strata(0, 0, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(strata(1, 10, 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sweepDesign(vary, 8, 'seed').points).toEqual(d.points);
    expect(sweepDesign(vary, 8, 'other').points).not.toEqual(d.points);
  });

  test('a point fixes each varied parameter and keeps its source', async () => {
    const s = await bundled('russia-2000');
    const p = pointScenario(s, [{ path: 'allies.US.consent', from: 0, to: 1, steps: 2 }], [0.7]);
    expect(getParam(p, 'allies.US.consent')).toEqual({ dist: { kind: 'fixed', value: 0.7 }, source: getParam(s, 'allies.US.consent')!.source });
  });
});

describe('shards', () => {
  test('shards cover every branch once, in whole chunks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 50 }), (runs, n) => {
        let next = 0;
        for (let i = 1; i <= n; i++) {
          const r = shardRange(runs, { index: i, count: n });
          expect(r.first).toBe(next);
          if (r.branches > 0 && r.first + r.branches < runs) expect((r.first + r.branches) % CHUNK_SIZE).toBe(0);
          expect(r.first % CHUNK_SIZE === 0 || r.first === runs).toBe(true);
          next = r.first + r.branches;
        }
        expect(next).toBe(runs);
      }),
    );
  });

  test('--shard syntax: numbered from 1', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/4', '5/4', '1', 'a/b', '1/0', '-1/4']) expect(() => parseShard(bad), bad).toThrow(ShardError);
  });

  test('merge refuses parts that do not belong together', async () => {
    const scenario = await bundled('russia-1990');
    const model = compile(scenario);
    const runs = 3 * CHUNK_SIZE;
    const part = (index: number, seed = 's'): { file: string; partial: RunPartial } => {
      const r = shardRange(runs, { index, count: 3 });
      return {
        file: `p${index}`,
        partial: {
          format: PARTIAL_FORMAT,
          version: VERSION,
          seed,
          runs,
          shard: { index, count: 3, ...r },
          command: 'run',
          items: [{ file: 'x', scenario, warnings: [], tally: sparseTally(simulateRange(model, seed, r.first, r.branches)) }],
        },
      };
    };
    const merged = mergePartials([part(3), part(1), part(2)]);
    expect(merged.command === 'run' && Array.from(merged.items[0]!.tally.exits)).toEqual(Array.from(simulateRange(model, 's', 0, runs).exits));
    expect(() => mergePartials([part(1), part(2)])).toThrow(/missing shard 3\/3/);
    expect(() => mergePartials([part(1), part(2), part(2), part(3)])).toThrow(/shard 2\/3 is given twice/);
    expect(() => mergePartials([part(1), part(2, 't'), part(3)])).toThrow(/different seed/);
  });
});
