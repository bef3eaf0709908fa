import { printsAsNothing, unsafeCharacterIn } from './unsafe-characters.js';

/**
 * A seed is echoed in every summary, handout and link, so it must print as itself: 1 to 200
 * characters (code points, not UTF-16 units: an emoji is one), none that drives a terminal or
 * reorders text, and at least one that shows (a seed of zero-width spaces prints as nothing).
 */
export const MAX_SEED_CHARACTERS = 200;

/** Why `text` cannot be a seed, as a predicate (`contains ...`, after "--seed" or "it"); undefined for a good one. */
export function seedProblem(text: string): string | undefined {
  const characters = [...text].length;
  if (characters === 0 || characters > MAX_SEED_CHARACTERS) return `must be 1 to ${MAX_SEED_CHARACTERS} printable characters`;
  const unsafe = unsafeCharacterIn(text);
  if (unsafe !== undefined) return `contains ${unsafe}, a control or direction character: use printable characters`;
  if (printsAsNothing(text)) return 'prints as nothing (only spaces or invisible characters): use printable characters';
  return undefined;
}
