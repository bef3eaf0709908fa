import { OUTCOMES } from '../model/outcome.js';
import type { Results } from '../model/results.js';
import { csvCell } from './safe-text.js';

/** One scenario's row: its results and, when it names a baseline, how far it rewrites it. */
export interface ResultsRow {
  readonly results: Results;
  readonly rewriteDistance?: number;
}

/** How shares are written: fractions (0.123), or percentages (12.3) with --percent. */
export interface ShareFormat {
  readonly percent?: boolean;
}

/**
 * One row per scenario: outcome shares with their intervals, then the title and the rewrite
 * distance (empty with no baseline). Columns are only ever added at the end, so a reader that
 * picks them by position keeps working.
 */
export function resultsCsv(rows: readonly ResultsRow[], format: ShareFormat = {}): string {
  const header = ['scenario', 'seed', 'runs', ...OUTCOME_COLUMNS, 'title', 'rewrite_distance'];
  const cells = rows.map(({ results: r, rewriteDistance }) => [
    r.scenario,
    r.seed,
    String(r.runs),
    ...outcomeCells(r.outcomes, format),
    r.title,
    rewriteDistance === undefined ? '' : csvNumber(rewriteDistance),
  ]);
  return csvTable([header, ...cells]);
}

/** Column names of outcomeCells: `joined_share`, `joined_lo`, `joined_hi`, ... */
export const OUTCOME_COLUMNS: readonly string[] = OUTCOMES.flatMap((o) => [`${o}_share`, `${o}_lo`, `${o}_hi`]);

/** Each outcome's share and 95% interval, as CSV cells. */
export function outcomeCells(outcomes: Results['outcomes'], format: ShareFormat = {}): string[] {
  return OUTCOMES.flatMap((o) => [outcomes[o].share, outcomes[o].ci95[0], outcomes[o].ci95[1]].map((x) => csvShare(x, format)));
}

/** A share as a fraction, or with --percent as a percentage, to the same precision either way. */
export function csvShare(x: number, format: ShareFormat = {}): string {
  return format.percent === true ? String(Math.round(x * 1e10) / 1e8) : csvNumber(x);
}

/** Rows of cells as CSV text (RFC 4180 quoting), one line each, ending in a newline. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** A number as CSV shows it: rounded to 10 decimals, like the JSON documents. */
export function csvNumber(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}
