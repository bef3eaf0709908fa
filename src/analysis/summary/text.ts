import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, TRACKS, TRACK_LABELS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { integer, sharePct, shareInterval, warningLines } from '../../report/format.js';
import { fitTable, fitWidth, prose } from '../../report/fit.js';
import { rewriteLine, type RewriteDistance } from '../rewrite/rewrite-distance.js';

export interface SummaryOptions {
  /** Terminal width to fit (at least 60); none for a file or a pipe, where every label and reason is whole. */
  readonly width?: number;
  /** How many blocker rows to show. */
  readonly blockers?: number;
  /** The scenario's distance from its historical baseline, shown under the header. */
  readonly rewrite?: RewriteDistance;
}

/** Shares right-aligned in the second column. */
const RIGHT = { right: new Set([1]) };

/** The readable summary of one run: outcomes, funnel, accession years, top blockers. */
export function summaryText(r: Results, options: SummaryOptions = {}): string {
  const width = fitWidth(options.width);
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
  out.push(...fitTable(['outcome', 'share', '95% interval'], outcomeRows, width, { ...RIGHT, wrap: true }));
  out.push('');
  out.push('Funnel (share of branches reaching each stage)');
  const funnelRows = r.funnel.map((f) => ({ cells: [STAGE_LABELS[f.stage], sharePct(f.share), shareInterval(f.share, f.ci95)], fill: f.share }));
  out.push(...fitTable(['stage', 'share', '95% interval'], funnelRows, width, RIGHT));
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
  return [`Accession year (among the ${integer(joined.count)} ${joined.count === 1 ? 'branch' : 'branches'} that joined)`, ...fitTable(['year', 'share'], rows, width, RIGHT)];
}

function blockerLines(r: Results, limit: number, width: number): string[] {
  const shown = r.blockers.slice(0, limit);
  if (shown.length === 0) return ['Blockers: none (every branch joined)'];
  // The reason goes last, so that a long one runs on (or wraps in a terminal) without pushing the numbers away.
  const rows = shown.map((b) => ({ cells: [b.outcome, b.actor, sharePct(b.share), b.meanYear.toFixed(0), b.reason.label + (b.reason.source ? ` [${b.reason.source}]` : '')] }));
  const lines = ['Top blockers (what ended each branch that did not join)', ...fitTable(['outcome', 'who', 'share', 'mean year', 'why'], rows, width, { right: new Set([2, 3]), elastic: 4, minElastic: 12, wrap: true })];
  // A code no roster has: say what it stands for.
  const tie = shown.find((b) => b.actor === 'TIE');
  return tie === undefined ? lines : [...lines, `  TIE = ${tie.actorName}`];
}
