import { describe, expect, test } from 'vitest';
import { fitTable, prose } from '../../src/report/fit.js';
import { wrapText } from '../../src/report/wrap.js';
import { truncate, truncateMiddle } from '../../src/report/format.js';

describe('wrapText', () => {
  test('breaks between words, keeps the spaces between words as written, and cuts only a word longer than the line', () => {
    expect(wrapText('B - A      difference of shares', 21)).toEqual(['B - A      difference', 'of shares']);
    expect(wrapText('  leading blanks go', 40)).toEqual(['leading blanks go']);
    expect(wrapText('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrapText('one\ntwo three', 5)).toEqual(['one', 'two', 'three']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  test('no line is longer than the width, and every word is kept in order', () => {
    const text = 'Putin would not "stand in line with a lot of countries that don\'t matter"   (S31, 2000)';
    for (let width = 1; width <= 40; width++) {
      const lines = wrapText(text, width);
      expect(lines.every((l) => l.length <= width)).toBe(true);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });
});

describe('fitting a terminal', () => {
  const rows = [
    { cells: ['Pending at horizon (objection or ratification under way)', '0.0%'], fill: 0 },
    { cells: ['Joined', '42.0%'], fill: 0.42 },
  ];

  test('bars only where the text leaves room; the elastic column gives way only when the text does not fit', () => {
    const wide = fitTable(['outcome', 'share'], rows, 120, { right: new Set([1]) });
    expect(wide[2]).toMatch(/42\.0% {2}█{10}/);
    // The text takes 65 columns: at 70 it fits whole, with no room for a bar.
    const narrow = fitTable(['outcome', 'share'], rows, 70, { right: new Set([1]) });
    expect(narrow.every((l) => l.length <= 70)).toBe(true);
    expect(narrow[1]).toContain('Pending at horizon (objection or ratification under way)');
    expect(narrow[2]).not.toMatch(/█/);
    const cut = fitTable(['outcome', 'share'], rows, 50, { right: new Set([1]) });
    expect(cut.every((l) => l.length <= 50)).toBe(true);
    expect(cut[1]).toMatch(/^ {2}Pending at horizon .*… {3}0\.0%$/);
  });

  test('in a file or a pipe (Infinity) nothing is cut and prose stays on one line', () => {
    const whole = fitTable(['outcome', 'share'], rows, Infinity, { right: new Set([1]) });
    expect(whole.join('\n')).not.toContain('…');
    expect(prose('a '.repeat(100).trim(), Infinity, '  ')).toHaveLength(1);
    const wrapped = prose('a '.repeat(100).trim(), 60, '  ');
    expect(wrapped.every((l) => l.length <= 60)).toBe(true);
    expect(wrapped.slice(1).every((l) => l.startsWith('    a'))).toBe(true);
  });

  test('the first line has the room after its lead, the later ones the room after the hanging indent', () => {
    const lines = prose(`${'era'.padEnd(13)} ${'word '.repeat(30).trim()}`, 60, '  ', ' '.repeat(16));
    expect(lines[0]!.length).toBeGreaterThan(55);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.slice(1).every((l) => /^ {16}word/.test(l))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(`era ${'word '.repeat(30).trim()}`);
  });
});

describe('a cut never falls inside an emoji', () => {
  // A lone half of a UTF-16 surrogate pair prints as "�": a title of emoji cut to an even width did.
  const halves = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  const text = `T${'😀'.repeat(12)} and ${'😀'.repeat(5)}x`;

  test('truncate and truncateMiddle keep whole characters and stay within the width', () => {
    for (let n = 1; n <= text.length; n++) {
      for (const cut of [truncate(text, n), truncateMiddle(text, n)]) {
        expect(halves(cut), `${n}: ${cut}`).toBe(false);
        expect(cut.length).toBeLessThanOrEqual(n);
      }
    }
  });

  test('wrapText cuts a long word between characters, and a one-column line takes a whole emoji', () => {
    for (let width = 1; width <= 30; width++) {
      const lines = wrapText(text, width);
      expect(lines.some(halves), `${width}: ${JSON.stringify(lines)}`).toBe(false);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      if (width >= 2) expect(lines.every((l) => l.length <= width)).toBe(true);
    }
  });
});
