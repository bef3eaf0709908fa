import { CST, Lexer } from 'yaml';

/** Lexer tokens that mark what comes next and hold no text of the file. */
const MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset at which `text` passes `max` YAML tokens, or undefined if it stays within them.
 * The parser keeps an object for every token and every value (and an error for every stray
 * comma), about a kilobyte each: two megabytes of `[1,1,1,...]` would take a gigabyte. The
 * lexer alone keeps nothing, and it stops at the limit, so this costs little.
 */
export function passesTokenBudget(text: string, max: number): number | undefined {
  let tokens = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    if (++tokens > max) return offset;
    offset += token.length;
  }
  return undefined;
}
