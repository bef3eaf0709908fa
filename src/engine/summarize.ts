import { OUTCOMES, STAGES, TRACKS, type Outcome } from '../model/outcome.js';
import { monthLabel } from '../model/council-calendar.js';
import type { BlockerRow, LagCount, MonthCount, ObjectorRow, Results, Share, YearCount } from '../model/results.js';
import { VERSION } from '../model/version.js';
import { EXITS, ExitCode, OBJECTOR_ROLES } from './codes.js';
import type { CompiledModel } from './model.js';
import { describeActor, describeReason } from './reasons.js';
import { wilson } from './stats.js';
import type { Tally } from './tally.js';

export interface SummaryMeta {
  readonly seed: string;
  readonly warnings?: readonly string[];
}

/** Shares, intervals, funnel, years and blockers from a tally. Pure and deterministic. */
export function summarize(m: CompiledModel, t: Tally, meta: SummaryMeta): Results {
  const n = t.runs;
  const share = (count: number): Share => ({ count, share: n === 0 ? 0 : count / n, ci95: wilson(count, n) });

  const outcomeCount = (o: Outcome) => EXITS.reduce((sum, e, i) => (e.outcome === o ? sum + t.exits[i]! : sum), 0);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, share(outcomeCount(o))])) as Record<Outcome, Share>;

  const yearsOf = (exitIndexes: number[]): YearCount[] => {
    const rows: YearCount[] = [];
    const total = exitIndexes.reduce((sum, e) => sum + t.exits[e]!, 0);
    for (let y = 0; y < m.years; y++) {
      const count = exitIndexes.reduce((sum, e) => sum + t.exitYears[e * m.years + y]!, 0);
      if (count > 0) rows.push({ year: m.startYear + y, count, share: count / total });
    }
    return rows;
  };
  const exitsOf = (o: Outcome) => EXITS.flatMap((e, i) => (e.outcome === o ? [i] : []));
  const outcomeYears = Object.fromEntries(OUTCOMES.map((o) => [o, yearsOf(exitsOf(o))])) as Record<Outcome, YearCount[]>;

  return {
    scenario: m.scenario.id,
    title: m.scenario.title,
    seed: meta.seed,
    runs: n,
    version: VERSION,
    decisionPoint: { year: m.startYear, horizon: m.horizon, label: m.scenario.decisionPoint.label },
    outcomes,
    funnel: STAGES.map((stage, i) => ({ stage, ...share(t.funnel[i]!) })),
    tracks: Object.fromEntries(TRACKS.map((tr, i) => [tr, share(t.tracks[i]!)])) as Results['tracks'],
    accessionYears: outcomeYears.joined,
    accessionMonths: monthCounts(m, t.joinMonths, t.exits[ExitCode.joined]!),
    invitationMonths: monthCounts(m, t.inviteMonths, t.exits[ExitCode.joined]!),
    invitationToMembership: lagCounts(t.joinLags, t.exits[ExitCode.joined]!),
    outcomeYears,
    blockers: blockerRows(m, t, share),
    objectors: objectorRows(m, t, share),
    warnings: meta.warnings ?? [],
  };
}

/** The lags (in months) of a tally's lag counts that hold a branch, each with its share of `total`. */
function lagCounts(counts: Float64Array, total: number): LagCount[] {
  const rows: LagCount[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) rows.push({ months: i, count: counts[i]!, share: counts[i]! / total });
  return rows;
}

/** The months of a tally's month counts that hold a branch, each with its share of `total`. */
function monthCounts(m: CompiledModel, counts: Float64Array, total: number): MonthCount[] {
  const rows: MonthCount[] = [];
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count > 0) rows.push({ month: monthLabel(m.firstMonth + i), count, share: count / total });
  }
  return rows;
}

function blockerRows(m: CompiledModel, t: Tally, share: (c: number) => Share): BlockerRow[] {
  const rows: BlockerRow[] = [];
  const actors = m.allyCount + 2;
  EXITS.forEach((exit, e) => {
    if (exit.exit === 'joined') return;
    for (let a = 0; a < actors; a++) {
      for (let r = 0; r < m.reasonCount; r++) {
        const cell = (e * actors + a) * m.reasonCount + r;
        const count = t.blockers[cell]!;
        if (count === 0) continue;
        const meanYear = Math.round((t.blockerYearSum[cell]! / count) * 10) / 10;
        const actor = describeActor(m, a - 1, exit.role, Math.floor(meanYear));
        rows.push({
          outcome: exit.outcome,
          role: exit.role,
          actor: actor.code,
          actorName: actor.name,
          reason: describeReason(m, r, a - 1),
          meanYear,
          ...share(count),
        });
      }
    }
  });
  return byCountThenKey(rows);
}

function objectorRows(m: CompiledModel, t: Tally, share: (c: number) => Share): ObjectorRow[] {
  const rows: ObjectorRow[] = [];
  OBJECTOR_ROLES.forEach((role, roleCode) => {
    for (let a = 0; a < m.allyCount; a++) {
      for (let r = 0; r < m.reasonCount; r++) {
        const count = t.objectors[(roleCode * m.allyCount + a) * m.reasonCount + r]!;
        if (count === 0) continue;
        const actor = describeActor(m, a, 'veto');
        rows.push({ ally: actor.code, allyName: actor.name, role, reason: describeReason(m, r, a), ...share(count) });
      }
    }
  });
  return byCountThenKey(rows);
}

/** Most frequent first; ties broken by the row's text so the order is stable (each row serialised once). */
function byCountThenKey<T extends Share>(rows: T[]): T[] {
  return rows
    .map((row) => ({ row, key: JSON.stringify(row) }))
    .sort((a, b) => b.row.count - a.row.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.row);
}
