import { effectTarget } from '../model/catalog/effects.js';
import { namesAChange } from '../model/names.js';
import { TREATY_SIGNED } from '../model/procedures.js';
import { rosterEntry } from '../model/roster.js';
import { SOURCES } from '../model/sources.js';
import { issueAt, type Issue, type IssueCode } from './issue.js';
import { LIMITS } from './limits.js';
import { locate, type LocatedNode, type PathSegment } from './located.js';
import { horizonEnd, rosterMembersBy } from './normalize-allies.js';
import { windowProblems } from './window-checks.js';
import { formatPath } from './paths.js';
import type { ConditionDocument, EffectDocument, ScenarioDocument } from './schema.js';
import { didYouMean } from './suggest.js';

/** A name used somewhere in the document that must match a definition elsewhere. */
interface Reference {
  readonly kind: 'precondition' | 'event' | 'ally';
  readonly name: string;
  readonly path: readonly PathSegment[];
  /** Weights name a precondition with their key, so the key is what to point at. */
  readonly target: 'value' | 'key';
}

/**
 * What the schema cannot see field by field: the decision window and what can happen in it,
 * the Allies against the roster and the horizon, and every reference to a precondition, event
 * or Ally. Each problem is an Issue at the offending value.
 */
export function checkScenario(doc: ScenarioDocument, root: LocatedNode): Issue[] {
  const issues: Issue[] = [];
  const report = (code: IssueCode, message: string, path: readonly PathSegment[], target: 'value' | 'key' = 'value', expected?: string) =>
    issues.push(issueAt(code, message, locate(root, path, target), formatPath(path, root), expected));

  const { year, horizon } = doc.decisionPoint;
  if (horizon < year) report('horizon_before_year', `horizon ${horizon} is before the first year ${year}`, ['decisionPoint', 'horizon'], 'value', `>= ${year}`);
  if (horizon - year > LIMITS.maxHorizonYears) {
    report('horizon_too_far', `horizon ${horizon} is ${horizon - year} years after ${year}`, ['decisionPoint', 'horizon'], 'value', `<= ${year + LIMITS.maxHorizonYears}`);
  }

  for (const problem of windowProblems(doc)) report(problem.code, problem.message, problem.path);

  const added = (doc.allies ?? []).flatMap((ally, i) => (rosterEntry(ally.code) === undefined ? [i] : []));
  if (added.length > LIMITS.maxHypotheticalAllies) {
    const i = added[LIMITS.maxHypotheticalAllies]!;
    report('out_of_range', `${added.length} Allies besides the roster's members: at most ${LIMITS.maxHypotheticalAllies} may be added`, ['allies', i, 'code'], 'value', `<= ${LIMITS.maxHypotheticalAllies} added Allies`);
  }
  (doc.allies ?? []).forEach((ally, i) => {
    const roster = rosterEntry(ally.code);
    if (roster === undefined && (ally.name === undefined || ally.joined === undefined)) {
      report('ally_not_in_roster', `${ally.code} is not a NATO member in the roster: give its name and joined date`, ['allies', i, 'code']);
    }
    if (ally.code === doc.candidate.code) {
      report('candidate_listed_as_ally', `${ally.code} is the candidate: it cannot vote on its own accession`, ['allies', i, 'code']);
    }
    const joined = ally.joined ?? roster?.joined;
    if (ally.joined !== undefined && ally.joined < TREATY_SIGNED) {
      report('invalid_value', `${ally.code} joins on ${ally.joined}, before the North Atlantic Treaty was signed (${TREATY_SIGNED}): there was no Alliance to join`, ['allies', i, 'joined']);
    } else if (joined !== undefined && joined > horizonEnd(horizon)) {
      const path: PathSegment[] = ['allies', i, ally.joined === undefined ? 'code' : 'joined'];
      report('ally_joins_after_horizon', `${ally.code} joins on ${joined}, after the horizon ${horizon}: it could never vote`, path);
    }
  });

  const formerCode = doc.candidate.formerCode;
  if (formerCode !== undefined && !namesAChange(doc.candidate.name)) {
    report('invalid_value', `formerCode ${formerCode} needs a name that says when the state changed, such as "Soviet Union (Russia from 1991-12)"`, ['candidate', 'formerCode']);
  } else if (formerCode === doc.candidate.code) {
    report('invalid_value', `formerCode ${formerCode} is the candidate's code itself: give the code it had before the change (SU for Russia)`, ['candidate', 'formerCode']);
  } else if (formerCode !== undefined && rosterEntry(formerCode) !== undefined) {
    // The story would name the candidate by a member's code in the years before the change.
    report('invalid_value', `formerCode ${formerCode} is the code of ${rosterEntry(formerCode)!.name}, a NATO member: give the code the candidate itself had before the change`, ['candidate', 'formerCode']);
  }
  const coCandidates = doc.candidate.coCandidates ?? [];
  coCandidates.forEach((code, i) => {
    const path: PathSegment[] = ['candidate', 'coCandidates', i];
    if (code === doc.candidate.code) report('invalid_value', `${code} is the candidate itself, not a co-candidate`, path);
    else if (coCandidates.indexOf(code) < i) report('invalid_value', `${code} is named twice as a co-candidate`, path);
  });

  (doc.events ?? []).forEach((e, i) => {
    if (e.from !== undefined && e.to !== undefined && e.from > e.to) report('invalid_value', `from ${e.from} is after to ${e.to}`, ['events', i, 'from']);
  });

  // An Ally named twice in one effect took its shift twice: `allies: [US, US]` moved US by 2 x delta.
  const effectLists = [...(doc.rules ?? []).map((r, i) => ({ effects: r.effects, path: ['rules', i] })), ...(doc.events ?? []).map((e, i) => ({ effects: e.effects ?? [], path: ['events', i] }))];
  for (const { effects, path } of effectLists) {
    effects.forEach((effect, j) => {
      const target = effectTarget<'all' | string[]>(effect);
      if (target?.kind !== 'allies' || target.value === 'all') return;
      const codes = target.value;
      codes.forEach((code, k) => {
        if (codes.indexOf(code) < k) report('invalid_value', `${code} is named twice in this effect's allies: name each Ally once`, [...path, 'effects', j, 'allies', k]);
      });
    });
  }

  // A file's own source under a fact-sheet id would be printed as that document wherever it is cited.
  for (const id of Object.keys(doc.sources ?? {})) {
    if (Object.hasOwn(SOURCES, id)) {
      const cited = SOURCES[id]!;
      const shown = cited.length > 60 ? `${cited.slice(0, 59)}…` : cited;
      report('invalid_value', `${id} is a source of the fact sheet (${shown}): cite it as it is, and give the file's own sources ids of their own (R1, R2 ...)`, ['sources', id], 'key');
    }
  }

  const known = {
    precondition: doc.preconditions.map((p) => p.id),
    event: (doc.events ?? []).map((e) => e.id),
    // The candidate is never among the Allies, even where the roster makes it a member by the horizon.
    ally: [...new Set([...(doc.allies ?? []).map((a) => a.code), ...rosterMembersBy(horizon).map((m) => m.code)])].filter((code) => code !== doc.candidate.code),
  };
  for (const ref of references(doc)) {
    const names = known[ref.kind];
    if (names.includes(ref.name)) continue;
    if (ref.kind === 'ally' && ref.name === doc.candidate.code) {
      report('unknown_reference', `"${ref.name}" is the candidate, not one of the Allies that decide on it`, ref.path, ref.target);
      continue;
    }
    const message =
      ref.kind === 'ally'
        ? ref.path[1] === 'coCandidates'
          ? unknownCoCandidate(ref.name, horizon)
          : `"${ref.name}" is not an Ally in this scenario (not listed, and not a member by ${horizon})`
        : `unknown ${ref.kind} "${ref.name}"${names.length === 0 ? ` (the scenario defines no ${ref.kind}s)` : ''}`;
    const expected = names.length > 0 && names.length <= 12 ? `one of: ${names.join(', ')}` : undefined;
    // Two-letter codes are all within one edit of each other: a suggestion would be a guess.
    const hint = ref.kind === 'ally' ? '' : didYouMean(ref.name, names);
    report('unknown_reference', message + hint, ref.path, ref.target, expected);
  }
  return issues;
}

/**
 * Why a co-candidate cannot be one: it joins after the horizon, or it is no member at all. A
 * co-candidate is a state invited in the same round, a member (by the roster or `allies`) by the
 * horizon; the message says which, rather than calling it an Ally.
 */
function unknownCoCandidate(code: string, horizon: number): string {
  const member = rosterEntry(code);
  return member !== undefined
    ? `co-candidate ${code} (${member.name}) joins NATO on ${member.joined}, after the horizon ${horizon}: a co-candidate is invited in the candidate's round and is a member by the horizon`
    : `co-candidate "${code}" is not on the roster of NATO members: list it under allies with the date it joins (joined) to name it as a co-candidate`;
}

function* references(doc: ScenarioDocument): Generator<Reference> {
  // The candidate named as its own co-candidate is reported as that, not as an unknown Ally.
  for (const [i, code] of (doc.candidate.coCandidates ?? []).entries()) {
    if (code !== doc.candidate.code) yield { kind: 'ally', name: code, path: ['candidate', 'coCandidates', i], target: 'value' };
  }
  for (const [id] of Object.entries(doc.allyDefaults?.weights ?? {})) {
    yield { kind: 'precondition', name: id, path: ['allyDefaults', 'weights', id], target: 'key' };
  }
  for (const [i, ally] of (doc.allies ?? []).entries()) {
    for (const [id] of Object.entries(ally.weights ?? {})) yield { kind: 'precondition', name: id, path: ['allies', i, 'weights', id], target: 'key' };
  }
  for (const [i, rule] of (doc.rules ?? []).entries()) {
    if (rule.when !== undefined) yield* conditionReferences(rule.when, ['rules', i, 'when']);
    for (const [j, effect] of rule.effects.entries()) yield* effectReferences(effect, ['rules', i, 'effects', j]);
  }
  for (const [i, event] of (doc.events ?? []).entries()) {
    if (event.when !== undefined) yield* conditionReferences(event.when, ['events', i, 'when']);
    for (const [j, effect] of (event.effects ?? []).entries()) yield* effectReferences(effect, ['events', i, 'effects', j]);
  }
}

function* conditionReferences(c: ConditionDocument, path: readonly PathSegment[]): Generator<Reference> {
  const ref = (kind: Reference['kind'], name: string, key: string): Reference => ({ kind, name, path: [...path, key], target: 'value' });
  if (c.met !== undefined) yield ref('precondition', c.met, 'met');
  if (c.level !== undefined) yield ref('precondition', c.level, 'level');
  if (c.event !== undefined) yield ref('event', c.event, 'event');
  if (c.member !== undefined) yield ref('ally', c.member, 'member');
  if (c.not !== undefined) yield* conditionReferences(c.not, [...path, 'not']);
  for (const key of ['all', 'any'] as const) {
    for (const [i, inner] of (c[key] ?? []).entries()) yield* conditionReferences(inner, [...path, key, i]);
  }
}

function* effectReferences(e: EffectDocument, path: readonly PathSegment[]): Generator<Reference> {
  const ref = (kind: Reference['kind'], name: string, ...rest: PathSegment[]): Reference => ({ kind, name, path: [...path, ...rest], target: 'value' });
  const target = effectTarget<'all' | string[]>(e);
  if (target === undefined) return;
  if (target.kind !== 'allies') yield ref(target.kind, target.value, target.kind);
  else if (target.value !== 'all') for (const [i, code] of target.value.entries()) yield ref('ally', code, 'allies', i);
}
