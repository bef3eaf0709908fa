import { describe, expect, test } from 'vitest';
import { pctCell } from '../../src/tui/text.js';

/** The explorer's share cells read as the CLI and the page print shares: a rare share is never "0.0%". */
describe('a share cell', () => {
  test('keeps the decimals that tell a rare share from none, and fits its width', () => {
    // 12 of 40,960 branches: the page prints 0.03%; "0.0%" would read as none.
    expect(pctCell(12 / 40_960, 7)).toBe('  0.03%');
    expect(pctCell(1 / 40_960, 7)).toBe(' <0.01%');
    expect(pctCell(0, 6)).toBe('  0.0%');
    expect(pctCell(0.5, 6)).toBe(' 50.0%');
    expect(pctCell(1, 6)).toBe('100.0%');
  });
});
