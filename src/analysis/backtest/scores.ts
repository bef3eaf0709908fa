import { PROCEDURE_IDS, PROCEDURES, type ProcedureId } from '../../model/procedures.js';

/**
 * The scores a backtest reports beside the Brier score: the log score, the era of a case, a
 * naive reference forecast to measure skill against, and a reliability table. Pure maths on
 * plain numbers, so each piece can be checked by hand.
 */

/**
 * The eras of the accession procedure, read from its timeline (model/procedures.ts): each runs
 * from the year its procedure came into force to the year before the next one did.
 */
export const ERAS = PROCEDURES.map((p, i) => {
  const next = PROCEDURES[i + 1];
  return `${yearOf(p.from)}-${next === undefined ? '' : yearOf(next.from) - 1}`;
}) as readonly string[] as readonly Era[];
export type Era = '1949-1994' | '1995-1998' | '1999-2021' | '2022-';

export const ERA_LABELS = Object.fromEntries(ERAS.map((era, i) => [era, PROCEDURES[i]!.label])) as Readonly<Record<Era, string>>;

/** The era of a decision point's year, or of the procedure a scenario names for every year. */
export function eraOf(year: number, procedure?: ProcedureId): Era {
  if (procedure !== undefined) return ERAS[PROCEDURE_IDS.indexOf(procedure)]!;
  let found = 0;
  PROCEDURES.forEach((p, i) => {
    if (yearOf(p.from) <= year) found = i;
  });
  return ERAS[found]!;
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * The lowest probability the log score takes: a forecast of 0 for what happened would
 * otherwise score infinity, and one case would drown all others. 0.001 caps a case at
 * −ln 0.001 ≈ 6.91; it does not depend on the number of branches, so scores from runs of
 * different sizes compare.
 */
export const LOG_SCORE_FLOOR = 0.001;

/** −ln(max(p, floor)): 0 for certainty in what happened, ln 2 ≈ 0.693 for 50/50. */
export function logScore(p: number): number {
  // 0 - x, not -x: a certain forecast scores 0, not -0.
  return 0 - Math.log(Math.max(p, LOG_SCORE_FLOOR));
}

/** 1 − score / reference: 1 perfect, 0 no better than the reference, negative worse. Null without a reference score. */
export function skill(score: number | null, reference: number | null): number | null {
  if (score === null || reference === null || reference === 0) return null;
  return 1 - score / reference;
}

/** What the reference forecast needs to know of a case: its era, its window and what happened. */
export interface CaseRecord {
  readonly era: Era;
  readonly decisionYear: number;
  readonly horizon: number;
  /** Years from the decision year to membership; null when the candidate did not join in the window. */
  readonly yearsToJoin: number | null;
  /** Years from the decision year to the observed year. */
  readonly observedAfter: number;
  /** The candidate's code, and those of its co-candidates: a case of the same round is no other case. */
  readonly candidate: string;
  readonly coCandidates: readonly string[];
}

/**
 * The naive reference forecast for case `i`: knowing only how the OTHER cases of the same era
 * went, how likely is what happened here? The question is "member within d years of the
 * decision year" when the case joined (d = its own years to membership), and "not a member
 * within d years" when it did not (d = years to the observed year, usually the horizon).
 * Another case answers the question when it joined (its time is known) or when its window
 * lasted at least d years; of the n that answer, k had the event. The forecast is Laplace's
 * rule of succession, (k + 1) / (n + 2): never 0 or 1, and 1/2 when no other case of the
 * era answers. A co-candidate's case (either names the other) is left out: invited in the same
 * round, it would give the reference this case's own answer.
 */
export function referenceForecast(cases: readonly CaseRecord[], i: number): number {
  const { n, k } = referenceCounts(cases, i);
  return (k + 1) / (n + 2);
}

/** The counts the reference forecast of case `i` is read from: n other cases answer its question, k as it did. */
export function referenceCounts(cases: readonly CaseRecord[], i: number): { readonly n: number; readonly k: number } {
  const self = cases[i]!;
  const d = self.observedAfter;
  let n = 0;
  let k = 0;
  cases.forEach((other, j) => {
    if (j === i || other.era !== self.era || sameRound(self, other)) return;
    const answers = other.yearsToJoin !== null || other.horizon - other.decisionYear >= d;
    if (!answers) return;
    n += 1;
    const joinedWithin = other.yearsToJoin !== null && other.yearsToJoin <= d;
    if (joinedWithin === (self.yearsToJoin !== null)) k += 1;
  });
  return { n, k };
}

/** Whether two cases are of co-candidates, as either file names them. */
function sameRound(a: CaseRecord, b: CaseRecord): boolean {
  return a.coCandidates.includes(b.candidate) || b.coCandidates.includes(a.candidate);
}

/** One forecast of "member by the end of this year" against whether the candidate was. */
export interface YearForecast {
  readonly year: number;
  /** Share of branches that had joined by the end of the year. */
  readonly p: number;
  /** 1 when the candidate had in fact joined by the end of the year. */
  readonly observed: 0 | 1;
}

/** Bucket edges of the reliability table: finer at the ends, where forecasts claim most. */
export const RELIABILITY_EDGES = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1] as const;

export interface ReliabilityRow {
  /** The bucket [from, to), the last one closed at 1. */
  readonly from: number;
  readonly to: number;
  /** Case-years whose forecast falls in the bucket, and how many cases they come from. */
  readonly pairs: number;
  readonly cases: number;
  /** Mean forecast and share observed in the bucket; null when it is empty. */
  readonly meanForecast: number | null;
  readonly observedFrequency: number | null;
}

/**
 * Forecasts grouped by value against how often the forecast event happened. A reliable
 * forecaster's "70%" comes true about 70% of the time. `byCase` holds each case's forecasts.
 */
export function reliability(byCase: readonly (readonly YearForecast[])[]): ReliabilityRow[] {
  const last = RELIABILITY_EDGES.length - 2;
  const rows = RELIABILITY_EDGES.slice(0, -1).map((from, b) => ({ from, to: RELIABILITY_EDGES[b + 1]!, pairs: 0, sumP: 0, sumObserved: 0, cases: new Set<number>() }));
  byCase.forEach((forecasts, c) => {
    for (const f of forecasts) {
      let b = 0;
      while (b < last && f.p >= rows[b + 1]!.from) b++;
      const row = rows[b]!;
      row.pairs += 1;
      row.sumP += f.p;
      row.sumObserved += f.observed;
      row.cases.add(c);
    }
  });
  return rows.map((r) => ({
    from: r.from,
    to: r.to,
    pairs: r.pairs,
    cases: r.cases.size,
    meanForecast: r.pairs === 0 ? null : r.sumP / r.pairs,
    observedFrequency: r.pairs === 0 ? null : r.sumObserved / r.pairs,
  }));
}
