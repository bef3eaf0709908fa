import type { BacktestReport } from './score.js';
import { OUTCOME_LABELS } from '../../model/outcome.js';
import { integer, interval, pct, table } from '../../report/format.js';

/** The readable backtest table: one row per case, then the scores over all cases and how they are defined. */
export function backtestText(r: BacktestReport): string {
  const out: string[] = [];
  out.push(`Backtests: ${r.cases.length} real accession case${r.cases.length === 1 ? '' : 's'} | ${integer(r.runs)} branches each | seed ${r.seed} | v${r.version}`);
  out.push('');
  const rows = r.cases.map((c) => [
    c.scenario,
    `${c.observed.outcome} ${c.observed.year}`,
    pct(c.pObserved),
    interval(c.pObservedCi95),
    c.predictedYear === null ? '-' : `${c.predictedYear.median} (${c.predictedYear.p10}-${c.predictedYear.p90})`,
    c.observed.outcome === 'joined' ? String(c.observed.year) : '-',
    pct(c.joinedByHorizon),
    `${c.mostLikely} ${pct(c.mostLikelyShare, 0)}`,
    c.brier.toFixed(3),
  ]);
  const headers = ['case', 'observed', 'P(obs)', '95% interval', 'pred. year (10-90%)', 'obs. year', 'joined by hz', 'most likely', 'Brier'];
  out.push(...table(headers, rows, new Set([2, 6, 8])).map((l) => `  ${l}`));
  out.push('');
  out.push(`Brier score over ${r.cases.length} cases: ${fmt(r.brier)}   outcome Brier: ${fmt(r.brierOutcomes)}   mean |predicted - observed| accession year: ${r.meanYearError === null ? '-' : `${r.meanYearError.toFixed(1)} years`}`);
  out.push('');
  out.push('How to read it');
  out.push(`  P(obs)        ${r.definitions.pObserved}`);
  out.push('  pred. year    median accession year among the branches that joined (10th-90th percentile)');
  out.push('  joined by hz  share of branches that joined by the case\'s horizon');
  out.push(`  Brier         per case (1 - P(obs))^2; over all cases: ${r.definitions.brier}`);
  out.push(`  outcome Brier ${r.definitions.brierOutcomes}`);
  const labels = [...new Set(r.cases.map((c) => c.observed.outcome))].map((o) => `${o} = ${OUTCOME_LABELS[o]}`);
  if (labels.length > 0) out.push(`  outcomes      ${labels.join('; ')}`);
  const warned = r.cases.filter((c) => c.warnings.length > 0);
  if (warned.length > 0) {
    out.push('');
    out.push('Warnings');
    for (const c of warned) for (const w of c.warnings) out.push(`  ! ${c.scenario}: ${w}`);
  }
  return out.join('\n') + '\n';
}

function fmt(x: number | null): string {
  return x === null ? '-' : x.toFixed(3);
}
