import { TREATY_SIGNED } from '../model/procedures.js';
import { ROSTER, rosterEntry } from '../model/roster.js';
import type { IssueCode } from './issue.js';
import type { PathSegment } from './located.js';
import { horizonEnd, rosterMembersBy } from './normalize-allies.js';
import type { ScenarioDocument } from './schema.js';

export interface WindowProblem {
  readonly code: IssueCode;
  readonly message: string;
  readonly path: readonly PathSegment[];
}

/**
 * Whether the decision window describes an accession that can happen at all: its date lies in
 * its year, there is an Alliance to join in it, the candidate is not a member already, and a
 * backtest's observed outcome falls inside it. Without these a run still gives numbers (47.6%
 * "joined" an Alliance with no members), and they mean nothing.
 */
export function windowProblems(doc: ScenarioDocument): WindowProblem[] {
  const problems: WindowProblem[] = [];
  const { year, horizon, date } = doc.decisionPoint;
  if (date !== undefined && date.slice(0, 4) !== String(year)) {
    problems.push({ code: 'date_outside_year', message: `${date} is not in the decision year ${year}`, path: ['decisionPoint', 'date'] });
  }

  // The decision happens on its date, or at the start of its year when it has none.
  const decided = date ?? `${year}-01-01`;
  const candidate = doc.candidate.code;
  const membership = rosterEntry(candidate);
  if (membership !== undefined && membership.joined <= decided) {
    problems.push({
      code: 'candidate_already_member',
      message: `${candidate} (${membership.name}) has been a NATO member since ${membership.joined}, ${sinceWords(membership.joined, decided)}: a member cannot join again`,
      path: ['candidate', 'code'],
    });
  }

  // A co-candidate is invited with the candidate: a state that is a member already cannot be one.
  const coCandidates = doc.candidate.coCandidates ?? [];
  coCandidates.forEach((code, i) => {
    const joined = (doc.allies ?? []).find((a) => a.code === code)?.joined ?? rosterEntry(code)?.joined;
    // A code named twice is reported as that, once.
    if (joined !== undefined && joined <= decided && coCandidates.indexOf(code) === i) {
      problems.push({
        code: 'co_candidate_already_member',
        message: `${code} has been a NATO member since ${joined}, ${sinceWords(joined, decided)}: a co-candidate is invited with the candidate, and a member votes on it`,
        path: ['candidate', 'coCandidates', i],
      });
    }
  });

  const end = horizonEnd(horizon);
  const listed = (doc.allies ?? []).filter((a) => (a.joined ?? rosterEntry(a.code)?.joined ?? end) <= end).map((a) => a.code);
  const voters = new Set([...listed, ...rosterMembersBy(horizon).map((m) => m.code)]);
  voters.delete(candidate);
  for (const code of coCandidates) voters.delete(code);
  if (voters.size === 0) {
    problems.push({
      code: 'no_ally_in_window',
      message: `no NATO member exists by the end of ${horizon} (the Treaty was signed on ${TREATY_SIGNED}; the first members joined on ${ROSTER[0]!.joined}): there is no Alliance to join`,
      path: ['decisionPoint', 'horizon'],
    });
  }

  const observed = doc.observed;
  if (observed !== undefined && (observed.year < year || observed.year > horizon)) {
    const side = observed.year < year ? `before the decision year ${year}` : `after the horizon ${horizon}`;
    problems.push({
      code: 'observed_outside_window',
      message: `the observed year ${observed.year} is ${side}: no branch reaches it, so the forecast cannot be scored against it`,
      path: ['observed', 'year'],
    });
  }
  if (observed?.date !== undefined && observed.year !== undefined && observed.date.slice(0, 4) !== String(observed.year)) {
    problems.push({ code: 'date_outside_year', message: `${observed.date} is not in the observed year ${observed.year}`, path: ['observed', 'date'] });
  } else if (observed?.date !== undefined && observed.year === year && observed.date < decided) {
    problems.push({
      code: 'observed_outside_window',
      message: `the observed date ${observed.date} is before the decision on ${decided}: no branch reaches it, so the forecast cannot be scored against it`,
      path: ['observed', 'date'],
    });
  }
  const invited = observed?.invited?.date;
  const invitation = invited === undefined ? undefined : invitationProblem(observed!, invited, decided, horizon);
  if (invitation !== undefined) problems.push({ code: 'observed_outside_window', message: invitation, path: ['observed', 'invited', 'date'] });
  return problems;
}

/** Outcomes that end before any invitation: an observed invitation beside one contradicts it. */
const ENDS_BEFORE_INVITATION: ReadonlySet<string> = new Set(['no_application', 'map_stalled', 'vetoed']);

/** Why an observed invitation cannot be: its outcome ends before one, or it lies outside the window or after the accession. */
function invitationProblem(observed: NonNullable<ScenarioDocument['observed']>, invited: string, decided: string, horizon: number): string | undefined {
  if (ENDS_BEFORE_INVITATION.has(observed.outcome)) return `an invitation contradicts the observed outcome ${observed.outcome}, which ends before any invitation`;
  if (invited < decided) return `the invitation on ${invited} is before the decision on ${decided}: no branch is invited then`;
  if (invited > `${horizon}-12-31`) return `the invitation on ${invited} is after the horizon ${horizon}: no branch is invited then`;
  const joinedOn = observed.outcome === 'joined' ? observed.date : undefined;
  if (joinedOn !== undefined && invited > joinedOn) return `the invitation on ${invited} is after the accession on ${joinedOn}: a candidate is invited before it joins`;
  return undefined;
}

/** "before the decision on D", or "the day of the decision" when the two dates are one. */
function sinceWords(joined: string, decided: string): string {
  return joined === decided ? 'the day of the decision' : `before the decision on ${decided}`;
}
