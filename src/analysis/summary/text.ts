import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, TRACKS, TRACK_LABELS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { bar, integer, pct, sharePct, shareInterval, table, truncate, warningLines } from '../../report/format.js';
import { wrapText } from '../../report/wrap.js';
import { rewriteLine, type RewriteDistance } from '../rewrite/rewrite-distance.js';

export interface SummaryOptions {
  /** Terminal width to fit (at least 60); none for a file or a pipe, where every label and reason is whole. */
  readonly width?: number;
  /** How many blocker rows to show. */
  readonly blockers?: number;
  /** The scenario's distance from its historical baseline, shown under the header. */
  readonly rewrite?: RewriteDistance;
}

/** The readable summary of one run: outcomes, funnel, accession years, top blockers. */
export function summaryText(r: Results, options: SummaryOptions = {}): string {
  const width = options.width === undefined ? Infinity : Math.max(60, options.width);
  const out: string[] = [];
  out.push(...prose(`${r.title} (${r.scenario})`, width, ''));
  out.push(
    ...prose(`Decision point ${r.decisionPoint.year}: ${r.decisionPoint.label} -> horizon ${r.decisionPoint.horizon} | ${integer(r.runs)} branches | seed ${r.seed} | v${r.version}`, width, ''),
  );
  if (options.rewrite !== undefined) out.push(...prose(rewriteLine(options.rewrite), width, ''));
  out.push('');
  out.push('Outcomes');
  const outcomeRows = OUTCOMES.map((o) => {
    const s = r.outcomes[o];
    return { cells: [OUTCOME_LABELS[o], sharePct(s.share), shareInterval(s.share, s.ci95)], fill: s.share };
  });
  out.push(...barTable(['outcome', 'share', '95% interval'], outcomeRows, width));
  out.push('');
  out.push('Funnel (share of branches reaching each stage)');
  const funnelRows = r.funnel.map((f) => ({ cells: [STAGE_LABELS[f.stage], sharePct(f.share), shareInterval(f.share, f.ci95)], fill: f.share }));
  out.push(...barTable(['stage', 'share', '95% interval'], funnelRows, width));
  const tracks = TRACKS.filter((t) => r.tracks[t].count > 0).map((t) => `${TRACK_LABELS[t]} ${sharePct(r.tracks[t].share)}`);
  if (tracks.length > 0) out.push(...prose(`Tracks taken on applying (shares of all branches): ${tracks.join('; ')}`, width, '  '));
  out.push('');
  out.push(...accessionYears(r, width));
  out.push('');
  out.push(...blockerLines(r, options.blockers ?? 8, width));
  out.push(...warningLines(r.warnings));
  return out.join('\n') + '\n';
}

function accessionYears(r: Results, width: number): string[] {
  const joined = r.outcomes.joined;
  if (joined.count === 0) return ['Accession year: no branch joined within the horizon'];
  const peak = Math.max(...r.accessionYears.map((y) => y.share));
  const rows = r.accessionYears.map((y) => ({ cells: [String(y.year), sharePct(y.share)], fill: y.share / peak }));
  return [`Accession year (among the ${integer(joined.count)} ${joined.count === 1 ? 'branch' : 'branches'} that joined)`, ...barTable(['year', 'share'], rows, width)];
}

/** Cells between a table's columns, and before it. */
const GAP = 2;
const INDENT = 2;
/** The narrowest bar worth drawing, and the most cells one takes. */
const MIN_BAR = 6;
const MAX_BAR = 24;

/**
 * A table of shares, indented, that fits `width` columns: its text first, then a bar of each
 * row's `fill` in the room left (up to MAX_BAR cells; none when less than MIN_BAR is left).
 * Labels (the first column) are cut with "…" only when the text alone would not fit. The
 * second column (the share) is right-aligned.
 */
function barTable(headers: readonly string[], rows: readonly { readonly cells: readonly string[]; readonly fill: number }[], width: number): string[] {
  const right = new Set([1]);
  const columnWidths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const textWidth = INDENT + columnWidths.reduce((sum, w) => sum + w, 0) + GAP * (headers.length - 1);
  const room = width - textWidth - GAP;
  if (room >= MIN_BAR) {
    const barWidth = Math.min(MAX_BAR, room);
    return indent(table([...headers, ''], rows.map((r) => [...r.cells, bar(r.fill, barWidth)]), right));
  }
  // Too narrow for bars: the labels give way, down to a readable start.
  const labelWidth = Math.max(headers[0]!.length, Math.min(columnWidths[0]!, columnWidths[0]! - (textWidth - width)), 20);
  return indent(table(headers, rows.map((r) => [truncate(r.cells[0]!, labelWidth), ...r.cells.slice(1)]), right));
}

function blockerLines(r: Results, limit: number, width: number): string[] {
  const shown = r.blockers.slice(0, limit);
  if (shown.length === 0) return ['Blockers: none (every branch joined)'];
  // The reason goes last, so that a long one runs on (or is cut to the terminal) without pushing the numbers away.
  const rows = shown.map((b) => [b.outcome, b.actor, sharePct(b.share), b.meanYear.toFixed(0), b.reason.label + (b.reason.source ? ` [${b.reason.source}]` : '')]);
  const headers = ['outcome', 'who', 'share', 'mean year', 'why'];
  const before = INDENT + headers.slice(0, -1).reduce((sum, h, i) => sum + Math.max(h.length, ...rows.map((row) => row[i]!.length)) + GAP, 0);
  const fitted = rows.map((row) => [...row.slice(0, -1), truncate(row.at(-1)!, Math.max(12, width - before))]);
  const lines = ['Top blockers (what ended each branch that did not join)', ...indent(table(headers, fitted, new Set([2, 3])))];
  // A code no roster has: say what it stands for.
  const tie = shown.find((b) => b.actor === 'TIE');
  return tie === undefined ? lines : [...lines, `  TIE = ${tie.actorName}`];
}

/** A line of prose after `lead`, word-wrapped to the terminal (its later lines two cells further in); whole in a file or a pipe. */
function prose(text: string, width: number, lead: string): string[] {
  if (!Number.isFinite(width)) return [lead + text];
  return wrapText(text, width - lead.length - GAP).map((line, i) => (i === 0 ? lead : lead + ' '.repeat(GAP)) + line);
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `  ${l}`);
}
