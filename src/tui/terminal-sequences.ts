/**
 * Control sequences (ESC [ … final byte) whose final byte names a key the UI knows: the arrows,
 * Home, End, Shift+Tab and the `~` keys (Page Up/Down, Delete, ...). Any other (a function key
 * with Ctrl, which VS Code's terminal sends as ESC [1;5P; a colour code in pasted text) means
 * nothing here, and Ink 6's key parser crashes on some of them (it reads a key name it never set:
 * vadimdemedes/ink#901, fixed only in Ink 7, which needs Node 22).
 */
const CONTROL_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]/g;
const KNOWN_FINAL = /[ABCDEFHZ~]$/;

/** The input without the control sequences the UI does not know; '' when nothing else is left. */
export function withoutUnknownSequences(input: string): string {
  if (!input.includes('\u001b[')) return input;
  return input.replace(CONTROL_SEQUENCE, (sequence) => (KNOWN_FINAL.test(sequence) ? sequence : ''));
}
