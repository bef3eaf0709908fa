import { OUTCOMES, type Outcome } from '../model/outcome.js';
import type { Results } from '../model/results.js';
import { csvTable, OUTCOME_COLUMNS, outcomeCells } from './csv.js';
import { integer, interval, pct, table, warningLines } from './format.js';

/** One parameter of a sweep: `path=from:to:steps`. */
export interface VarySpec {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  /** Grid points along this parameter; not used by a Latin hypercube. */
  readonly steps?: number;
}

export interface SweepDesign {
  readonly kind: 'grid' | 'latin-hypercube';
  readonly vary: readonly VarySpec[];
  readonly samples?: number;
  /** points[i][j]: the value of vary[j] at point i. */
  readonly points: readonly (readonly number[])[];
}

export interface SweepPoint {
  /** 1-based. */
  readonly point: number;
  readonly values: Readonly<Record<string, number>>;
  /** Exactly as `run --json` gives them for this point. */
  readonly outcomes: Results['outcomes'];
  readonly funnel: Results['funnel'];
}

export interface SweepResult {
  readonly scenario: string;
  readonly title: string;
  readonly seed: string;
  readonly runs: number;
  readonly version: string;
  readonly design: SweepDesign['kind'];
  readonly samples?: number;
  /** What was varied, with the value the scenario itself gives (and its source). */
  readonly vary: readonly (VarySpec & { readonly baseline: string; readonly source?: string })[];
  readonly points: readonly SweepPoint[];
  readonly warnings: readonly string[];
}

const SHORT: Readonly<Record<Outcome, string>> = {
  joined: 'joined',
  no_application: 'no appl.',
  withdrawn: 'withdrawn',
  map_stalled: 'stalled',
  vetoed: 'vetoed',
  ratification_failed: 'rat. failed',
  pending_at_horizon: 'pending',
};

/** The readable sweep: one row per point, each outcome's share, joined with its interval. */
export function sweepText(r: SweepResult): string {
  const out: string[] = [];
  const design = r.design === 'grid' ? `grid of ${r.points.length} points` : `Latin hypercube of ${r.samples} points`;
  out.push(`Sweep of ${r.title} (${r.scenario}): ${design} | ${integer(r.runs)} branches a point | seed ${r.seed} | v${r.version}`);
  for (const v of r.vary) out.push(`  ${v.path}: ${v.from} to ${v.to}${r.design === 'grid' ? ` in ${v.steps} steps` : ''} (scenario: ${v.baseline}${v.source ? ` [${v.source}]` : ''})`);
  out.push('');
  const headers = ['#', ...r.vary.map((v) => v.path), ...OUTCOMES.map((o) => SHORT[o]), 'joined 95%'];
  const rows = r.points.map((p) => [
    String(p.point),
    ...r.vary.map((v) => String(p.values[v.path])),
    ...OUTCOMES.map((o) => pct(p.outcomes[o].share)),
    interval(p.outcomes.joined.ci95),
  ]);
  const right = new Set(headers.map((_, i) => i).filter((i) => i > 0 && i < headers.length - 1));
  out.push(...table(headers, rows, right).map((l) => `  ${l}`));
  out.push('');
  out.push('Every point runs the same branches with the same seed, so differences between rows come from the values set.');
  out.push('Each row equals `article10 run` with --set path=value at that seed; intervals are 95% Wilson (--json and --csv give all of them).');
  out.push(...warningLines(r.warnings));
  return out.join('\n') + '\n';
}

/** One row per point: the values set, then each outcome's share and interval. */
export function sweepCsv(r: SweepResult): string {
  const header = ['point', ...r.vary.map((v) => v.path), ...OUTCOME_COLUMNS];
  const rows = r.points.map((p) => [String(p.point), ...r.vary.map((v) => String(p.values[v.path])), ...outcomeCells(p.outcomes)]);
  return csvTable([header, ...rows]);
}
