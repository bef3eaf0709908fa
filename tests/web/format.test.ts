import { describe, expect, test } from 'vitest';
import { interval, moveShown, percent } from '../../src/web/app/format.js';
import { shareDigits } from '../../src/report/format.js';

describe('numbers as the page shows them', () => {
  test('a share that is not 0 never reads as 0', () => {
    expect(percent(0)).toBe('0.0%');
    expect(percent(1 / 40_960)).toBe('<0.01%');
    expect(percent(0.0009)).toBe('0.09%');
    expect(percent(0.123)).toBe('12.3%');
    // A funnel step shown without decimals keeps one below 1%.
    expect(percent(189 / 40_957, 0)).toBe('0.5%');
    expect(percent(0.42, 0)).toBe('42%');
    // The rule the explorer's funnel steps take too.
    expect(shareDigits(189 / 40_957, 0)).toBe(1);
    expect(shareDigits(0.42, 0)).toBe(0);
  });

  test('a move of a rewrite reads with its sign, and one that rounds to nothing as 0.0 sd, as the terminal shows it', () => {
    const sd = { from: 'sd', size: 0.05 } as const;
    expect(moveShown(1.25, sd)).toBe('+1.3 sd');
    expect(moveShown(-0.31, sd)).toBe('−0.3 sd');
    expect(moveShown(-0.04, sd)).toBe('0.0 sd');
    expect(moveShown(0.04, sd)).toBe('0.0 sd');
    // A value written without an uncertainty moves in its kind's default scale, not in sd it does not have.
    expect(moveShown(5.93, { from: 'default', size: 0.1 })).toBe('+5.9 × 0.1');
    expect(moveShown(-2, { from: 'default', size: 3 })).toBe('−2.0 × 3');
  });

  test('a share is never shown outside its own interval', () => {
    expect(interval([0.0006, 0.0013], 0.0009)).toBe('0.06–0.13%');
    expect(interval([0.0001, 0.0004], 0.0002)).toBe('0.01–0.04%');
    expect(interval([0.119, 0.127], 0.123)).toBe('11.9–12.7%');
  });
});

describe('one share, one reading', () => {
  test('a share reached two ways reads the same: 0.0055 is 0.6%, whether 110/20000 or a sum whose floating point falls just below', async () => {
    const { pct, sharePct } = await import('../../src/report/format.js');
    expect(0.0055 * 100).toBeLessThan(0.55);
    expect(pct(0.0055)).toBe('0.6%');
    expect(pct(110 / 20000)).toBe(pct(0.0025 + 0.003));
    expect(sharePct(0.0055)).toBe('0.6%');
    expect(sharePct(0.00055)).toBe('0.06%');
    expect(pct(0.125, 2)).toBe('12.50%');
  });
});

describe('halves, rare and near-certain shares', () => {
  test('a half rounds up whatever its binary value: 19, 21, 29 and 191 of 2,000 branches', async () => {
    const { pct, points } = await import('../../src/report/format.js');
    // 0.95 is 0.9499… in binary and 1.05 is 1.0500…: toFixed read them 0.9 and 1.1.
    expect([19, 21, 29, 191].map((k) => pct(k / 2000))).toEqual(['1.0%', '1.1%', '1.5%', '9.6%']);
    expect(points(19 / 2000)).toBe('+1.0');
    expect(points(-19 / 2000)).toBe('-1.0');
    expect(points(-0.0004)).toBe('0.0');
  });

  test('a share that is not 0 never reads as none, one that is not 1 never as all, and its interval follows', async () => {
    const { sharePct, shareInterval } = await import('../../src/report/format.js');
    // 39 of 100,000 branches, Wilson interval [0.029%, 0.053%].
    expect(sharePct(0.00039)).toBe('0.04%');
    expect(shareInterval(0.00039, [0.00029, 0.00053])).toBe('[0.03%, 0.05%]');
    expect(shareInterval(0, [0, 0.000038])).toBe('[0.0%, <0.01%]');
    expect(shareInterval(0.5, [0.49, 0.51])).toBe('[49.0%, 51.0%]');
    expect(sharePct(0.9995)).toBe('99.95%');
    expect(sharePct(0.99996)).toBe('>99.99%');
    expect(sharePct(1)).toBe('100.0%');
    expect(shareInterval(1, [0.99996, 1])).toBe('[>99.99%, 100.0%]');
  });
});
