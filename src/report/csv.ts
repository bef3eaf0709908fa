import { OUTCOMES } from '../model/outcome.js';
import type { Results } from '../model/results.js';

/** One row per scenario: outcome shares with their intervals. */
export function resultsCsv(results: readonly Results[]): string {
  const header = ['scenario', 'seed', 'runs', ...OUTCOMES.flatMap((o) => [`${o}_share`, `${o}_lo`, `${o}_hi`])];
  const rows = results.map((r) => [
    r.scenario,
    r.seed,
    String(r.runs),
    ...OUTCOMES.flatMap((o) => [r.outcomes[o].share, r.outcomes[o].ci95[0], r.outcomes[o].ci95[1]].map((x) => String(Math.round(x * 1e10) / 1e10))),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
