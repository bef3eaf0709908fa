import { describe, expect, test } from 'vitest';
import { seedProblem } from '../../src/model/seed.js';

describe('a seed prints as itself', () => {
  test('its length is counted in characters as a reader counts them, not in UTF-16 units', () => {
    expect(seedProblem('🦀'.repeat(200))).toBeUndefined();
    expect(seedProblem('🦀'.repeat(201))).toBe('must be 1 to 200 printable characters');
    expect(seedProblem('')).toBe('must be 1 to 200 printable characters');
  });

  test('a seed of spaces or invisible characters is refused; one with something visible is taken', () => {
    for (const s of ['\u200b', '\ufeff', '\u00a0', '   ', '\u200b\u200c', '\u3164', '\u2800', '\u0301', '\u034f']) expect(seedProblem(s), JSON.stringify(s)).toMatch(/^prints as nothing/);
    for (const s of ['1', 'a b', 'x\u200b', 'Ελλάδα', 'e\u0301', '🇫🇮']) expect(seedProblem(s), s).toBeUndefined();
  });

  test('a control or direction character is refused by name', () => {
    expect(seedProblem('\u001b[2J')).toMatch(/^contains U\+001B \(ESC\) at character 1/);
    expect(seedProblem('ab\u202e')).toMatch(/^contains U\+202E \(right-to-left override\)/);
  });

  test('a line break or tab is refused: a seed sits inside the header line of every summary', () => {
    expect(seedProblem('a\nb')).toBe('contains a line break or tab at character 2: a seed is one line of printable characters');
    expect(seedProblem('🦀\t1')).toBe('contains a line break or tab at character 2: a seed is one line of printable characters');
    for (const s of ['x\u2028', 'x\u2029']) expect(seedProblem(s), JSON.stringify(s)).toMatch(/^contains a line break or tab at character 2/);
  });
});
