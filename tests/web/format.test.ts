import { describe, expect, test } from 'vitest';
import { interval, percent } from '../../src/web/app/format.js';
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
