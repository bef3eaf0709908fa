import { pairSafeCut } from './format.js';

/**
 * Word-wraps text to lines of at most `width` characters. A word longer than the line is cut,
 * or with `keepWords` left whole on a line of its own (a web address stays one to copy). Spaces
 * between words are kept as written, so that aligned columns stay aligned; a line break takes
 * the place of the spaces it falls on.
 */
export function wrapText(text: string, width: number, options: { readonly keepWords?: boolean } = {}): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Words and the runs of blanks between them, alternating; the blanks before the first word are dropped.
    const parts = paragraph.replace(/^\s+/, '').split(/(\s+)/);
    for (let i = 0; i < parts.length; i += 2) {
      const word = parts[i]!;
      if (word === '') continue;
      const space = i > 0 ? parts[i - 1]!.replace(/\s/g, ' ') : '';
      for (let rest = word; rest.length > 0; ) {
        const room = line === '' ? w : w - line.length - space.length;
        if (rest.length <= room) {
          line = line === '' ? rest : `${line}${space}${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          // Never between the halves of an emoji; on a line one column wide, the whole emoji.
          const cut = options.keepWords === true ? rest.length : pairSafeCut(rest, w) || Math.min(rest.length, 2);
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}
