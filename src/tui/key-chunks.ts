import type { Key } from 'ink';
import { unsafeCharacterIn } from '../model/unsafe-characters.js';

/**
 * Keys that arrive in one chunk: a paste, or keys typed faster than the terminal is read
 * ("0.3⏎", Tab Tab, Ctrl-U then text). Ink hands such a chunk to its handlers as one input
 * with no key flags, so a prompt would take "0.3\r" as text and never see the Enter. Each
 * key is given back as Ink gives it when it comes alone. A chunk Ink recognised as one key
 * (an arrow, Enter, Ctrl-letter) or a single character is left as it is.
 */
export function keysOfChunk(input: string, key: Key): Array<readonly [string, Key]> {
  // Esc then a key typed fast reach Ink as one Alt+key (the bytes are the same: ESC, then the
  // key's). The explorer has no Alt keys, so it is Esc, then the key.
  if (key.meta && !key.escape) return [keyOf('\x1b'), ...keysOfChunk(input, { ...key, meta: false })];
  if (input.length <= 1 || hasFlag(key)) return [[input, key]];
  // A paste of several lines ends at its first line break: what follows would act as commands.
  const lineEnd = input.search(/[\r\n]/);
  const kept = lineEnd >= 0 ? input.slice(0, lineEnd + 1) : input;
  return Array.from(kept, (ch) => keyOf(ch));
}

const FLAGS = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageDown',
  'pageUp',
  'home',
  'end',
  'return',
  'escape',
  'ctrl',
  'meta',
  'tab',
  'backspace',
  'delete',
] as const satisfies readonly (keyof Key)[];

/** A key that types one printable character (no Enter, Tab, Esc, arrow or Ctrl key, no control character). */
export function isTextKey([input, key]: readonly [string, Key]): boolean {
  return Array.from(input).length === 1 && !hasFlag(key) && unsafeCharacterIn(input) === undefined;
}

function hasFlag(key: Key): boolean {
  return FLAGS.some((flag) => key[flag]);
}

/** What Ink gives for a key of one character, as measured with Ink 6 (Backspace arrives as `delete`). */
function keyOf(ch: string): readonly [string, Key] {
  const code = ch.codePointAt(0)!;
  // A pasted line ends in \n: it submits, as Enter (\r) does.
  if (ch === '\r' || ch === '\n') return ['\r', plain({ return: true })];
  if (ch === '\t') return ['', plain({ tab: true })];
  if (ch === '\x7f' || ch === '\b') return ['', plain({ delete: true })];
  if (ch === '\x1b') return ['', plain({ escape: true })];
  // Ctrl-A .. Ctrl-Z: Ink gives the letter with ctrl.
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), plain({ ctrl: true })];
  return [ch, plain({ shift: ch !== ch.toLowerCase() })];
}

function plain(set: Partial<Key>): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...set,
  } as Key;
}
