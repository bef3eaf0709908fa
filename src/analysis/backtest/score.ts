import type { Outcome } from '../../model/outcome.js';
import type { ChangeLine, ShareWithInterval } from '../rewrite-search/run.js';
import { mostCommonOutcome, OUTCOMES } from '../../model/outcome.js';
import { monthLabel, monthOfDate } from '../../model/council-calendar.js';
import type { BlockerRow, MonthCount, Results, YearCount } from '../../model/results.js';
import type { ObservedOutcome, Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { wilson } from '../../engine/index.js';
import { ERA_LABELS, ERAS, eraOf, LOG_SCORE_FLOOR, logScore, referenceCounts, referenceForecast, reliability, skill, type CaseRecord, type Era, type ReliabilityRow, type YearForecast } from './scores.js';

/**
 * Backtests: scenarios of real accessions, written from the record before the run, each with
 * the outcome that happened (`observed`). The engine's forecast for each is scored against it.
 *
 * The event scored for a case is membership by the observed year: by the year the candidate
 * actually joined, or, for a candidacy that did not join, by the year its file observes it still
 * outside. p is the share of branches in which what happened happened (a member by then, or not
 * a member by then). The Brier score of a case is (1 − p)²; over all cases it is the mean, from
 * 0 (every case forecast with certainty) to 1 (every case ruled out). A forecast of 50/50
 * everywhere scores 0.25. The kind of ending of a candidacy that did not join (stalled,
 * withdrawn, vetoed) is scored by the outcome Brier score, which scores the whole distribution
 * of outcomes at the horizon, Σ over outcomes k of (p_k − [k observed])², from 0 to 2. Read the
 * Brier score with it, with the log score, and with the skill against a naive reference forecast
 * (scores.ts), which forecasts the same event.
 */
export interface BacktestCase {
  readonly scenario: string;
  readonly title: string;
  readonly candidate: { readonly name: string; readonly code: string; readonly coCandidates: readonly string[] };
  readonly decisionYear: number;
  readonly horizon: number;
  /** The procedure of the decision point's year (scores.ts). */
  readonly era: Era;
  readonly observed: ObservedOutcome;
  /** The day the observed outcome took effect, when the file gives it (`observed.date`). */
  readonly observedDate: string | null;
  /**
   * P(what happened by the observed year): a member by then for a case that joined, not a member
   * by then for one that did not; with its 95% interval (Monte Carlo error).
   */
  readonly pObserved: number;
  readonly pObservedCi95: readonly [number, number];
  /** P(the observed kind of ending, settled by the observed year): pObserved for a case that joined. */
  readonly pObservedOutcome: number;
  /** P(the observed kind of ending at any time up to the horizon). */
  readonly pObservedByHorizon: number;
  /** The outcome the run gives most often. */
  readonly mostLikely: Outcome;
  readonly mostLikelyShare: number;
  /** Share of branches that joined by the horizon. */
  readonly joinedByHorizon: number;
  /** Accession year among joined branches: median and the 10th and 90th percentiles (null when none joined). */
  readonly predictedYear: YearSpread | null;
  /** The same as months (YYYY-MM): the month of the last deposit. */
  readonly predictedMonth: MonthSpread | null;
  /** Predicted median accession month minus the observed one, in months (joined cases with an observed date, and some branch joined). */
  readonly monthError: number | null;
  /** The month of the first invitation among the branches that joined (null when none did): where a case's time goes, before or after the Council's decision. */
  readonly predictedInvitation: MonthSpread | null;
  /** The day the Council invited the candidate, when the file gives it (`observed.invited`). */
  readonly observedInvitation: string | null;
  /** Predicted median invitation month minus the observed one, in months (null without both). */
  readonly invitationError: number | null;
  /** Months from the first invitation to membership in the branches that joined: median and the 10th and 90th percentiles (null when none joined). */
  readonly predictedLag: { readonly median: number; readonly p10: number; readonly p90: number } | null;
  /** Months from the invitation to membership on record (null without both dates). */
  readonly observedLag: number | null;
  /** predictedLag.median − observedLag: what the engine adds (or saves, below 0) after the Council's decision. */
  readonly lagError: number | null;
  /** Years from the decision point to accession: predicted median and observed (joined cases only). */
  readonly yearsToAccession: { readonly predicted: number | null; readonly observed: number } | null;
  /** (1 − pObserved)². */
  readonly brier: number;
  /** −ln(max(pObserved, LOG_SCORE_FLOOR)). */
  readonly logScore: number;
  /** The naive reference forecast of the same event and its scores; set over all cases by summarizeBacktests. */
  readonly reference: ReferenceScore | null;
  /** P(member by the end of each year of the window) against whether the candidate was. */
  readonly memberByYear: readonly YearForecast[];
  /** Σ_k (p_k − [k = observed])² over the outcome shares at the horizon. */
  readonly brierOutcomes: number;
  /**
   * Where the branches that missed stood at the end of the observed year (the same branches run
   * again with the horizon there): each other outcome's share of all branches, largest first,
   * with its commonest reasons; null when not asked for (`backtest --no-misses`).
   */
  readonly missesAtObservedYear: readonly MissRow[] | null;
  readonly warnings: readonly string[];
}

export interface MissRow {
  readonly outcome: Outcome;
  /** Where the branches stood, in words: "still preparing", "an objection under negotiation", "ratification under way"... */
  readonly stood: string;
  readonly share: number;
  /** The commonest reasons within it, each with the actors that gave it most, as shares of all branches. */
  readonly reasons: readonly MissReason[];
}

export interface MissReason {
  readonly reason: string;
  readonly share: number;
  readonly actors: readonly { readonly actor: string; readonly share: number }[];
}

export interface YearSpread {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
}

export interface MonthSpread {
  readonly median: string;
  readonly p10: string;
  readonly p90: string;
}

export interface ReferenceScore {
  readonly p: number;
  readonly brier: number;
  readonly logScore: number;
  /** How many other cases of the run answered the case's question (n); with none, p is 1/2. */
  readonly others: number;
}

/** The scores of a set of cases: all of them, or one era's. */
export interface BacktestScores {
  /** Mean of the cases' Brier scores; null with no case. */
  readonly brier: number | null;
  readonly brierOutcomes: number | null;
  readonly logScore: number | null;
  /** The reference forecast's mean scores over the same cases. */
  readonly referenceBrier: number | null;
  readonly referenceLogScore: number | null;
  /** 1 − score / reference score. */
  readonly brierSkill: number | null;
  readonly logSkill: number | null;
  /** Mean of |predicted median − observed| accession year over joined cases that joined in some branch. */
  readonly meanYearError: number | null;
  /** Mean of |monthError| over joined cases with an observed date that joined in some branch. */
  readonly meanMonthError: number | null;
  /** Joined cases with an observed date, and how many of them have a predicted median month within 12 months of it (a case no branch joined in is a miss). */
  readonly datedJoinedCases: number;
  readonly withinTwelveMonths: number;
  /** Where the time goes: see TimeSplit. */
  readonly timeSplit: TimeSplit;
}

/**
 * Over the joined cases that give both observed dates and joined in some branch, in months
 * (later or longer than the record is positive), read on the branches that joined: the median
 * error to the invitation, and the median error of the time from the invitation to membership
 * (protocol, ratification, deposit), each branch's own. Medians, as one case decades off would
 * carry a mean.
 */
export interface TimeSplit {
  readonly cases: number;
  readonly invitationError: number | null;
  readonly afterInvitation: number | null;
}

export interface EraScores extends BacktestScores {
  readonly era: Era;
  readonly label: string;
  /** Number of cases whose decision point lies in the era. */
  readonly cases: number;
}

/** What a missed case would have needed (backtest --rewrite, rewrites.ts). */
export interface MissRewrite {
  readonly scenario: string;
  readonly pObserved: number;
  /** `joined >= 50% by 2023`. */
  readonly target: string;
  /** The target's share at the start, on the search's own branches (at most MISS_REWRITE_LIMITS.runs). */
  readonly start: ShareWithInterval;
  readonly found: boolean;
  /** The least rewrite reaching the target, or the closest the search came. */
  readonly distance: number;
  readonly changes: readonly ChangeLine[];
  readonly search: ShareWithInterval;
  readonly verification: ShareWithInterval;
  readonly evaluations: number;
}

export interface BacktestReport extends BacktestScores {
  readonly seed: string;
  readonly runs: number;
  readonly version: string;
  readonly cases: readonly BacktestCase[];
  readonly byEra: readonly EraScores[];
  /** P(member by the end of a year) against membership, over every year of every case. */
  readonly reliability: readonly ReliabilityRow[];
  readonly logScoreFloor: number;
  readonly definitions: typeof BACKTEST_DEFINITIONS;
  /** For each case given less than even odds, the least rewrite of its inputs that reproduces it; null when not asked for (`backtest --rewrite`). */
  readonly missRewrites: readonly MissRewrite[] | null;
}

export const BACKTEST_DEFINITIONS = {
  pObserved:
    'share of branches in which what happened by the observed year happened: a member by then, for a case that joined; not a member by then, for one that did not (its kind of ending is scored by the outcome Brier score and given as pObservedOutcome)',
  brier: 'mean over cases of (1 - pObserved)^2: 0 = what happened forecast with certainty in every case, 0.25 = a 50/50 forecast, 1 = every one ruled out',
  brierOutcomes: 'mean over cases of the sum over outcomes k of (share_k - [k observed])^2 at the horizon: 0 = certain and right, 2 = certain and wrong',
  logScore: `mean over cases of -ln(max(pObserved, ${LOG_SCORE_FLOOR})): 0 = every observed outcome forecast with certainty, 0.693 = a 50/50 forecast, ${(-Math.log(LOG_SCORE_FLOOR)).toFixed(3)} = ruled out (the floor keeps one case from scoring infinity)`,
  reference:
    'the naive forecast of the same event from the other cases of the same era in this run alone: of the n other cases whose record answers "member within d years of the decision year?" (d = this case\'s own time to membership, or to the observed year if it did not join), k answer as this case did; the forecast is (k + 1) / (n + 2), 1/2 when none answers',
  skill: '1 - score / reference score, for the Brier and the log score: 1 = perfect, 0 = no better than the reference, below 0 = worse',
  era: "the procedure of the decision point's year: 1949-1994 the Council's political decision, 1995-1998 the 1995 Study, 1999-2021 the MAP, 2022- application without a MAP",
  reliability: "every year of every case's window: the forecast share of branches that are members by the end of that year, bucketed, against the share of those case-years in which the candidate was in fact a member",
  yearError: 'predicted median accession year minus the observed one, over joined cases that joined in some branch',
  invitationError:
    "read on the branches that joined: their median month of first invitation minus the month the Council invited the candidate (observed.invited); and their median months from that invitation to membership (protocol, ratification, deposit) minus the record's: whether a case's time is lost before the Council's decision or after it",
  monthError:
    'predicted median accession month (the last deposit) minus the observed one, in months, over joined cases with an observed date; "within 12 months" counts those cases whose error is at most 12 months (a case in which no branch joined is a miss)',
} as const;

/** The share of branches ending in `outcome` no later than `year`. */
export function shareBy(results: Results, outcome: Outcome, year: number): number {
  if (results.runs === 0) return 0;
  const count = results.outcomeYears[outcome].reduce((sum, y) => (y.year <= year ? sum + y.count : sum), 0);
  return count / results.runs;
}

/** The q-quantile (0..1) of a distribution given as counts, by the lower value: the value by which at least q of the mass lies; null when it is empty. */
export function quantileOf(values: readonly { readonly value: number; readonly count: number }[], q: number): number | null {
  const total = values.reduce((sum, v) => sum + v.count, 0);
  if (total === 0) return null;
  const sorted = [...values].sort((x, y) => x.value - y.value);
  let seen = 0;
  for (const v of sorted) {
    seen += v.count;
    if (seen >= q * total) return v.value;
  }
  return sorted[sorted.length - 1]!.value;
}

/** The q-quantile of a year distribution (see quantileOf). */
export function yearQuantile(years: readonly YearCount[], q: number): number | null {
  return quantileOf(years.map((y) => ({ value: y.year, count: y.count })), q);
}

/** The q-quantile of a month distribution (YYYY-MM counts), by the lower value (see quantileOf). */
export function monthQuantile(months: readonly MonthCount[], q: number): string | null {
  const at = quantileOf(months.map((m) => ({ value: monthOfDate(m.month), count: m.count })), q);
  return at === null ? null : monthLabel(at);
}

/** The median and the 10th and 90th percentiles of a month distribution, or null when it holds no branch. */
function monthSpread(months: readonly MonthCount[]): MonthSpread | null {
  const median = monthQuantile(months, 0.5);
  return median === null ? null : { median, p10: monthQuantile(months, 0.1)!, p90: monthQuantile(months, 0.9)! };
}

/** Brier score of one binary forecast p for an event that did (1) or did not (0) happen. */
export function brierBinary(p: number, happened: 0 | 1): number {
  return (p - happened) ** 2;
}

/** Brier score of a forecast over categories against the one that happened: Σ_k (p_k − [k = observed])². */
export function brierCategorical(forecast: Readonly<Record<string, number>>, observed: string): number {
  let sum = 0;
  for (const [k, p] of Object.entries(forecast)) sum += (p - (k === observed ? 1 : 0)) ** 2;
  if (!(observed in forecast)) sum += 1;
  return sum;
}

/** Median of a list (the mean of the middle two for an even count), null when empty. */
export function medianOf(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Mean of a list, null when empty. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Scores one case's results against what happened. Pure. */
export function scoreCase(scenario: Scenario, observed: ObservedOutcome, results: Results, atObservedYear: Results | null = results): BacktestCase {
  // The event scored is membership by the observed year: it happened for a case that joined and
  // not for one that did not. The kind of ending (stalled, withdrawn...) is the model's own
  // reading of a record that often admits two (Ukraine set its aim aside in 2010-14, then took
  // it up again): it is scored by the outcome Brier score, and the reference forecast knows only
  // membership, so that its skill compares forecasts of one event.
  const joinedBy = shareBy(results, 'joined', observed.year);
  const p = observed.outcome === 'joined' ? joinedBy : 1 - joinedBy;
  const count = Math.round(p * results.runs);
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, results.outcomes[o].share])) as Record<Outcome, number>;
  const mostLikely = mostCommonOutcome(results.outcomes);
  const median = yearQuantile(results.accessionYears, 0.5);
  const predictedYear = median === null ? null : { median, p10: yearQuantile(results.accessionYears, 0.1)!, p90: yearQuantile(results.accessionYears, 0.9)! };
  const predictedMonth = monthSpread(results.accessionMonths);
  const monthError = observed.outcome === 'joined' && observed.date !== undefined && predictedMonth !== null ? monthOfDate(predictedMonth.median) - monthOfDate(observed.date) : null;
  const predictedInvitation = monthSpread(results.invitationMonths);
  const observedInvitation = observed.invited?.date ?? null;
  const invitationError = observedInvitation !== null && predictedInvitation !== null ? monthOfDate(predictedInvitation.median) - monthOfDate(observedInvitation) : null;
  const lags = results.invitationToMembership.map((l) => ({ value: l.months, count: l.count }));
  const predictedLag = lags.length === 0 ? null : { median: quantileOf(lags, 0.5)!, p10: quantileOf(lags, 0.1)!, p90: quantileOf(lags, 0.9)! };
  const observedLag = observedInvitation !== null && observed.outcome === 'joined' && observed.date !== undefined ? monthOfDate(observed.date) - monthOfDate(observedInvitation) : null;
  const lagError = predictedLag !== null && observedLag !== null ? predictedLag.median - observedLag : null;
  const start = scenario.decisionPoint.year;
  const memberByYear: YearForecast[] = [];
  for (let year = start; year <= scenario.decisionPoint.horizon; year++) {
    memberByYear.push({ year, p: shareBy(results, 'joined', year), observed: observed.outcome === 'joined' && observed.year <= year ? 1 : 0 });
  }
  return {
    scenario: scenario.id,
    title: scenario.title,
    candidate: { name: scenario.candidate.name, code: scenario.candidate.code, coCandidates: scenario.candidate.coCandidates ?? [] },
    decisionYear: start,
    horizon: scenario.decisionPoint.horizon,
    era: eraOf(start, scenario.process?.procedure),
    observed,
    observedDate: observed.date ?? null,
    pObserved: p,
    pObservedCi95: wilson(count, results.runs),
    pObservedOutcome: shareBy(results, observed.outcome, observed.year),
    pObservedByHorizon: byOutcome[observed.outcome],
    mostLikely,
    mostLikelyShare: byOutcome[mostLikely],
    joinedByHorizon: byOutcome.joined,
    predictedYear,
    predictedMonth,
    monthError,
    predictedInvitation,
    observedInvitation,
    invitationError,
    predictedLag,
    observedLag,
    lagError,
    yearsToAccession: observed.outcome === 'joined' ? { predicted: median === null ? null : median - start, observed: observed.year - start } : null,
    brier: brierBinary(p, 1),
    brierOutcomes: brierCategorical(byOutcome, observed.outcome),
    logScore: logScore(p),
    reference: null,
    memberByYear,
    missesAtObservedYear: atObservedYear === null ? null : missesAt(atObservedYear, observed.outcome),
    warnings: results.warnings,
  };
}

/** What the reference forecast needs to know of a scored case. */
function caseRecord(c: BacktestCase): CaseRecord {
  return {
    era: c.era,
    decisionYear: c.decisionYear,
    horizon: c.horizon,
    yearsToJoin: c.observed.outcome === 'joined' ? c.observed.year - c.decisionYear : null,
    observedAfter: c.observed.year - c.decisionYear,
    candidate: c.candidate.code,
    coCandidates: c.candidate.coCandidates,
  };
}

/** Each case with its reference forecast, from the other cases of its era. */
export function withReferences(cases: readonly BacktestCase[]): BacktestCase[] {
  const records = cases.map(caseRecord);
  return cases.map((c, i) => {
    const p = referenceForecast(records, i);
    return { ...c, reference: { p, brier: brierBinary(p, 1), logScore: logScore(p), others: referenceCounts(records, i).n } };
  });
}

/** The mean scores over a set of cases (with their references). */
export function scoresOf(cases: readonly BacktestCase[]): BacktestScores {
  const yearErrors = cases.flatMap((c) => (c.observed.outcome === 'joined' && c.predictedYear !== null ? [Math.abs(c.predictedYear.median - c.observed.year)] : []));
  const dated = cases.filter((c) => c.observed.outcome === 'joined' && c.observedDate !== null);
  const monthErrors = dated.flatMap((c) => (c.monthError === null ? [] : [Math.abs(c.monthError)]));
  const brier = mean(cases.map((c) => c.brier));
  const log = mean(cases.map((c) => c.logScore));
  const references = cases.flatMap((c) => (c.reference === null ? [] : [c.reference]));
  const referenceBrier = references.length === cases.length ? mean(references.map((r) => r.brier)) : null;
  const referenceLogScore = references.length === cases.length ? mean(references.map((r) => r.logScore)) : null;
  return {
    brier,
    brierOutcomes: mean(cases.map((c) => c.brierOutcomes)),
    logScore: log,
    referenceBrier,
    referenceLogScore,
    brierSkill: skill(brier, referenceBrier),
    logSkill: skill(log, referenceLogScore),
    meanYearError: mean(yearErrors),
    meanMonthError: mean(monthErrors),
    datedJoinedCases: dated.length,
    withinTwelveMonths: monthErrors.filter((e) => e <= 12).length,
    timeSplit: timeSplit(cases),
  };
}

/** The TimeSplit of a set of cases. */
function timeSplit(cases: readonly BacktestCase[]): TimeSplit {
  const both = cases.filter((c) => c.invitationError !== null && c.lagError !== null);
  return { cases: both.length, invitationError: medianOf(both.map((c) => c.invitationError!)), afterInvitation: medianOf(both.map((c) => c.lagError!)) };
}

/** Summary over scored cases: overall, per era, and the reliability of the yearly forecasts. Pure. */
export function summarizeBacktests(scored: readonly BacktestCase[], meta: { seed: string; runs: number }): BacktestReport {
  const cases = withReferences(scored);
  return {
    seed: meta.seed,
    runs: meta.runs,
    version: VERSION,
    cases,
    ...scoresOf(cases),
    byEra: ERAS.map((era) => {
      const of = cases.filter((c) => c.era === era);
      return { era, label: ERA_LABELS[era], cases: of.length, ...scoresOf(of) };
    }),
    reliability: reliability(cases.map((c) => c.memberByYear)),
    logScoreFloor: LOG_SCORE_FLOOR,
    definitions: BACKTEST_DEFINITIONS,
    missRewrites: null,
  };
}

/** Reasons listed for each outcome a miss stood in. */
const REASONS_PER_MISS = 3;

/**
 * The outcomes other than the observed one in a run that stopped at the observed year, largest
 * first, each with its commonest reasons. `pending_at_horizon` is told as the two places a
 * branch can stand in it: an objection still under negotiation, or ratification under way.
 */
export function missesAt(results: Results, observed: Outcome): MissRow[] {
  const rows: MissRow[] = [];
  const reasonsOf = (blockers: readonly BlockerRow[]): MissReason[] => {
    const byReason = new Map<string, BlockerRow[]>();
    for (const b of blockers) byReason.set(b.reason.label, [...(byReason.get(b.reason.label) ?? []), b]);
    return [...byReason]
      .map(([reason, rows]) => ({
        reason,
        share: rows.reduce((n, b) => n + b.share, 0),
        actors: [...rows]
          .sort((a, b) => b.count - a.count)
          .slice(0, REASONS_PER_MISS)
          .map((b) => ({ actor: b.actor, share: b.share })),
      }))
      .sort((a, b) => b.share - a.share)
      .slice(0, REASONS_PER_MISS);
  };
  for (const outcome of OUTCOMES) {
    if (outcome === observed || results.outcomes[outcome].count === 0) continue;
    // A case that did not join is missed only by the branches that made it a member.
    if (observed !== 'joined' && outcome !== 'joined') continue;
    const blockers = results.blockers.filter((b) => b.outcome === outcome);
    if (outcome !== 'pending_at_horizon') {
      rows.push({ outcome, stood: STOOD[outcome], share: results.outcomes[outcome].share, reasons: reasonsOf(blockers) });
      continue;
    }
    const underWay = (b: BlockerRow) => b.reason.kind === 'horizon' || b.reason.kind === 'never_passes';
    const ratifying = blockers.filter(underWay);
    const objecting = blockers.filter((b) => !underWay(b));
    const sum = (bs: readonly BlockerRow[]) => bs.reduce((n, b) => n + b.share, 0);
    if (objecting.length > 0) rows.push({ outcome, stood: 'an objection under negotiation', share: sum(objecting), reasons: reasonsOf(objecting) });
    if (ratifying.length > 0) rows.push({ outcome, stood: 'ratification under way', share: sum(ratifying), reasons: reasonsOf(ratifying) });
  }
  return rows.sort((a, b) => b.share - a.share);
}

/** Where a branch stood, by the outcome a run stopped at the observed year gives it. */
const STOOD: Readonly<Record<Outcome, string>> = {
  joined: 'already a member',
  no_application: 'had not applied',
  withdrawn: 'had withdrawn',
  map_stalled: 'still preparing',
  vetoed: 'vetoed',
  ratification_failed: 'refused in ratification',
  pending_at_horizon: 'objection or ratification under way',
};
