import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, type Outcome } from '../../model/outcome.js';
import type { Comparison, ComparisonSide, PairedDifference } from './comparison.js';
import { csvShare, csvTable, type ShareFormat } from '../../report/csv.js';
import { integer, points, pointsDigits, sharePct, warningLines } from '../../report/format.js';
import { fitTable, fitWidth, prose } from '../../report/fit.js';
import { rewriteLine, rewriteLines } from '../rewrite/rewrite-distance.js';

/** A difference of shares in percentage points: `+1.2 pts`. */
function pointsText(x: number, digits = 1): string {
  return `${points(x, digits)} pts`;
}

function pointsInterval(ci: readonly [number, number], digits = 1): string {
  return `[${points(ci[0], digits)}, ${points(ci[1], digits)}]`;
}

/** A difference and its paired interval, to as many decimals as show it (see pointsDigits). */
function differenceText(d: Pick<PairedDifference, 'difference' | 'ci95'>): [string, string] {
  const digits = pointsDigits(d.ci95);
  return [pointsText(d.difference, digits), pointsInterval(d.ci95, digits)];
}

/** The readable comparison: sides, outcomes, funnel, where they part, blockers, assumptions. Fits a terminal of `width` columns; whole in a file or a pipe (no width). */
export function compareText(c: Comparison, options: { width?: number } = {}): string {
  const width = fitWidth(options.width);
  const out: string[] = [];
  out.push(...prose(`Compare: ${integer(c.runs)} paired branches (same keys, common random numbers) | seed ${c.seed} | v${c.version}`, width));
  out.push(...sideLines('A', c.a, width), ...sideLines('B', c.b, width));
  out.push('');
  out.push(...prose('Outcomes (share of branches; B - A in percentage points, paired 95% interval)', width));
  const row = (label: string, d: PairedDifference) => ({ cells: [label, sharePct(d.a), sharePct(d.b), ...differenceText(d)] });
  const shares = { right: new Set([1, 2, 3]) };
  out.push(...fitTable(['outcome', 'A', 'B', 'B - A', '95% interval'], OUTCOMES.map((o) => row(OUTCOME_LABELS[o], c.outcomes[o])), width, { ...shares, wrap: true }));
  out.push('');
  out.push('Funnel (share reaching each stage)');
  out.push(...fitTable(['stage', 'A', 'B', 'B - A', '95% interval'], c.funnel.map((f) => row(STAGE_LABELS[f.stage], f)), width, shares));
  out.push(...prose(partingText(c), width, '  '));
  out.push('');
  if (c.blockers.length === 0) out.push('Blockers: the same in both');
  else {
    out.push('Blockers that differ most (share of all branches)');
    const rows = c.blockers.map((b) => ({ cells: [b.outcome, b.actor, sharePct(b.a), sharePct(b.b), pointsText(b.difference), b.reason.label.replace(/\s+/g, ' ')] }));
    out.push(...fitTable(['outcome', 'who', 'A', 'B', 'B - A', 'why'], rows, width, { right: new Set([2, 3, 4]), elastic: 5, minElastic: 12, wrap: true }));
  }
  out.push('');
  out.push(...prose(`Assumptions that differ, A -> B (read from the files; size in units of A's documented uncertainty)`, width));
  const listed = rewriteLines(c.assumptions);
  if (listed.length === 0) out.push('  none: the two scenarios make the same assumptions');
  else out.push(...[...listed, `Distance of B from A: ${c.assumptions.score.toFixed(1)}`].flatMap((l) => prose(l, width, '  ')));
  out.push('');
  out.push('How to read it');
  out.push(...prose('B - A      difference of shares over the same branches (paired): a change caused by the differing assumptions, not by noise between runs', width, '  '));
  out.push(...prose('interval   paired interval from the joint outcome table, Wald adjusted by Agresti and Min (half a branch added to each cell) (JSON: method, ci95Unpaired for the unpaired interval, discordant counts)', width, '  '));
  out.push(...prose('distance   sqrt(sum z^2) + 1 per rule/event switched + 1 per structural change; z = change in sd of the baseline value', width, '  '));
  // The files' own warnings too (a procedure out of its era, defaults used), each under its side.
  out.push(...warningLines([...c.warnings, ...c.a.warnings.map((w) => `A: ${w}`), ...c.b.warnings.map((w) => `B: ${w}`)]));
  return out.join('\n') + '\n';
}

/**
 * Where two assumption sets part, in one line: the first funnel stage that differs clearly; else,
 * when every stage is reached alike, the outcomes that differ clearly (the same stages, ended
 * differently); else that nothing differs beyond Monte Carlo error.
 */
export function partingText(c: Pick<Comparison, 'partAt' | 'apartIn' | 'funnel' | 'outcomes'>, labels: Readonly<Record<Outcome, string>> = OUTCOME_LABELS): string {
  if (c.partAt !== null) {
    const f = c.funnel.find((x) => x.stage === c.partAt!.stage)!;
    return `They part at: ${c.partAt.label} (${differenceText(f).join(' ')})`;
  }
  if (c.apartIn.length > 0) {
    const listed = c.apartIn.slice(0, 2).map((o) => `${labels[o]} ${differenceText(c.outcomes[o]).join(' ')}`);
    return `They reach the same stages but end differently: ${listed.join('; ')}`;
  }
  return 'They do not part: no stage and no outcome differs beyond Monte Carlo error (every interval includes 0)';
}

function sideLines(label: string, s: ComparisonSide, width: number): string[] {
  const origin = [s.file === undefined ? undefined : `file ${s.file}`, s.extends === undefined ? undefined : `extends ${s.extends}`, s.baseline === undefined ? undefined : `baseline ${s.baseline}`]
    .filter((x) => x !== undefined)
    .join(', ');
  const lines = prose(`${label}  ${s.scenario}: ${s.title}${origin === '' ? '' : ` (${origin})`}`, width, '  ');
  if (s.rewrite !== undefined) lines.push(...prose(rewriteLine(s.rewrite), width, '     '));
  return lines;
}

/** One row per outcome and funnel stage: A, B, B − A and the paired interval. */
export function compareCsv(c: Comparison, format: ShareFormat = {}): string {
  const header = ['kind', 'name', 'a_share', 'b_share', 'difference', 'lo', 'hi', 'a_only', 'b_only'];
  const row = (kind: string, name: string, d: PairedDifference) => [
    kind,
    name,
    ...[d.a, d.b, d.difference, d.ci95[0], d.ci95[1]].map((x) => csvShare(x, format)),
    String(d.discordant.aOnly),
    String(d.discordant.bOnly),
  ];
  return csvTable([header, ...OUTCOMES.map((o) => row('outcome', o, c.outcomes[o])), ...c.funnel.map((f) => row('stage', f.stage, f))]);
}
