import type { Param } from '../../model/distribution.js';
import type { Scenario } from '../../model/scenario.js';
import { describeDistribution, shortValue } from './edits.js';

/**
 * The editable parameters of a scenario, in the order the panel lists them. Built from the
 * Scenario each time it changes, so a path's array indices always match the current lists.
 */
export const PARAMETER_GROUPS = ['Candidate', 'Preconditions', 'Allies', 'Rules', 'Events'] as const;
export type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

/** Where a value lives in a Scenario: keys and array indices, as immer patches spell them. */
export type ScenarioPath = readonly (string | number)[];

/** Allowed values of a number and how far ←/→ (and shift+←/→) move it. */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly bigStep: number;
}

export const PROBABILITY: ValueRange = { min: 0, max: 1, step: 0.01, bigStep: 0.1 };
export const LEVEL_DRIFT: ValueRange = { min: -0.5, max: 0.5, step: 0.005, bigStep: 0.05 };

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

const CANDIDATE_FIELDS = [
  ['interest', 'interest', 'Yearly chance that the leadership decides to seek membership.'],
  ['domesticOpposition', 'opposition', 'Chance that opposition at home stops an interested leadership from applying.'],
  ['acceptsStandardPath', 'standard path', 'Chance it accepts the standard path (MAP, "standing in line") rather than demanding special status.'],
  ['withdrawal', 'withdrawal', 'Yearly chance of withdrawing an application before membership.'],
] as const;

const built = new WeakMap<Scenario, readonly ParameterItem[]>();

/** The items of a scenario, built once per scenario object (the reducer asks on every key). */
export function itemsOf(s: Scenario): readonly ParameterItem[] {
  let items = built.get(s);
  if (items === undefined) built.set(s, (items = parameterItems(s)));
  return items;
}

function parameterItems(s: Scenario): ParameterItem[] {
  const items: ParameterItem[] = [];
  const { code, name } = s.candidate;
  for (const [field, label, detail] of CANDIDATE_FIELDS) {
    items.push({ kind: 'number', key: `candidate.${field}`, group: 'Candidate', owner: code, field: label, detail: `${name}: ${detail}`, path: ['candidate', field], range: PROBABILITY });
  }
  s.preconditions.forEach((p, i) => {
    const at = (field: string): ScenarioPath => ['preconditions', i, field];
    items.push(
      { kind: 'number', key: `pre.${p.id}.level`, group: 'Preconditions', owner: p.id, field: 'level', detail: `${p.label} (${p.basis}): level at the decision point, 0..1.`, path: at('level'), range: PROBABILITY },
      { kind: 'number', key: `pre.${p.id}.drift`, group: 'Preconditions', owner: p.id, field: 'drift', detail: `${p.label}: expected change of the level per year.`, path: at('drift'), range: LEVEL_DRIFT },
      { kind: 'number', key: `pre.${p.id}.threshold`, group: 'Preconditions', owner: p.id, field: 'threshold', detail: `${p.label}: Allies count it as met at this level.`, path: at('threshold'), range: PROBABILITY },
    );
  });
  s.allies.forEach((a, i) => {
    const at = (field: string): ScenarioPath => ['allies', i, field];
    const who = `${a.name} (joined ${a.joined})${a.defaulted ? ', values from allyDefaults' : ''}`;
    items.push(
      { kind: 'number', key: `ally.${a.code}.consent`, group: 'Allies', owner: a.code, field: 'consent', detail: `${who}: chance of agreeing to invite, all else neutral.`, path: at('consent'), range: PROBABILITY },
      { kind: 'number', key: `ally.${a.code}.threat`, group: 'Allies', owner: a.code, field: 'threat', detail: `${who}: threat perception, subtracted from consent.`, path: at('threat'), range: PROBABILITY },
      { kind: 'objection', key: `ally.${a.code}.objection`, group: 'Allies', owner: a.code, field: 'objection', detail: `${who}: a veto ends the branch; a holdout delays until it lifts.`, path: at('objection') },
    );
    if (a.objection === 'holdout') {
      items.push({ kind: 'number', key: `ally.${a.code}.holdoutLift`, group: 'Allies', owner: a.code, field: 'lift', detail: `${who}: yearly chance its hold-out lifts after a concession.`, path: at('holdoutLift'), range: PROBABILITY });
    }
  });
  s.rules.forEach((r, i) => {
    items.push({ kind: 'switch', key: `rule.${r.id}`, group: 'Rules', owner: r.id, field: '', detail: r.text.trim(), path: ['rules', i, 'enabled'] });
  });
  s.events.forEach((e, i) => {
    const window = `${e.historical ? 'historical' : 'hypothetical'}, ${e.from}–${e.to}`;
    items.push(
      { kind: 'switch', key: `event.${e.id}.enabled`, group: 'Events', owner: e.id, field: '', detail: `${e.label} (${window}).`, path: ['events', i, 'enabled'] },
      { kind: 'number', key: `event.${e.id}.hazard`, group: 'Events', owner: e.id, field: 'hazard', detail: `${e.label}: yearly chance within ${e.from}–${e.to}.`, path: ['events', i, 'hazard'], range: PROBABILITY },
    );
  });
  return items;
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

/** The source field that stands behind an item: the param's own, or the rule's or event's. */
export function sourceOf(s: Scenario, item: ParameterItem): { source?: string; note?: string } {
  if (item.kind === 'number') return valueAt(s, item.path) as { source?: string; note?: string };
  if (item.kind === 'switch') return { source: (valueAt(s, item.path.slice(0, -1)) as { source: string }).source };
  return {};
}
