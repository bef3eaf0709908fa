import type { Param } from '../../model/distribution.js';
import { candidateCodeAt } from '../../model/names.js';
import type { Scenario } from '../../model/scenario.js';
import { NUMBER_KINDS, type EditSteps, type NumberKind, type NumberKindName } from '../../model/catalog/numbers.js';
import { ownersOf, type Owner } from '../../model/catalog/owners.js';
import { EFFECTS, effectSize, effectTarget, type AllySelector, type Effect, type EffectKindSpec } from '../../model/catalog/effects.js';
import { entriesOf, isNumberEntry, SCOPES, SCOPE_NAMES, type Entry, type ScopeName, type ScopeSpec } from '../../model/catalog/parameters.js';
import { describeDistribution, shortValue } from './edits.js';

/**
 * The editable parameters of a scenario, in the order the panel lists them. Built from the
 * Scenario each time it changes, so a path's array indices always match the current lists.
 */
export const PARAMETER_GROUPS = ['Candidate', 'Process', 'Preconditions', 'Allies', 'Rules', 'Events'] as const;
export type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

/** Where a value lives in a Scenario: keys and array indices, as immer patches spell them. */
export type ScenarioPath = readonly (string | number)[];

/** Allowed values of a number and how far ←/→ (and shift+←/→) move it (see model/catalog/numbers.ts). */
export type ValueRange = EditSteps;

export const PROBABILITY: ValueRange = NUMBER_KINDS.probability.edit;

interface ItemBase {
  /** Stable across rebuilds: keeps the selection on the same parameter. */
  readonly key: string;
  readonly group: ParameterGroup;
  /** Whose parameter it is (an Ally's code, a precondition's id), shortened first when space is tight. */
  readonly owner: string;
  readonly field: string;
  /** What the value means, shown with its source when selected. */
  readonly detail: string;
  readonly path: ScenarioPath;
}

export type ParameterItem =
  | (ItemBase & { readonly kind: 'number'; readonly range: ValueRange })
  /** A boolean `enabled`: space switches it. */
  | (ItemBase & { readonly kind: 'switch' })
  /** An Ally's objection, veto or holdout: space switches it. */
  | (ItemBase & { readonly kind: 'objection' });

const built = new WeakMap<Scenario, readonly ParameterItem[]>();

/** The items of a scenario, built once per scenario object (the reducer asks on every key). */
export function itemsOf(s: Scenario): readonly ParameterItem[] {
  let items = built.get(s);
  if (items === undefined) built.set(s, (items = parameterItems(s)));
  return items;
}

/**
 * How the panel shows one scope's editable values (the catalog entries with an `edit` name):
 * its group, the key prefix of its items, whose value it is, and the sentence before `: doc`.
 */
interface ScopeView {
  readonly group: ParameterGroup;
  readonly key: string;
  readonly owner: (s: Scenario, owner: Owner) => string;
  readonly detail: (s: Scenario, owner: Owner, entry: Entry) => string;
  /** Whether the panel lists this entry for this owner (a hold-out's lift only for a hold-out). */
  readonly shows?: (owner: Owner, entry: Entry) => boolean;
}

const VIEWS: Readonly<Partial<Record<ScopeName, ScopeView>>> = {
  candidate: { group: 'Candidate', key: 'candidate', owner: (s) => candidateCodeAt(s.candidate, s.decisionPoint.year), detail: (s, _, entry) => `${s.candidate.name}: ${entry.doc}` },
  // The procedure's own numbers (preparation, the readiness gate, cohesion): what "what would it take" may also move.
  process: { group: 'Process', key: 'process', owner: () => '', detail: (_, __, entry) => entry.doc },
  precondition: {
    group: 'Preconditions',
    key: 'pre',
    owner: (_, o) => o.name!,
    // The first of its values also says which text the precondition comes from.
    detail: (_, o, entry) => `${o.value.label}${entry.field === 'level' ? ` (${o.value.basis})` : ''}: ${entry.doc}`,
  },
  ally: {
    group: 'Allies',
    key: 'ally',
    owner: (_, o) => o.name!,
    detail: (_, o, entry) => `${o.value.name} (joined ${o.value.joined})${o.value.defaulted ? ', values from allyDefaults' : ''}: ${entry.doc}`,
    shows: (o, entry) => entry.field !== 'holdoutLift' || o.value.objection === 'holdout',
  },
  // A rule is its switch, explained by its own text; its item's key is the rule's.
  rule: { group: 'Rules', key: 'rule', owner: (_, o) => o.name!, detail: (_, o) => String(o.value.text).trim() },
  event: {
    group: 'Events',
    key: 'event',
    owner: (_, o) => o.name!,
    detail: (_, o, entry) =>
      isNumberEntry(entry)
        ? `${o.value.label}: ${entry.label} within ${o.value.from}–${o.value.to}.`
        : `${o.value.label} (${o.value.historical ? 'historical' : 'hypothetical'}, ${o.value.from}–${o.value.to}).`,
  },
};

function parameterItems(s: Scenario): ParameterItem[] {
  const items: ParameterItem[] = [];
  for (const scope of SCOPE_NAMES) {
    const view = VIEWS[scope];
    if (view === undefined) continue;
    for (const owner of ownersOf(s, scope)) {
      for (const entry of entriesOf(scope)) {
        if (entry.edit === undefined || view.shows?.(owner, entry) === false) continue;
        const base = {
          key: scope === 'rule' ? `${view.key}.${owner.name}` : [view.key, owner.name, entry.field].filter((x) => x !== undefined).join('.'),
          group: view.group,
          owner: view.owner(s, owner),
          field: entry.edit,
          detail: view.detail(s, owner, entry),
          path: [...ownerPath(scope, owner), ...entry.field.split('.')],
        };
        if (isNumberEntry(entry)) items.push({ kind: 'number', ...base, range: editSteps(entry.number) });
        else items.push({ kind: entry.setting === 'switch' ? 'switch' : 'objection', ...base });
      }
      if ((SCOPES[scope] as ScopeSpec).effects === true) items.push(...effectItems(scope, view, s, owner));
    }
  }
  return items;
}

/**
 * The size of each of a rule's or an event's effects, as a number the explorer edits like any
 * other (a shift of consent, a delay in months): a change made here, or by applying a point of
 * "what would it take", is marked in the list like every other.
 */
function effectItems(scope: ScopeName, view: ScopeView, s: Scenario, owner: Owner): ParameterItem[] {
  const effects = owner.value.effects as readonly Effect[];
  return effects.flatMap((effect, i): ParameterItem[] => {
    const size = effectSize<Param>(effect);
    if (size === undefined) return [];
    const spec: EffectKindSpec = EFFECTS[effect.kind];
    const target = effectTarget<AllySelector>(effect);
    const on = target === undefined ? '' : target.kind === 'allies' ? ` on ${target.value.kind === 'all' ? 'every Ally' : target.value.codes.join(', ')}` : ` on ${target.value}`;
    return [
      {
        kind: 'number',
        key: `${view.key}.${owner.name}.effects.${i}`,
        group: view.group,
        owner: view.owner(s, owner),
        field: `effect ${i + 1}`,
        detail: `${String(owner.value.label ?? owner.name)}: effect ${i + 1}, ${spec.label ?? effect.kind}${on}; ${scope === 'rule' ? spec.inRule : spec.inEvent}.`,
        path: [...ownerPath(scope, owner), 'effects', i, size.field],
        range: editSteps(size.number),
      },
    ];
  });
}

/** The explorer's steps for a kind of number; the catalog gives every edited kind its steps. */
function editSteps(kind: NumberKindName): ValueRange {
  return (NUMBER_KINDS[kind] as NumberKind).edit ?? PROBABILITY;
}

/** Where an owner sits in a Scenario: a section, or a section and its index. */
function ownerPath(scope: ScopeName, owner: Owner): ScenarioPath {
  const section = SCOPES[scope].section;
  return 'key' in SCOPES[scope] ? [section, owner.index] : [section];
}

/** "US consent", "istanbul-link": how messages and prompts name an item. */
export function itemName(item: ParameterItem): string {
  return [item.owner, item.field].filter((s) => s !== '').join(' ');
}

/** An item's value as text: short for the list (`~0.25`, `on`, `veto`), or in full (the whole distribution). */
export function valueText(s: Scenario, item: ParameterItem, full = false): string {
  const v = valueAt(s, item.path);
  if (item.kind === 'number') return full ? describeDistribution((v as Param).dist) : shortValue(v as Param);
  if (item.kind === 'switch') return v ? 'on' : 'off';
  return String(v);
}

/** The value at a path (a Param, a boolean, a string). */
export function valueAt(s: Scenario, path: ScenarioPath): unknown {
  let node: unknown = s;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Sets the value at a path inside an immer draft. */
export function setAt(draft: object, path: ScenarioPath, value: unknown): void {
  let node = draft as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/** Whether an item's value differs from the file's (marked `*` in the terminal, "edited" in the page). */
export function isChanged(s: Scenario, original: Scenario, item: ParameterItem): boolean {
  try {
    return JSON.stringify(valueAt(s, item.path)) !== JSON.stringify(valueAt(original, item.path));
  } catch {
    return true;
  }
}

/** The source field that stands behind an item: the param's own, or the rule's or event's. */
export function sourceOf(s: Scenario, item: ParameterItem): { source?: string; note?: string } {
  if (item.kind === 'number') return valueAt(s, item.path) as { source?: string; note?: string };
  if (item.kind === 'switch') return { source: (valueAt(s, item.path.slice(0, -1)) as { source: string }).source };
  return {};
}
