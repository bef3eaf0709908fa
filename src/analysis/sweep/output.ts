import { OUTCOMES, type Outcome } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { csvTable, OUTCOME_COLUMNS, outcomeCells } from '../../report/csv.js';
import { stableJson } from '../../report/json.js';
import { fitColumns, fitWidth, prose } from '../../report/fit.js';
import { integer, shareInterval, sharePct, truncateMiddle, warningLines } from '../../report/format.js';

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

/** A sweep's document but its rows: known before the first point runs. */
export interface SweepHeader {
  readonly scenario: string;
  readonly title: string;
  readonly seed: string;
  readonly runs: number;
  readonly version: string;
  readonly design: SweepDesign['kind'];
  readonly samples?: number;
  /** What was varied, with the value the scenario itself gives (and its source). */
  readonly vary: readonly (VarySpec & { readonly baseline: string; readonly source?: string })[];
  /** How many rows follow (not in the JSON document, whose points say it). */
  readonly pointCount: number;
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

export type SweepFormat = 'json' | 'csv' | 'text';

/**
 * Builds a sweep's output as its rows arrive, in order: each row becomes its text at once and
 * no row is kept as data, so a sweep of many points holds only the output it will print.
 * `finish` returns the document as chunks, to be written one after another.
 */
export interface SweepWriter {
  add(point: SweepPoint): void;
  finish(header: SweepHeader): string[];
}

/** `width`: the terminal's columns the text is fitted to; undefined for a file or a pipe, where it is whole. */
export function sweepWriter(format: SweepFormat, vary: readonly VarySpec[], width?: number): SweepWriter {
  return format === 'json' ? jsonWriter() : format === 'csv' ? csvWriter(vary) : textWriter(vary, fitWidth(width));
}

/** The whole output of a sweep whose rows are all at hand (merged shards). */
export function sweepOutput(header: SweepHeader, points: Iterable<SweepPoint>, format: SweepFormat, width?: number): string[] {
  const writer = sweepWriter(format, header.vary, width);
  for (const p of points) writer.add(p);
  return writer.finish(header);
}

/** The JSON document as stableJson prints it whole: rows are nested two levels deep. */
function jsonWriter(): SweepWriter {
  const rows: string[] = [];
  return {
    // split/join, not a regular expression: V8 keeps about six times the text of a replace()'s result alive.
    add: (point) => rows.push(stableJson(point).trimEnd().split('\n').join('\n    ')),
    finish(header) {
      const { pointCount: _count, warnings, ...head } = header;
      const doc = stableJson({ ...head, points: [], warnings });
      if (rows.length === 0) return [doc];
      // Top-level keys are the only ones indented by two spaces.
      const open = doc.indexOf('\n  "points": []') + '\n  "points": '.length;
      return [doc.slice(0, open), '[\n    ', ...rows.flatMap((r, i) => (i === 0 ? [r] : [',\n    ', r])), '\n  ]', doc.slice(open + 2)];
    },
  };
}

/** One row per point: the values set, then each outcome's share and interval. */
function csvWriter(vary: readonly VarySpec[]): SweepWriter {
  const lines: string[] = [csvTable([['point', ...vary.map((v) => v.path), ...OUTCOME_COLUMNS]])];
  return {
    add: (p) => lines.push(csvTable([[String(p.point), ...vary.map((v) => String(p.values[v.path])), ...outcomeCells(p.outcomes)]])),
    finish: () => lines,
  };
}

/** The readable sweep: one row per point, each outcome's share, joined with its interval. */
function textWriter(vary: readonly VarySpec[], width: number): SweepWriter {
  // The table's widths need every row: keep the cells, a few short strings a point.
  const rows: string[][] = [];
  // Each outcome's largest share over the points: the least of them give way first in a narrow terminal.
  const largest = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  return {
    add: (p) => {
      for (const o of OUTCOMES) largest.set(o, Math.max(largest.get(o)!, p.outcomes[o].share));
      rows.push([String(p.point), ...vary.map((v) => String(p.values[v.path])), ...OUTCOMES.map((o) => sharePct(p.outcomes[o].share)), shareInterval(p.outcomes.joined.share, p.outcomes.joined.ci95)]);
    },
    finish: (r) => [sweepText(r, rows, largest, width)],
  };
}

/** The narrowest a varied path's header is cut to (in the middle) when the terminal has no room for it whole. */
const MIN_PATH_HEADER = 12;

function sweepText(r: SweepHeader, rows: readonly (readonly string[])[], largest: ReadonlyMap<Outcome, number>, width: number): string {
  const out: string[] = [];
  const say = (text: string, lead = '', hanging = lead + '  ') => out.push(...prose(text, width, lead, hanging));
  const design = r.design === 'grid' ? `grid of ${r.pointCount} points` : `Latin hypercube of ${r.samples} points`;
  say(`Sweep of ${r.title} (${r.scenario}): ${design} | ${integer(r.runs)} branches a point | seed ${r.seed} | v${r.version}`);
  for (const v of r.vary) say(`${v.path}: ${v.from} to ${v.to}${r.design === 'grid' ? ` in ${v.steps} steps` : ''} (scenario: ${v.baseline}${v.source ? ` [${v.source}]` : ''})`, '  ', '      ');
  out.push('');
  const table = sweepTable(r.vary, rows, largest, width);
  out.push(...table.lines);
  out.push('');
  if (table.dropped.length > 0) say(`Left out to fit the terminal: ${table.dropped.join(', ')}; a wider terminal, a file (--out), --csv or --json gives them.`);
  say('Every point runs the same branches with the same seed, so differences between rows come from the values set; each row\'s interval is its own, not that of a difference between rows (compare two files at two points for a paired interval).');
  say('Each row equals `article10 run` with --set path=value at that seed; intervals are 95% Wilson (--json and --csv give all of them).');
  out.push(...warningLines(r.warnings));
  return out.join('\n') + '\n';
}

/**
 * The points' table: in a narrow terminal the joined interval gives way first, then the outcomes
 * whose largest share is least; the point, the values set and the joined share stay, the paths
 * over them cut in the middle if the room is still short.
 */
function sweepTable(vary: readonly VarySpec[], rows: readonly (readonly string[])[], largest: ReadonlyMap<Outcome, number>, width: number) {
  const first = 1 + vary.length;
  const headers = ['#', ...vary.map((v) => v.path), ...OUTCOMES.map((o) => SHORT[o]), 'joined 95%'];
  const lesser = OUTCOMES.filter((o) => o !== 'joined').sort((a, b) => largest.get(a)! - largest.get(b)!);
  const drop = [headers.length - 1, ...lesser.map((o) => first + OUTCOMES.indexOf(o))];
  const right = new Set(headers.map((_, i) => i).filter((i) => i > 0 && i < headers.length - 1));
  const column = (i: number) => Math.max(...rows.map((row) => row[i]!.length));
  // What stays whatever the width: the indent, the point, the joined share and the gaps between the columns.
  const kept = 2 + Math.max(1, column(0)) + 2 + Math.max(SHORT.joined.length, column(first)) + 2 * vary.length;
  const room = Math.floor((width - kept) / Math.max(1, vary.length));
  const fitted = headers.map((h, i) => (i >= 1 && i < first && h.length > room ? truncateMiddle(h, Math.max(MIN_PATH_HEADER, room, column(i))) : h));
  return fitColumns(fitted, rows, width, { right, drop, elastic: first });
}
