import { describe, expect, it } from 'vitest';
import { points, signedFixed } from '../../src/report/format.js';

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
