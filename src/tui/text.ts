import { padStart, sharePct, truncate } from '../report/format.js';
import { EDITED_MARK } from '../scenario/edited-title.js';

/** Layout helpers for fixed-width terminal rows (Ink would wrap; a wrapped row breaks the height budget). */

/** `left` then `right` flush right, in exactly `width` characters; `left` gives way first. */
export function spread(left: string, right: string, width: number): string {
  if (right.length >= width) return truncate(right, width);
  // The space that keeps the two apart is not needed when there is nothing on the right.
  const room = right === '' ? width : width - right.length - 1;
  const l = truncate(left, room);
  return l + ' '.repeat(width - l.length - right.length) + right;
}

/** A share as a right-aligned percentage in `width` characters. */
export function pctCell(share: number, width = 6, digits = 1): string {
  // A rare share keeps the decimals that tell it from none, as the page and the CLI print it.
  return padStart(sharePct(share, digits), width);
}

/**
 * A title in at most `width` characters that, cut, keeps its "(edited)": the numbers beside it
 * are then never read as the file's ("1990: Gorbachev proposes… (edited)").
 */
export function fitTitle(title: string, width: number): string {
  if (title.length <= width || !title.endsWith(EDITED_MARK) || width < EDITED_MARK.length + 8) return truncate(title, width);
  return truncate(title.slice(0, -EDITED_MARK.length), width - EDITED_MARK.length) + EDITED_MARK;
}
