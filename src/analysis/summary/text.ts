import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, TRACKS, TRACK_LABELS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { bar, integer, pct, sharePct, shareInterval, table, truncate, warningLines } from '../../report/format.js';
import { rewriteLine, type RewriteDistance } from '../rewrite/rewrite-distance.js';

export interface SummaryOptions {
  /** Terminal width to fit; default 80. */
  readonly width?: number;
  /** How many blocker rows to show. */
  readonly blockers?: number;
  /** The scenario's distance from its historical baseline, shown under the header. */
  readonly rewrite?: RewriteDistance;
}

/** The readable summary of one run: outcomes, funnel, accession years, top blockers. */
export function summaryText(r: Results, options: SummaryOptions = {}): string {
  const width = Math.max(60, options.width ?? 80);
  const barWidth = Math.max(10, width - 62);
  const out: string[] = [];
  out.push(`${r.title} (${r.scenario})`);
  out.push(
    `Decision point ${r.decisionPoint.year}: ${r.decisionPoint.label} -> horizon ${r.decisionPoint.horizon} | ` +
      `${integer(r.runs)} branches | seed ${r.seed} | v${r.version}`,
  );
  if (options.rewrite !== undefined) out.push(rewriteLine(options.rewrite));
  out.push('');
  out.push('Outcomes');
  const outcomeRows = OUTCOMES.map((o) => {
    const s = r.outcomes[o];
    return [OUTCOME_LABELS[o], sharePct(s.share), shareInterval(s.share, s.ci95), bar(s.share, barWidth)];
  });
  out.push(...indent(table(['outcome', 'share', '95% interval', ''], outcomeRows, new Set([1]))));
  out.push('');
  out.push('Funnel (share of branches reaching each stage)');
  const funnelRows = r.funnel.map((f) => [STAGE_LABELS[f.stage], sharePct(f.share), shareInterval(f.share, f.ci95), bar(f.share, barWidth)]);
  out.push(...indent(table(['stage', 'share', '95% interval', ''], funnelRows, new Set([1]))));
  const tracks = TRACKS.filter((t) => r.tracks[t].count > 0).map((t) => `${TRACK_LABELS[t]} ${sharePct(r.tracks[t].share)}`);
  if (tracks.length > 0) out.push(`  Tracks taken on applying (shares of all branches): ${tracks.join('; ')}`);
  out.push('');
  out.push(...accessionYears(r, barWidth));
  out.push('');
  out.push(...blockerLines(r, options.blockers ?? 8, width));
  out.push(...warningLines(r.warnings));
  return out.join('\n') + '\n';
}

function accessionYears(r: Results, barWidth: number): string[] {
  const joined = r.outcomes.joined;
  if (joined.count === 0) return ['Accession year: no branch joined within the horizon'];
  const peak = Math.max(...r.accessionYears.map((y) => y.share));
  const rows = r.accessionYears.map((y) => [String(y.year), sharePct(y.share), bar(y.share / peak, barWidth)]);
  return [`Accession year (among the ${integer(joined.count)} ${joined.count === 1 ? 'branch' : 'branches'} that joined)`, ...indent(table(['year', 'share', ''], rows, new Set([1])))];
}

function blockerLines(r: Results, limit: number, width: number): string[] {
  const rows = r.blockers.slice(0, limit).map((b) => [
    b.outcome,
    b.actor,
    truncate(b.reason.label + (b.reason.source ? ` [${b.reason.source}]` : ''), Math.max(20, width - 44)),
    sharePct(b.share),
    b.meanYear.toFixed(0),
  ]);
  if (rows.length === 0) return ['Blockers: none (every branch joined)'];
  const lines = ['Top blockers (what ended each branch that did not join)', ...indent(table(['outcome', 'who', 'why', 'share', 'mean year'], rows, new Set([3, 4])))];
  // A code no roster has: say what it stands for.
  const tie = r.blockers.slice(0, limit).find((b) => b.actor === 'TIE');
  return tie === undefined ? lines : [...lines, `  TIE = ${tie.actorName}`];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `  ${l}`);
}
