import type { Results } from '../model/results.js';

/** The machine-readable document: stable key order, shares rounded to 10 decimals so bytes are reproducible. */
export function resultsJson(results: Results | readonly Results[]): string {
  return stableJson(results);
}

/** Any report as JSON with non-integers rounded to 10 decimals, so the same run gives the same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v) : v), 2) + '\n';
}

function round(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
