import { printsAsNothing, unsafeCharacterIn } from './unsafe-characters.js';

/**
 * A seed is echoed in every summary, handout and link, so it must print as itself: 1 to 200
 * characters (code points, not UTF-16 units: an emoji is one), none that drives a terminal or
 * reorders text, and at least one that shows (a seed of zero-width spaces prints as nothing).
 */
export const MAX_SEED_CHARACTERS = 200;

/** Scenario text may run over lines; a seed sits inside a summary's header line and a link, so it may not. */
const ONE_LINE_BREAKERS = new Set(['\t', '\n', '\u2028', '\u2029']);

/** Why `text` cannot be a seed, as a predicate (`contains ...`, after "--seed" or "it"); undefined for a good one. */
export function seedProblem(text: string): string | undefined {
  const characters = [...text].length;
  if (characters === 0 || characters > MAX_SEED_CHARACTERS) return `must be 1 to ${MAX_SEED_CHARACTERS} printable characters`;
  const unsafe = unsafeCharacterIn(text);
  if (unsafe !== undefined) return `contains ${unsafe}, a control or direction character: use printable characters`;
  const breakAt = [...text].findIndex((c) => ONE_LINE_BREAKERS.has(c));
  if (breakAt >= 0) return `contains a line break or tab at character ${breakAt + 1}: a seed is one line of printable characters`;
  if (printsAsNothing(text)) return 'prints as nothing (only spaces or invisible characters): use printable characters';
  return undefined;
}
