import type { BacktestCase, BacktestReport, BacktestScores, MissReason, MissRewrite } from './score.js';
import { MISS_REWRITE_LIMITS } from './rewrites.js';
import { OUTCOME_LABELS, SETTLED_AT_HORIZON } from '../../model/outcome.js';
import { fitColumns, fitWidth, prose } from '../../report/fit.js';
import { integer, interval, moveText, pct, sharePct, signedFixed, table } from '../../report/format.js';

/** "1 case", "20 cases". */
const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** "20 real cases (17 accessions, 3 that did not join)": a candidacy that stalled is no accession. */
function casesCounted(cases: readonly BacktestCase[]): string {
  const n = cases.length;
  const joined = cases.filter((c) => c.observed.outcome === 'joined').length;
  if (joined === n) return `${plural(n, 'real accession case')}`;
  if (joined === 0) return `${plural(n, 'real case')} of a candidate that did not join`;
  return `${plural(n, 'real case')} (${plural(joined, 'accession')}, ${n - joined} that did not join)`;
}

/** The readable backtest report: one row per case, the scores overall and per era, reliability, and how each is defined. */
export interface BacktestTextOptions {
  readonly width?: number;
  /** Every bundled case is in the run: a case with no reference to read has no record left to be set against. */
  readonly withBundledRecord?: boolean;
}

export function backtestText(r: BacktestReport, options: BacktestTextOptions = {}): string {
  const width = fitWidth(options.width);
  const out: string[] = [];
  const say = (text: string, lead = '', hanging?: string) => out.push(...prose(text, width, lead, hanging));
  // Columns a narrow terminal leaves out, said once under the tables.
  const left: string[] = [];
  say(`Backtests: ${casesCounted(r.cases)} | ${integer(r.runs)} branches each | seed ${r.seed} | v${r.version}`);
  out.push('');
  const rows = r.cases.map((c) => [
    c.scenario,
    c.era,
    `${c.observed.outcome} ${c.observed.year}`,
    pct(c.pObserved),
    interval(c.pObservedCi95),
    c.reference === null ? '-' : pct(c.reference.p),
    c.brier.toFixed(3),
    c.logScore.toFixed(3),
    // A case that did not join has no accession month to set a prediction against: beside its
    // observed year, the month of its rare joined branches read as a forecast of the stall.
    c.predictedMonth === null || c.observed.outcome !== 'joined' ? '-' : `${c.predictedMonth.median} (${c.predictedMonth.p10} to ${c.predictedMonth.p90})`,
    observedWhen(c),
    pct(c.joinedByHorizon),
    `${c.mostLikely} ${pct(c.mostLikelyShare, 0)}`,
  ]);
  const headers = ['case', 'era', 'observed', 'P(obs)', '95% interval', 'ref. P', 'Brier', 'log', 'pred. month (10-90%)', 'obs. date', 'joined by hz', 'most likely'];
  // Left out first where the terminal is narrow: what --json and a wider terminal still give.
  const cases = fitColumns(headers, rows, width, { right: new Set([3, 5, 6, 7, 10]), drop: [4, 5, 7, 11, 10, 1, 9, 8] });
  out.push(...cases.lines);
  left.push(...cases.dropped);
  const outside = r.cases.filter((c) => c.observed.outcome !== 'joined');
  if (outside.length > 0) {
    say(`A case that did not join is scored on not being a member by the observed year; how often its branches ended as it did, by then and by the horizon (the outcome Brier scores the shares at the horizon):`, '  ', '  ');
    // By the horizon too when it lies later: the outcome Brier scores that share.
    for (const c of outside) {
      const later = c.horizon > c.observed.year ? `, by ${c.horizon} ${sharePct(c.pObservedByHorizon)}` : '';
      // An ending dated to the horizon has no share by an earlier year: a 0% there would read as ruled out.
      const byThen = SETTLED_AT_HORIZON.has(c.observed.outcome) && later !== '' ? `${c.observed.outcome}, an ending reached only at the horizon` : `${c.observed.outcome} by ${c.observed.year} ${sharePct(c.pObservedOutcome)}`;
      say(`${c.scenario}: ${byThen}${later}`, '    ', '      ');
    }
  }
  // The reference is read from the cases run together: a case given alone, or without another
  // of its era, is set against a coin flip, which its skill does not say. With every bundled
  // case in the run (their co-candidates left out), more cases are no remedy; a bundled case
  // named beside the bundled folder is refused as given twice, so the advice names both ways.
  const alone = r.cases.filter((c) => c.reference?.others === 0).map((c) => c.scenario);
  if (alone.length > 0) {
    const remedy =
      options.withBundledRecord === true
        ? '.'
        : '; give the other bundled cases with it to set it against their record (`article10 backtest` with no case runs them all; for cases of your own, add the folder `article10 list --backtests` names).';
    say(
      `ref. P is 1/2 for ${alone.join(', ')}: no other case of its era in this run answers its question (a co-candidate's, invited in the same round, does not count), so the skill is against a coin flip${remedy}`,
      '  ',
      '  ',
    );
  }
  out.push('');
  out.push(...timeText(r, width, left));
  out.push(...missesText(r.cases, width));
  if (r.missRewrites !== null) out.push(...missRewritesText(r.missRewrites, width));
  say(`Brier score over ${plural(r.cases.length, 'case')}: ${fmt(r.brier)}   outcome Brier: ${fmt(r.brierOutcomes)}   log score: ${fmt(r.logScore)}`);
  say(
    `Accession month: mean |predicted - observed| ${r.meanMonthError === null ? '-' : `${r.meanMonthError.toFixed(1)} months`}; predicted within 12 months of the observed date in ${r.withinTwelveMonths} of ${plural(r.datedJoinedCases, 'joined case')}${r.datedJoinedCases === 0 ? '' : ` (${pct(r.withinTwelveMonths / r.datedJoinedCases, 0)})`}`,
  );
  out.push('');
  say('Scores against the reference forecast, overall and by era of the decision point');
  const scoreRows = [scoreRow('all', r.cases.length, r), ...r.byEra.map((e) => scoreRow(e.era, e.cases, e))];
  const scores = fitColumns(['cases of', 'n', 'Brier', 'ref. Brier', 'Brier skill', 'log', 'ref. log', 'log skill', 'mean |month error|', 'within 12 months'], scoreRows, width, { right: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]), drop: [6, 7, 5, 3, 8] });
  out.push(...scores.lines);
  left.push(...scores.dropped);
  out.push('');
  say('Reliability of P(member by the end of the year), over every year of every case');
  const reliabilityRows = r.reliability.map((b) => [
    `${pct(b.from, 0)}-${pct(b.to, 0)}`,
    String(b.pairs),
    String(b.cases),
    b.meanForecast === null ? '-' : pct(b.meanForecast),
    b.observedFrequency === null ? '-' : pct(b.observedFrequency),
  ]);
  const reliability = fitColumns(['forecast', 'case-years', 'cases', 'mean forecast', 'observed member'], reliabilityRows, width, { right: new Set([1, 2, 3, 4]), drop: [2] });
  out.push(...reliability.lines);
  left.push(...reliability.dropped);
  out.push('');
  if (left.length > 0) {
    say(`Left out to fit the terminal: ${[...new Set(left)].join(', ')}; a wider terminal, a file (--out) or --json gives them.`);
    out.push('');
  }
  out.push('How to read it');
  // Each term's meaning wraps under the meaning, not under the term.
  const term = (name: string, meaning: string) => say(`${name.padEnd(13)} ${meaning}`, '  ', ' '.repeat(16));
  term('P(obs)', r.definitions.pObserved);
  term('ref. P', r.definitions.reference);
  term('Brier', `per case (1 - P(obs))^2; over cases: ${r.definitions.brier}`);
  term('log', `per case -ln(max(P(obs), ${r.logScoreFloor})); over cases: ${r.definitions.logScore}`);
  term('skill', r.definitions.skill);
  term('era', r.definitions.era);
  term('pred. month', 'median accession month (the last deposit) among the branches that joined (10th-90th percentile); joined cases only (--json gives it for every case)');
  term('obs. date', 'the month the observed outcome took effect (the year alone when the file gives no date)');
  term('month error', r.definitions.monthError);
  if (r.cases.some((c) => c.observedInvitation !== null)) term('time split', r.definitions.invitationError);
  term('joined by hz', "share of branches that joined by the case's horizon");
  term('outcome Brier', r.definitions.brierOutcomes);
  term('reliability', r.definitions.reliability);
  const labels = [...new Set(r.cases.map((c) => c.observed.outcome))].map((o) => `${o} = ${OUTCOME_LABELS[o]}`);
  if (labels.length > 0) term('outcomes', labels.join('; '));
  const warned = r.cases.filter((c) => c.warnings.length > 0);
  if (warned.length > 0) {
    out.push('');
    out.push('Warnings');
    for (const c of warned) for (const w of c.warnings) say(`${c.scenario}: ${w}`, '  ! ', '    ');
  }
  return out.join('\n') + '\n';
}

/** A number of months to a tenth, without a trailing ".0": "6", "5.5", "-3". */
function months(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A signed number of months: "+6", "-3", "0". */
function signedMonths(n: number): string {
  return `${n > 0 && months(n) !== '0' ? '+' : ''}${months(n)}`;
}

/**
 * Where each case's time goes: the predicted invitation month against the record's, beside the
 * accession's error, so a late accession reads as late to the Council's decision or late after it.
 */
function timeText(r: BacktestReport, width: number, left: string[]): string[] {
  const shown = r.cases.filter((c) => c.observedInvitation !== null);
  if (shown.length === 0) return [];
  const rows = shown.map((c) => [
    c.scenario,
    c.predictedInvitation === null ? 'none joined' : `${c.predictedInvitation.median} (${c.predictedInvitation.p10} to ${c.predictedInvitation.p90})`,
    c.observedInvitation!.slice(0, 7),
    c.invitationError === null ? '-' : signedMonths(c.invitationError),
    c.predictedLag === null ? '-' : `${c.predictedLag.median} (${c.predictedLag.p10}-${c.predictedLag.p90})`,
    c.observedLag === null ? '-' : String(c.observedLag),
    c.lagError === null ? '-' : signedMonths(c.lagError),
  ]);
  const out = prose('Where the time goes, in the branches that joined: their first invitation, then the months from it to membership, against the record (months late or longer +, early or shorter -)', width);
  const headers = ['case', 'invited: pred. month (10-90%)', 'obs. invited', 'error', 'then months to member (10-90%)', 'obs.', 'error'];
  const fitted = fitColumns(headers, rows, width, { right: new Set([3, 4, 5, 6]), drop: [1, 4] });
  out.push(...fitted.lines);
  left.push(...fitted.dropped);
  const t = r.timeSplit;
  if (t.invitationError !== null && t.afterInvitation !== null) {
    const late = (n: number) => (months(n) === '0' ? 'in the observed month' : `${months(Math.abs(n))} months ${n > 0 ? 'late' : 'early'}`);
    const after = months(t.afterInvitation) === '0' ? 'as long as on record' : `${months(Math.abs(t.afterInvitation))} months ${t.afterInvitation > 0 ? 'longer' : 'shorter'} than on record`;
    out.push(...prose(`Median over the ${t.cases} case${t.cases === 1 ? '' : 's'} with both dates: invited ${late(t.invitationError)}; from the invitation to membership (protocol, ratification, deposit) ${after}.`, width, '  '));
  }
  out.push('');
  return out;
}

/** Outcomes of the misses shown per case: those of at least this share of all branches. */
const MISS_SHOWN = 0.005;

/**
 * Where the branches that missed stood at the end of the observed year: whether a case missed
 * for its preparation, an objection, a parliament or a veto.
 */
function missesText(cases: readonly BacktestCase[], width: number): string[] {
  const out: string[] = [];
  const say = (text: string, lead: string, hanging: string) => out.push(...prose(text, width, lead, hanging));
  for (const c of cases) {
    const shown = (c.missesAtObservedYear ?? []).filter((m) => m.share >= MISS_SHOWN);
    if (shown.length === 0) continue;
    say(`${c.scenario} (P(obs) ${pct(c.pObserved)})`, '  ', '    ');
    const stood = Math.max(...shown.map((m) => m.stood.length));
    for (const m of shown) {
      // The branches were stopped at the end of the observed year, which the heading says: a reason's "at the horizon" would mislead.
      const reasons = m.reasons.map((x) => `${x.reason.replace(/ at the horizon$/, '')} ${sharePct(x.share)}${actorsText(x.actors)}`);
      const row = `    ${m.stood.padEnd(stood)}  ${pct(m.share).padStart(6)}`;
      if (reasons.length === 0) out.push(row);
      // Beside the share while a reason has the room of a line there; else each reason on a line of its own under it.
      else if (width - row.length - 2 >= MIN_REASON_ROOM) say(reasons.join('; '), `${row}  `, ' '.repeat(row.length + 2));
      else out.push(row, ...reasons.flatMap((reason) => prose(reason, width, '      ', '        ')));
    }
  }
  if (out.length === 0) return [];
  return [...prose('Where the misses stood at the end of the observed year (the same branches, stopped there; shares of all branches; the commonest who and why)', width), ...out, ''];
}

/** The fewest columns a miss's reasons are written in beside its share. */
const MIN_REASON_ROOM = 60;

/**
 * What each miss would have needed: the least rewrite of its inputs, change by change, with the
 * share it reaches on the search's seed and on a fresh one.
 */
function missRewritesText(rewrites: readonly MissRewrite[], width: number): string[] {
  const l = MISS_REWRITE_LIMITS;
  const out: string[] = [];
  const say = (text: string, lead = '', hanging = lead + '  ') => out.push(...prose(text, width, lead, hanging));
  say(`What each miss would have needed: the least rewrite of the case's own inputs that makes what happened the likelier (${pct(l.threshold, 0)}) by the observed year`);
  say(`(distance in units of each value's documented uncertainty (sd), or for a value written without one of its kind's default scale (× 0.1), a switch 1; searched within distance ${l.maxDistance} and ${l.maxChanges} changes, at most ${integer(l.runs)} branches an evaluation)`);
  if (rewrites.length === 0) out.push(`  none: every case gave what happened at least even odds`);
  for (const m of rewrites) {
    const reached = `${pct(m.search.share, 0)} (fresh seed ${pct(m.verification.share, 0)}; ${integer(m.evaluations)} evaluations)`;
    const head = m.found
      ? m.changes.length === 0
        ? `met at the start on the search's ${integer(m.start.runs)} branches (${pct(m.start.share, 0)})`
        : `distance ${m.distance.toFixed(2)}: ${reached}`
      : m.changes.length === 0 || m.search.share === m.start.share
        ? `not within distance ${l.maxDistance}: no rewrite tried moved the share from ${pct(m.start.share)}${m.changes.length === 0 ? '' : '; the furthest along the way (the funnel stages before it):'}`
        : `not within distance ${l.maxDistance}; the closest, at ${m.distance.toFixed(2)}: ${reached}`;
    say(`${m.scenario} (P(obs) ${pct(m.pObserved)}, target ${m.target}): ${head}`, '  ', '    ');
    const rows = m.changes.map((c) => [c.kind === 'param' ? c.label : c.path, c.from, '->', c.to, c.kind === 'switch' ? 'switch' : moveText(c.z, c.scale, 2)]);
    const changes = table(['change', 'from', '', 'to', 'size'], rows, new Set([4])).slice(1).map((line) => `    ${line}`);
    // Too wide for the terminal: each change's label on its line, what it moved under it.
    if (changes.every((line) => line.length <= width)) out.push(...changes);
    else for (const [label, from, , to, size] of rows) out.push(...prose(label!, width, '    ', '      '), ...prose(`${from} -> ${to}  ${size}`, width, '      ', '        '));
  }
  out.push('');
  return out;
}

/** " (TR 36.4%, PL 1.6%)": who gave a reason most, unless it is the process itself or the only one. */
function actorsText(actors: MissReason['actors']): string {
  const named = actors.filter((a) => a.actor !== 'NATO');
  // TIE: several Allies (or parliaments) alike, none named.
  return named.length === 0 ? '' : ` (${named.map((a) => `${a.actor === 'TIE' ? 'several alike' : a.actor} ${sharePct(a.share)}`).join(', ')})`;
}

/** YYYY-MM of the observed date, else the observed year. */
function observedWhen(c: BacktestCase): string {
  return c.observedDate === null ? String(c.observed.year) : c.observedDate.slice(0, 7);
}

function scoreRow(name: string, n: number, s: BacktestScores): string[] {
  return [
    name,
    String(n),
    fmt(s.brier),
    fmt(s.referenceBrier),
    signed(s.brierSkill),
    fmt(s.logScore),
    fmt(s.referenceLogScore),
    signed(s.logSkill),
    s.meanMonthError === null ? '-' : `${s.meanMonthError.toFixed(1)} mo`,
    s.datedJoinedCases === 0 ? '-' : `${s.withinTwelveMonths} of ${s.datedJoinedCases}`,
  ];
}

function fmt(x: number | null): string {
  return x === null ? '-' : x.toFixed(3);
}

function signed(x: number | null): string {
  return x === null ? '-' : signedFixed(x, 2);
}
