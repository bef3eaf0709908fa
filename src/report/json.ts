import type { Results } from '../model/results.js';

/** The machine-readable document: stable key order, shares rounded to 10 decimals so bytes are reproducible. */
export function resultsJson(results: Results | readonly Results[]): string {
  return JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? round(value) : value), 2) + '\n';
}

function round(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
