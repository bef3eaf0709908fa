import { bar, table, truncate } from './format.js';
import { wrapText } from './wrap.js';

/**
 * Text reports that fit a terminal of `width` columns, and that are whole in a file or a pipe
 * (width Infinity): tables whose one elastic column gives way, bars in the room the text
 * leaves, prose word-wrapped.
 */

/** Cells between a table's columns, and before a table. */
const GAP = 2;
const INDENT = '  ';
/** The narrowest bar worth drawing, and the most cells one takes. */
const MIN_BAR = 6;
const MAX_BAR = 24;

export interface FitRow {
  readonly cells: readonly string[];
  /** A share from 0 to 1 drawn as a bar after the cells, where there is room. */
  readonly fill?: number;
}

export interface FitOptions {
  /** Columns aligned to the right. */
  readonly right?: ReadonlySet<number>;
  /** The column cut with "…" when the text does not fit (default the first; none when out of range), and the fewest characters it keeps. */
  readonly elastic?: number;
  readonly minElastic?: number;
  /** What goes before each line (default two spaces). */
  readonly indent?: string;
  /** The elastic column wraps onto further lines (two cells in) rather than being cut: for prose such as a reason. */
  readonly wrap?: boolean;
}

/** The width of a table's text: its lead, its columns and the gaps between them. */
function textWidthOf(widths: readonly number[], indent: string): number {
  return indent.length + widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
}

/**
 * An indented table that fits `width`: its text first, then (when every row has a fill) a bar
 * in the room left, up to MAX_BAR cells and none below MIN_BAR; the elastic column is cut only
 * when the text alone does not fit.
 */
export function fitTable(headers: readonly string[], rows: readonly FitRow[], width: number, options: FitOptions = {}): string[] {
  const right = options.right ?? new Set<number>();
  const elastic = options.elastic ?? 0;
  const indent = options.indent ?? INDENT;
  const indented = (lines: readonly string[]) => lines.map((l) => indent + l);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const textWidth = textWidthOf(widths, indent);
  const room = width - textWidth - GAP;
  if (rows.length > 0 && rows.every((r) => r.fill !== undefined) && room >= MIN_BAR) {
    const barWidth = Math.min(MAX_BAR, room);
    return indented(table([...headers, ''], rows.map((r) => [...r.cells, bar(r.fill!, barWidth)]), right));
  }
  // A column left out by fitColumns was the one to give way: nothing is cut.
  if (headers[elastic] === undefined) return indented(table(headers, rows.map((r) => r.cells), right));
  if (options.wrap !== true) {
    const keep = Math.max(headers[elastic].length, options.minElastic ?? 16, widths[elastic]! - Math.max(0, textWidth - width));
    return indented(table(headers, rows.map((r) => r.cells.map((c, i) => (i === elastic ? truncate(c, keep) : c))), right));
  }
  const column = width - (textWidth - widths[elastic]!);
  // A column too narrow to be read, or for its longest word (a path), goes under the rows.
  const longestWord = Math.max(0, ...rows.flatMap((r) => r.cells[elastic]!.split(/\s+/).map((word) => word.length)));
  if (column < Math.max(MIN_WRAP, longestWord + GAP)) return cellsUnder(headers, rows, width, { right, elastic, indent });
  // Each further line of a wrapped cell is a row of its own, its other cells blank.
  const wrapped = rows.flatMap((r) => {
    const [first = '', ...rest] = r.cells[elastic]!.length <= column ? [r.cells[elastic]!] : prose(r.cells[elastic]!, column, '', '  ');
    return [r.cells.map((c, i) => (i === elastic ? first : c)), ...rest.map((more) => r.cells.map((_, i) => (i === elastic ? more : '')))];
  });
  return indented(table(headers, wrapped, right));
}

/** The fewest cells a wrapped column is given beside the others; with fewer, its text goes under each row. */
const MIN_WRAP = 24;

/** A table without its elastic column, whose text is written under each row, wrapped to the width. */
function cellsUnder(headers: readonly string[], rows: readonly FitRow[], width: number, o: { right: ReadonlySet<number>; elastic: number; indent: string }): string[] {
  const others = headers.map((_, i) => i).filter((i) => i !== o.elastic);
  const right = new Set(others.flatMap((i, at) => (o.right.has(i) ? [at] : [])));
  const [head = '', ...lines] = table(others.map((i) => headers[i]!), rows.map((r) => others.map((i) => r.cells[i]!)), right);
  const under = `${o.indent}  `;
  return [o.indent + head, ...lines.flatMap((line, k) => [o.indent + line, ...prose(rows[k]!.cells[o.elastic]!, width, under, `${under}  `)])];
}

/**
 * A table that leaves out columns, in the order `drop` gives, until it fits `width`, then cuts
 * its elastic column as fitTable does; every column in a file or a pipe (width Infinity).
 * Returns its lines and the headers it left out, for the caller to say so.
 */
export function fitColumns(headers: readonly string[], rows: readonly (readonly string[])[], width: number, options: FitOptions & { readonly drop: readonly number[] }): { lines: string[]; dropped: string[] } {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const kept = headers.map((_, i) => i);
  const textWidth = () => textWidthOf(kept.map((i) => widths[i]!), options.indent ?? INDENT);
  const dropped: string[] = [];
  for (const i of options.drop) {
    if (textWidth() <= width) break;
    kept.splice(kept.indexOf(i), 1);
    dropped.push(headers[i]!);
  }
  const at = (i: number) => kept.indexOf(i);
  const right = new Set([...(options.right ?? [])].filter((i) => kept.includes(i)).map(at));
  const lines = fitTable(kept.map((i) => headers[i]!), rows.map((r) => ({ cells: kept.map((i) => r[i]!) })), width, { ...options, right, elastic: at(options.elastic ?? 0) });
  return { lines, dropped };
}

/**
 * A line of prose after `lead`, word-wrapped to `width` with its later lines `hanging` further in
 * (two cells unless told); one line when width is Infinity. A word longer than the line (a web
 * address) is left whole.
 */
export function prose(text: string, width: number, lead = '', hanging = lead + ' '.repeat(GAP)): string[] {
  if (!Number.isFinite(width)) return [lead + text];
  // The first line has the room after the lead; the rest, the room after the hanging indent.
  const [first = ''] = wrapText(text, width - lead.length, { keepWords: true });
  const rest = text.trimStart().slice(first.length).trimStart();
  return [lead + first, ...(rest === '' ? [] : wrapText(rest, width - hanging.length, { keepWords: true }).map((line) => hanging + line))];
}

/** The width to fit: a terminal's columns (at least 60), or Infinity for a file or a pipe. */
export function fitWidth(columns: number | undefined): number {
  return columns === undefined ? Infinity : Math.max(60, columns);
}
