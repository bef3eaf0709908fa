import { describe, expect, test } from 'vitest';
import { checkVary, parseVary, runSweep, sweepDesign, sweepHeader, sweepPoint } from '../../src/analysis/sweep/run.js';
import { eachVariant } from '../../src/batch/variants.js';
import type { Scenario } from '../../src/model/scenario.js';
import { stableJson } from '../../src/report/json.js';
import { sweepWriter, type SweepPoint } from '../../src/analysis/sweep/output.js';
import { scenario as bundled } from '../analysis/helpers.js';

/**
 * A sweep keeps no point's tally once its row is made: what it holds does not grow with the
 * number of points. Counted, not timed: the most tallies held at once, and rows in order.
 */
async function sweepOf(s: Scenario, steps: number, workers: number): Promise<{ peakHeld: number; order: number[]; rows: SweepPoint[] }> {
  const vary = checkVary(s, [parseVary(`candidate.interest=0:1:${steps}`), parseVary('candidate.withdrawal=0:1:3')], undefined);
  const design = sweepDesign(vary, undefined, '7');
  const order: number[] = [];
  const rows: SweepPoint[] = [];
  const { peakHeld } = await runSweep(
    s,
    design,
    (tally, i) => {
      order.push(i);
      rows.push(sweepPoint(s, design, i, tally, '7'));
    },
    { seed: '7', runs: 1, workers },
  );
  return { peakHeld, order, rows };
}

describe('a sweep streams its points', () => {
  test('one thread: at most two tallies held, for 12 points as for 300', async () => {
    const s = await bundled('russia-2000');
    const small = await sweepOf(s, 4, 1);
    const large = await sweepOf(s, 100, 1);
    expect(small.order).toEqual([...Array(12).keys()]);
    expect(large.order).toEqual([...Array(300).keys()]);
    expect(large.peakHeld).toBeLessThanOrEqual(2);
    expect(large.peakHeld).toBe(small.peakHeld);
  }, 120_000);

  test('two workers: rows still in order, at most 2 × workers tallies held however many points', async () => {
    const s = await bundled('russia-2000');
    const small = await sweepOf(s, 4, 2);
    const large = await sweepOf(s, 60, 2);
    expect(large.order).toEqual([...Array(180).keys()]);
    expect(small.peakHeld).toBeLessThanOrEqual(4);
    expect(large.peakHeld).toBeLessThanOrEqual(4);
    // The same rows as on one thread: streaming changes nothing in the results.
    expect(stableJson(small.rows)).toBe(stableJson((await sweepOf(s, 4, 1)).rows));
  }, 120_000);

  test('variants are built once each, in increasing order (Morris builds each from the one before)', async () => {
    const s = await bundled('russia-1954');
    const built: number[] = [];
    await eachVariant(40, (i) => (built.push(i), s), () => undefined, { seed: '1', runs: 1, workers: 2 });
    expect(built).toEqual([...Array(40).keys()]);
  }, 60_000);

  test('the JSON written row by row is byte for byte the whole document printed at once', async () => {
    const s = await bundled('russia-2000');
    const vary = checkVary(s, [parseVary('candidate.interest=0.1:0.9:3'), parseVary('candidate.withdrawal=0:1:2')], undefined);
    const design = sweepDesign(vary, undefined, '1');
    const rows: SweepPoint[] = [];
    await runSweep(s, design, (tally, i) => rows.push(sweepPoint(s, design, i, tally, '1')), { seed: '1', runs: 500 });
    const header = sweepHeader(s, design, { seed: '1', runs: 500, warnings: ['a "quoted" warning'] });
    const writer = sweepWriter('json', vary);
    for (const r of rows) writer.add(r);
    const { pointCount: _n, warnings, ...head } = header;
    expect(writer.finish(header).join('')).toBe(stableJson({ ...head, points: rows, warnings }));
  }, 60_000);
});
