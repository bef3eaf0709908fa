/** Any report as JSON with non-integers rounded to 10 decimals, so the same run gives the same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v) : v), 2) + '\n';
}

function round(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
