/**
 * Characters that drive a terminal or reorder text instead of printing: the C0 controls but tab
 * and newline (ESC starts window-title, screen-clearing and hyperlink sequences), DEL, the C1
 * controls (U+009B is a one-character CSI), and the bidirectional overrides and isolates that make
 * text read differently from how it is stored. Scenario text and seeds refuse them; every output
 * shows any that arrive by another way (a file name, an argument) as a visible escape.
 */
const UNSAFE = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_ONE = new RegExp(`[${UNSAFE}]`);
const UNSAFE_ALL = new RegExp(`[${UNSAFE}]`, 'g');

/** Names for the characters a reader is most likely to meet; the rest go by their code point. */
const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'backspace',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x9b: 'CSI',
  0x9d: 'OSC',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** `\u001b`: the form JSON reads back as the same character, and a terminal shows as text. */
function escaped(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The first character of `s` that a terminal would obey, as `U+001B (ESC) at character 7`; undefined when there is none. */
export function unsafeCharacterIn(s: string): string | undefined {
  const m = UNSAFE_ONE.exec(s);
  if (m === null) return undefined;
  const code = m[0].charCodeAt(0);
  const name = NAMES[code];
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  // Counted as a reader counts characters (an emoji is one), not in UTF-16 units.
  return `U+${hex}${name === undefined ? '' : ` (${name})`} at character ${[...s.slice(0, m.index)].length + 1}`;
}

/** `s` with each such character written as a visible `\u001b`; tab and newline stay as they are. */
export function showUnsafeCharacters(s: string): string {
  return UNSAFE_ONE.test(s) ? s.replace(UNSAFE_ALL, escaped) : s;
}

/**
 * A name (a file's, as the system gives it) on one line: a line break or tab in it is written as
 * `\n` or `\t`, so a message that names it stays one line, and its other unsafe characters are
 * shown as everywhere else.
 */
export function nameOnOneLine(s: string): string {
  return showUnsafeCharacters(s.replace(/[\n\t]/g, (c) => (c === '\n' ? '\\n' : '\\t')));
}

/**
 * A character that shows: not a space, a format character (zero-width space, BOM), a combining
 * mark on its own, nor one of the fillers and blanks that print as nothing (Hangul fillers, the
 * blank braille pattern).
 */
const VISIBLE = /[^\s\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Whether `s` has no character that shows: it prints as nothing (spaces, zero-width spaces, ...). */
export function printsAsNothing(s: string): boolean {
  return !VISIBLE.test(s);
}
