import type { Param } from '../model/distribution.js';
import { ROSTER, rosterEntry, type RosterEntry } from '../model/roster.js';
import { listInWords } from '../model/names.js';
import type { Ally, Ratification } from '../model/scenario.js';
import { DEFAULTS } from './defaults.js';
import { describeParam, paramOrDefault, toParam } from './params.js';
import type { AllyDocument, AllyFieldsDocument, ScenarioDocument } from './schema.js';

/** What every Ally has besides who it is. */
type AllyValues = Omit<Ally, 'code' | 'name' | 'joined' | 'defaulted'>;

/** The last day an accession can happen and still count for the scenario. */
export function horizonEnd(horizon: number): string {
  return `${horizon}-12-31`;
}

/** Roster members that are Allies at some point up to the end of the horizon year. */
export function rosterMembersBy(horizon: number): RosterEntry[] {
  const end = horizonEnd(horizon);
  return ROSTER.filter((m) => m.joined <= end);
}

/**
 * Every Ally that votes in the scenario: the listed ones (their fields over allyDefaults, name
 * and date from the roster), then each roster member up to the horizon that is not listed, on
 * allyDefaults and marked `defaulted`. Warnings say which Allies and which defaults were used.
 */
export function normalizeAllies(doc: ScenarioDocument, warnings: string[]): Ally[] {
  const defaults = resolveAllyDefaults(doc.allyDefaults);
  let usedDefaults = false;

  const listed = (doc.allies ?? []).map((entry): Ally => {
    const { values, complete } = ownValues(entry, defaults.values);
    if (!complete) usedDefaults = true;
    const roster = rosterEntry(entry.code);
    // The checks guarantee a name and a date for codes outside the roster.
    return { code: entry.code, name: entry.name ?? roster?.name ?? entry.code, joined: entry.joined ?? roster?.joined ?? '', ...values, defaulted: false };
  });

  // The candidate never votes on its own accession, even if the roster makes it a member later.
  const listedCodes = new Set([...listed.map((a) => a.code), doc.candidate.code]);
  const defaulted = rosterMembersBy(doc.decisionPoint.horizon)
    .filter((m) => !listedCodes.has(m.code))
    .map((m): Ally => ({ code: m.code, name: m.name, joined: m.joined, ...defaults.values, defaulted: true }));

  // A co-candidate never votes on nor ratifies the candidate's accession: its defaults are not used.
  const coCandidates = new Set(doc.candidate.coCandidates ?? []);
  for (const entry of doc.allies ?? []) {
    const unused = CO_CANDIDATE_UNUSED.filter((field) => entry[field] !== undefined);
    if (coCandidates.has(entry.code) && unused.length > 0) {
      warnings.push(`allies.${entry.code}: a co-candidate never votes on nor ratifies the candidate's accession, so its ${listInWords(unused)} ${unused.length === 1 ? 'is' : 'are'} not used`);
    }
  }
  const voting = defaulted.filter((a) => !coCandidates.has(a.code));
  if (voting.length > 0) {
    const n = voting.length;
    warnings.push(`${n} ${n === 1 ? 'Ally uses' : 'Allies use'} allyDefaults: ${voting.map((a) => a.code).join(', ')}`);
    usedDefaults = true;
  }
  if (usedDefaults) warnings.push(...defaults.warnings);
  return [...listed, ...defaulted];
}

/** The fields of an Ally entry that only its vote and its ratification read. */
const CO_CANDIDATE_UNUSED = ['consent', 'threat', 'weights', 'objection', 'holdoutLift', 'ratification'] as const;

/** An Ally's own values over the defaults; `complete` when it needed none of them. */
function ownValues(entry: AllyDocument, defaults: AllyValues): { values: AllyValues; complete: boolean } {
  const own = (p: AllyDocument['consent']): Param | undefined => (p === undefined ? undefined : toParam(p));
  const r = entry.ratification;
  const ratification: Ratification = {
    procedure: r?.procedure ?? defaults.ratification.procedure,
    ...hurdleOf(r?.hurdle ?? defaults.ratification.hurdle),
    pass: own(r?.pass) ?? defaults.ratification.pass,
    months: own(r?.months) ?? defaults.ratification.months,
  };
  const values: AllyValues = {
    consent: own(entry.consent) ?? defaults.consent,
    threat: own(entry.threat) ?? defaults.threat,
    objection: entry.objection ?? defaults.objection,
    holdoutLift: own(entry.holdoutLift) ?? defaults.holdoutLift,
    // Per precondition: an Ally's weight replaces the default weight for that precondition only.
    weights: { ...defaults.weights, ...weightsOf(entry.weights) },
    ratification,
  };
  const fields = [entry.consent, entry.threat, entry.objection, entry.holdoutLift, r?.pass, r?.months];
  return { values, complete: fields.every((f) => f !== undefined) };
}

/** allyDefaults with the built-in values behind it, and the warnings to give if it is used. */
function resolveAllyDefaults(given: AllyFieldsDocument | undefined): { values: AllyValues; warnings: string[] } {
  const builtIn = DEFAULTS.ally;
  if (given === undefined) {
    const summary = `consent ${describeParam(builtIn.consent)}, threat ${describeParam(builtIn.threat)}, objection ${builtIn.objection}, ratification pass ${describeParam(builtIn.ratification.pass)}`;
    return { values: builtInValues(), warnings: [`allyDefaults not set: Allies without their own values use built-in defaults (${summary})`] };
  }
  const warnings: string[] = [];
  const field = (name: string) => `allyDefaults.${name}`;
  const r = given.ratification;
  const values: AllyValues = {
    consent: paramOrDefault(given.consent, builtIn.consent, field('consent'), warnings),
    threat: paramOrDefault(given.threat, builtIn.threat, field('threat'), warnings),
    objection: given.objection ?? builtIn.objection,
    holdoutLift: paramOrDefault(given.holdoutLift, builtIn.holdoutLift, field('holdoutLift'), warnings),
    weights: weightsOf(given.weights),
    ratification: {
      procedure: r?.procedure ?? builtIn.ratification.procedure,
      ...hurdleOf(r?.hurdle),
      pass: paramOrDefault(r?.pass, builtIn.ratification.pass, field('ratification.pass'), warnings),
      months: paramOrDefault(r?.months, builtIn.ratification.months, field('ratification.months'), warnings),
    },
  };
  return { values, warnings };
}

function builtInValues(): AllyValues {
  const { objection, consent, threat, holdoutLift, weights, ratification } = DEFAULTS.ally;
  return { consent, threat, objection, holdoutLift, weights, ratification };
}

function weightsOf(weights: AllyDocument['weights']): Record<string, Param> {
  return Object.fromEntries(Object.entries(weights ?? {}).map(([id, w]) => [id, toParam(w)]));
}

function hurdleOf(hurdle: number | undefined): { hurdle?: number } {
  return hurdle === undefined ? {} : { hurdle };
}
