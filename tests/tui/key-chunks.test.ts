import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keysOfChunk } from '../../src/tui/key-chunks.js';

const none = keysOfChunk('xy', {} as Key)[0]![1];

describe('keys that arrive in one chunk', () => {
  it('a single key, or one Ink recognised, is left as it is', () => {
    const up = { ...none, upArrow: true };
    expect(keysOfChunk('', up)).toEqual([['', up]]);
    expect(keysOfChunk('a', none)).toEqual([['a', none]]);
  });

  it('a pasted value and Enter become characters then Enter', () => {
    const keys = keysOfChunk('0.3\r', none);
    expect(keys.map(([input]) => input)).toEqual(['0', '.', '3', '\r']);
    expect(keys.map(([, k]) => k.return)).toEqual([false, false, false, true]);
  });

  it('Tab, Ctrl-U, Backspace and Escape are given as Ink gives them alone', () => {
    const [tab, ctrlU, back, esc, capital, lf] = keysOfChunk('\t\x15\x7f\x1bA\n', none);
    expect(tab).toEqual(['', { ...none, tab: true }]);
    expect(ctrlU).toEqual(['u', { ...none, ctrl: true }]);
    expect(back).toEqual(['', { ...none, delete: true }]);
    expect(esc).toEqual(['', { ...none, escape: true }]);
    expect(capital).toEqual(['A', { ...none, shift: true }]);
    expect(lf![1].return).toBe(true);
  });

  it('a paste of several lines ends at its first line break: the lines after it are not commands', () => {
    const keys = keysOfChunk('0.3\nq\nu', none);
    expect(keys.map(([input]) => input)).toEqual(['0', '.', '3', '\r']);
    expect(keysOfChunk('0.3\r\n', none).map(([input]) => input)).toEqual(['0', '.', '3', '\r']);
  });

  it('Esc then a key, typed fast, arrive as one Alt+key: they are given back as Esc, then the key', () => {
    // "\x1be" is parsed by Ink as meta + e; "\x1b\x1b[B" as meta + down.
    const [esc, e] = keysOfChunk('e', { ...none, meta: true });
    expect(esc).toEqual(['', { ...none, escape: true }]);
    expect(e).toEqual(['e', none]);
    const [esc2, down] = keysOfChunk('', { ...none, meta: true, downArrow: true });
    expect(esc2![1].escape).toBe(true);
    expect(down).toEqual(['', { ...none, downArrow: true }]);
    // Esc alone is Esc.
    const alone = { ...none, escape: true, meta: true };
    expect(keysOfChunk('', alone)).toEqual([['', alone]]);
  });
});
