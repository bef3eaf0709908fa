import { OUTCOMES } from '../model/outcome.js';
import type { Results } from '../model/results.js';
import { csvCell } from './safe-text.js';

/** One row per scenario: outcome shares with their intervals. */
export function resultsCsv(results: readonly Results[]): string {
  const header = ['scenario', 'seed', 'runs', ...OUTCOME_COLUMNS];
  const rows = results.map((r) => [r.scenario, r.seed, String(r.runs), ...outcomeCells(r.outcomes)]);
  return csvTable([header, ...rows]);
}

/** Column names of outcomeCells: `joined_share`, `joined_lo`, `joined_hi`, ... */
export const OUTCOME_COLUMNS: readonly string[] = OUTCOMES.flatMap((o) => [`${o}_share`, `${o}_lo`, `${o}_hi`]);

/** Each outcome's share and 95% interval, as CSV cells. */
export function outcomeCells(outcomes: Results['outcomes']): string[] {
  return OUTCOMES.flatMap((o) => [outcomes[o].share, outcomes[o].ci95[0], outcomes[o].ci95[1]].map(csvNumber));
}

/** Rows of cells as CSV text (RFC 4180 quoting), one line each, ending in a newline. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** A number as CSV shows it: rounded to 10 decimals, like the JSON documents. */
export function csvNumber(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}
