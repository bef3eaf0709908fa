import { describe, expect, it } from 'vitest';
import { moveText, points, signedFixed } from '../../src/report/format.js';

describe('signed numbers', () => {
  it('carry their sign, and a value that rounds to nothing reads 0 with none', () => {
    expect(signedFixed(1.25)).toBe('+1.3');
    expect(signedFixed(-0.31)).toBe('-0.3');
    expect(signedFixed(0.04)).toBe('0.0');
    expect(signedFixed(-0.04)).toBe('0.0');
    expect(signedFixed(-0)).toBe('0.0');
    expect(signedFixed(0.004, 2)).toBe('0.00');
    expect(signedFixed(-2.875, 2)).toBe('-2.88');
  });

  it('points are percentage points of a share difference, by the same rule', () => {
    expect(points(0.065)).toBe('+6.5');
    expect(points(-0.0004)).toBe('0.0');
    expect(points(-0.003)).toBe('-0.3');
  });
});

describe('a move of a rewrite', () => {
  it('is in sd of the value\'s documented uncertainty, or in its kind\'s default scale for a value written without one', () => {
    expect(moveText(1.25, { from: 'sd', size: 0.05 }, 1)).toBe('+1.3 sd');
    expect(moveText(6.35, { from: 'default', size: 0.1 }, 1)).toBe('+6.3 × 0.1');
    expect(moveText(-2, { from: 'default', size: 0.02 }, 2)).toBe('-2.00 × 0.02');
    // Without digits, as the move is written (hundredths): the front's short form.
    expect(moveText(0.78, { from: 'sd', size: 1 })).toBe('+0.78 sd');
    expect(moveText(1, { from: 'default', size: 3 })).toBe('+1 × 3');
    expect(moveText(-0, { from: 'sd', size: 1 })).toBe('0 sd');
  });
});
