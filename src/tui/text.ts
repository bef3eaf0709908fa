import { padStart, points, sharePct, truncate } from '../report/format.js';

/** Layout helpers for fixed-width terminal rows (Ink would wrap; a wrapped row breaks the height budget). */

/** Word-wraps text to lines of at most `width` characters (long words are cut). */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((x) => x !== '')) {
      for (let rest = word; rest.length > 0; ) {
        const room = line === '' ? w : w - line.length - 1;
        if (rest.length <= room) {
          line = line === '' ? rest : `${line} ${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, w));
          rest = rest.slice(w);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** `left` then `right` flush right, in exactly `width` characters; `left` gives way first. */
export function spread(left: string, right: string, width: number): string {
  if (right.length >= width) return truncate(right, width);
  const room = width - right.length - 1;
  const l = truncate(left, room);
  return l + ' '.repeat(width - l.length - right.length) + right;
}

/** A signed percentage-point change: "+1.2", "−0.4", "0.0". */
export function signedPoints(delta: number, digits = 1): string {
  return points(delta, digits).replace('-', '−');
}

/** A share as a right-aligned percentage in `width` characters. */
export function pctCell(share: number, width = 6, digits = 1): string {
  // A rare share keeps the decimals that tell it from none, as the page and the CLI print it.
  return padStart(sharePct(share, digits), width);
}
