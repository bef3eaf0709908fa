/**
 * A chunk of terminal input split into the keys it holds. Ink splits escape sequences (arrows,
 * Shift-Tab) from each other but hands a paste, or keys typed faster than it reads them, as one
 * string: `0.3\r`, `\t\t`, `\x15abc`. Each control character (Enter, Tab, Backspace, Ctrl-U…)
 * is a key of its own; a run of printable characters stays one piece, as typed text.
 */
export function splitKeys(chunk: string): string[] {
  // An escape sequence, or Alt with a key: Ink has already cut it out of the chunk.
  if (chunk.startsWith('\u001b')) return [chunk];
  const keys: string[] = [];
  let run = '';
  for (const ch of chunk) {
    if (isControl(ch)) {
      if (run !== '') keys.push(run);
      run = '';
      keys.push(ch);
    } else run += ch;
  }
  if (run !== '') keys.push(run);
  return keys;
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
