import type { NumberKindName } from './numbers.js';

/**
 * Every tunable value of a scenario, declared once. A scope is a part of the scenario that
 * holds values: the candidate, the process, each precondition, each Ally, each rule, each
 * event. Its entries, in order, are its numbers (parameters) and its few settings (a switch, a
 * choice). A parameter's path is the scope's prefix and the entry's field:
 * `candidate.interest`, `process.standardPath.minYears`, `preconditions.<id>.level`,
 * `allies.<code>.weights.<precondition>`, `events.<id>.hazard`; rules' and events' effects add
 * `<owner>.effects.<i>.<size>` (see effects.ts). The schema's fields, `--set` and sweep paths,
 * parameter kinds, labels, the explorer's list and the compiler's slots are derived from here.
 */

interface EntryBase {
  /** Within the owner; a dot nests it (`ratification.pass`). */
  readonly field: string;
  /** A reader's name for it after its owner's: "United States: consent, all else neutral". */
  readonly label: string;
  /** What the value means, as the explorer explains it after its owner's name. */
  readonly doc: string;
  /** Editable in the explorer under this short name. */
  readonly edit?: string;
}

export interface NumberEntry extends EntryBase {
  readonly number: NumberKindName;
  /** A file must write it: there is no default. */
  readonly required?: true;
  /** One value per precondition, keyed by its id (`weights.<precondition>`). */
  readonly perPrecondition?: true;
}

export interface SettingEntry extends EntryBase {
  /** A switch (on/off) or one of a few words. */
  readonly setting: 'switch' | readonly [string, ...string[]];
}

export type Entry = NumberEntry | SettingEntry;

export interface ScopeSpec {
  /** The scenario's section that holds the owners. */
  readonly section: 'candidate' | 'process' | 'preconditions' | 'allies' | 'rules' | 'events';
  /** For a list: the field that names each entry in paths. */
  readonly key?: 'id' | 'code';
  readonly entries: readonly Entry[];
  /** Its owners have effects (rules, events). */
  readonly effects?: true;
}

export const SCOPES = {
  candidate: {
    section: 'candidate',
    entries: [
      { field: 'interest', number: 'probability', label: 'yearly chance its leadership seeks membership', doc: 'Yearly chance that the leadership decides to seek membership.', edit: 'interest' },
      { field: 'domesticOpposition', number: 'probability', label: 'chance domestic opposition stops an application', doc: 'Chance that opposition at home stops an interested leadership from applying.', edit: 'opposition' },
      { field: 'acceptsStandardPath', number: 'probability', label: 'chance it accepts the standard path (not special status)', doc: 'Chance it accepts the standard path (MAP, "standing in line") rather than demanding special status.', edit: 'standard path' },
      { field: 'withdrawal', number: 'probability', label: 'yearly chance it withdraws an application', doc: 'Yearly chance of withdrawing an application before membership.', edit: 'withdrawal' },
    ],
  },
  process: {
    section: 'process',
    entries: [
      { field: 'standardPath.minYears', number: 'years', label: 'standard path: years of preparation before a vote', doc: 'Years of preparation on the standard path before the Allies consider an invitation.', edit: 'prep years' },
      { field: 'standardPath.readiness', number: 'level', label: 'standard path: share of preconditions the Allies ask', doc: 'Share of preconditions that must be met before an invitation is considered on the standard path.', edit: 'readiness' },
      { field: 'specialTrack.minYears', number: 'years', label: 'special track: years before a vote', doc: 'Years of preparation before a vote when the candidate demands special status.', edit: 'special years' },
      { field: 'specialTrack.readiness', number: 'level', label: 'special track: share of preconditions the Allies ask', doc: 'Share of preconditions that must be met on the special track.', edit: 'special readiness' },
      { field: 'specialTrack.consentPenalty', number: 'probability', label: 'consent every Ally loses over a special-status demand', doc: 'Consent lost by every Ally when the candidate demands special status.', edit: 'special penalty' },
      { field: 'protocolMonths', number: 'months', label: 'months from invitation to protocol', doc: 'Months from invitation to signed accession protocol.', edit: 'protocol months' },
      { field: 'cohesion', number: 'probability', label: 'Alliance cohesion (how far the Allies vote alike)', doc: "How much the Allies' dispositions move together (0 = independent, 1 = as one).", edit: 'cohesion' },
    ],
  },
  precondition: {
    section: 'preconditions',
    key: 'id',
    entries: [
      { field: 'level', number: 'level', required: true, label: 'level at the decision point', doc: 'level at the decision point, 0..1.', edit: 'level' },
      { field: 'drift', number: 'drift', label: 'expected change per year', doc: 'expected change of the level per year.', edit: 'drift' },
      { field: 'volatility', number: 'volatility', label: 'yearly noise', doc: 'standard deviation of the yearly random change.' },
      { field: 'threshold', number: 'level', label: 'level at which it counts as met', doc: 'Allies count it as met at this level.', edit: 'threshold' },
    ],
  },
  ally: {
    section: 'allies',
    key: 'code',
    entries: [
      { field: 'consent', number: 'probability', label: 'consent, all else neutral', doc: 'chance of agreeing to invite, all else neutral.', edit: 'consent' },
      { field: 'threat', number: 'probability', label: 'threat perception', doc: 'threat perception: the danger an Ally sees in admitting the candidate (from the candidate itself, or from what its membership would bring), subtracted from consent.', edit: 'threat' },
      { field: 'objection', setting: ['veto', 'holdout'], label: 'objection', doc: 'a veto ends the branch; a holdout delays until it lifts.', edit: 'objection' },
      { field: 'holdoutLift', number: 'probability', label: 'yearly chance a hold-out lifts', doc: 'yearly chance its hold-out lifts after a concession.', edit: 'lift' },
      { field: 'weights', number: 'weight', perPrecondition: true, label: 'weight of', doc: "how much the precondition's being met (vs not) moves consent." },
      { field: 'ratification.pass', number: 'probability', label: 'chance ratification passes', doc: 'chance its ratification procedure approves the accession protocol.' },
      { field: 'ratification.months', number: 'months', label: 'months to ratify', doc: 'months from signed protocol to its ratification; every member of a round is taken at the same quantile of its range (the round\'s pace).' },
    ],
  },
  rule: {
    section: 'rules',
    key: 'id',
    effects: true,
    entries: [{ field: 'enabled', setting: 'switch', label: 'enabled', doc: 'whether the rule acts at all.', edit: '' }],
  },
  event: {
    section: 'events',
    key: 'id',
    effects: true,
    entries: [
      { field: 'enabled', setting: 'switch', label: 'enabled', doc: 'whether the event can happen at all.', edit: '' },
      { field: 'hazard', number: 'probability', required: true, label: 'yearly chance', doc: 'yearly chance of happening within its window.', edit: 'hazard' },
    ],
  },
} as const satisfies Readonly<Record<string, ScopeSpec>>;

export type ScopeName = keyof typeof SCOPES;

/** The scopes in the order parameters are listed: candidate, process, preconditions, Allies, rules, events. */
export const SCOPE_NAMES = Object.keys(SCOPES) as readonly ScopeName[];

/** The entries of a scope, as the catalog declares them (for types read off the catalog). */
export type EntryOf<S extends ScopeName> = (typeof SCOPES)[S]['entries'][number];

/** The fields of a scope that hold numbers. */
export type ParamField<S extends ScopeName> = Extract<EntryOf<S>, { readonly number: string }>['field'];

export function isNumberEntry(e: Entry): e is NumberEntry {
  return 'number' in e;
}

/** The entries of a scope. */
export function entriesOf(scope: ScopeName): readonly Entry[] {
  return (SCOPES[scope] as ScopeSpec).entries;
}

/**
 * The path of a parameter: `paramPath('ally', 'consent', 'US')` is `allies.US.consent`, and a
 * weight adds its precondition: `allies.US.weights.istanbul`. The field must be one the catalog
 * declares for the scope, so the engine's slots have the paths the rest of the program reads.
 */
export function paramPath<S extends ScopeName>(scope: S, field: ParamField<S>, owner?: string, precondition?: string): string {
  const spec: ScopeSpec = SCOPES[scope];
  const path = spec.key === undefined ? `${spec.section}.${field}` : `${spec.section}.${owner}.${field}`;
  return precondition === undefined ? path : `${path}.${precondition}`;
}

/** What a parameter path names in the catalog. */
export type ResolvedPath =
  | { readonly scope: ScopeName; readonly owner?: string; readonly entry: NumberEntry; readonly precondition?: string }
  | { readonly scope: ScopeName; readonly owner: string; readonly effect: number; readonly field: string };

/**
 * The catalog's entry for a path such as `allies.US.weights.istanbul` or
 * `rules.x.effects.0.delta`, judged by its shape alone (whether the scenario has that owner is
 * the caller's question); undefined when no entry has that shape.
 */
export function resolveParamPath(path: string): ResolvedPath | undefined {
  const parts = path.split('.');
  for (const scope of SCOPE_NAMES) {
    const spec: ScopeSpec = SCOPES[scope];
    if (parts[0] !== spec.section) continue;
    const owner = spec.key === undefined ? undefined : parts[1];
    const rest = parts.slice(spec.key === undefined ? 1 : 2);
    if (spec.key !== undefined && owner === undefined) return undefined;
    if (spec.effects === true && rest.length === 3 && rest[0] === 'effects' && /^\d+$/.test(rest[1]!)) {
      return { scope, owner: owner!, effect: Number(rest[1]), field: rest[2]! };
    }
    for (const entry of spec.entries) {
      if (!isNumberEntry(entry)) continue;
      const field = entry.field.split('.');
      const length = field.length + (entry.perPrecondition === true ? 1 : 0);
      if (rest.length !== length || field.some((f, i) => rest[i] !== f)) continue;
      const precondition = entry.perPrecondition === true ? rest[rest.length - 1] : undefined;
      return { scope, entry, ...(owner !== undefined && { owner }), ...(precondition !== undefined && { precondition }) };
    }
    return undefined;
  }
  return undefined;
}
