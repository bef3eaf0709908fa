import type { Distribution, Param } from '../../model/distribution.js';
import { PROCEDURES, procedureOfYear } from '../../model/procedures.js';
import type { Effect, Scenario } from '../../model/scenario.js';
import { scenarioParams } from '../../scenario/param-paths.js';
import { describeParam } from '../../scenario/params.js';

/**
 * What differs between two scenarios, read from the scenarios themselves: every numeric
 * parameter whose value (fixed value or distribution) differs, by its path; every rule and event
 * switched on in one and not the other (or present in one only); and the structural choices
 * that are not numbers (decision point, the MAP's year, Allies and preconditions added or
 * removed, objection kinds, rule conditions, event windows). Pure.
 *
 * Parameters inside a rule or event that is off in `to` or absent from either, of an Ally or
 * a precondition present in one only, or of an effect whose kind or target changed, are not
 * listed as parameters: the switch or the structural change says it. A rule or event switched
 * on from off lists its switch and its values changed from those `from` writes for it.
 */
export interface ParamChange {
  readonly path: string;
  /** The value as written: `0.3`, `triangular(0.02, 0.1, 0.2)`; `none (0)` for a weight one side lacks. */
  readonly from: string;
  readonly to: string;
  readonly fromParam: Param;
  readonly toParam: Param;
}

export type SwitchState = 'on' | 'off' | 'absent';

export interface SwitchChange {
  readonly kind: 'rule' | 'event';
  readonly id: string;
  readonly label: string;
  readonly from: SwitchState;
  readonly to: SwitchState;
}

export interface OtherChange {
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

export interface AssumptionDiff {
  readonly params: readonly ParamChange[];
  readonly switches: readonly SwitchChange[];
  readonly other: readonly OtherChange[];
}

const NO_WEIGHT: Param = { dist: { kind: 'fixed', value: 0 } };

/** How `to` differs from `from`. diff(s, s) is empty. */
export function assumptionDiff(from: Scenario, to: Scenario): AssumptionDiff {
  // The explorer asks this of an unedited scenario on every frame until the first edit.
  if (from === to) return { params: [], switches: [], other: [] };
  const other: OtherChange[] = [];
  const note = (path: string, a: string, b: string) => {
    if (a !== b) other.push({ path, from: a, to: b });
  };
  note('decisionPoint.year', String(from.decisionPoint.year), String(to.decisionPoint.year));
  note('decisionPoint.date', from.decisionPoint.date ?? 'none', to.decisionPoint.date ?? 'none');
  note('decisionPoint.horizon', String(from.decisionPoint.horizon), String(to.decisionPoint.horizon));
  // A procedure named counts only where it changes the procedure some year is run under.
  if (yearsProcedures(from, to) !== yearsProcedures(to, to)) note('process.procedure', from.process.procedure ?? 'of each year', to.process.procedure ?? 'of each year');
  note('process.mapIntroduced', String(from.process.mapIntroduced), String(to.process.mapIntroduced));
  note('candidate.code', from.candidate.code, to.candidate.code);
  note('candidate.coCandidates', coCandidates(from), coCandidates(to));

  const skipped: string[] = [];
  /** Preconditions in one scenario only: weights on them are part of that change. */
  const onePrecondition = new Set<string>();
  // Allies: present in one only, or voting differently.
  const allyFrom = new Map(from.allies.map((a) => [a.code, a]));
  const allyTo = new Map(to.allies.map((a) => [a.code, a]));
  for (const code of union(allyFrom.keys(), allyTo.keys())) {
    const a = allyFrom.get(code);
    const b = allyTo.get(code);
    if (a === undefined || b === undefined) {
      note(`allies.${code}`, a === undefined ? 'absent' : `member from ${a.joined}`, b === undefined ? 'absent' : `member from ${b.joined}`);
      skipped.push(`allies.${code}.`);
      continue;
    }
    note(`allies.${code}.joined`, a.joined, b.joined);
    note(`allies.${code}.objection`, a.objection, b.objection);
  }
  // Preconditions present in one only.
  const preFrom = new Set(from.preconditions.map((p) => p.id));
  const preTo = new Set(to.preconditions.map((p) => p.id));
  for (const id of union(preFrom, preTo)) {
    if (preFrom.has(id) && preTo.has(id)) continue;
    note(`preconditions.${id}`, preFrom.has(id) ? 'present' : 'absent', preTo.has(id) ? 'present' : 'absent');
    skipped.push(`preconditions.${id}.`);
    onePrecondition.add(id);
  }

  // Rules and events: switches, then structure of those on in both.
  const switches: SwitchChange[] = [];
  const items = (s: Scenario) => [
    ...s.rules.map((r) => ({ kind: 'rule' as const, id: r.id, label: r.text.trim(), enabled: r.enabled, shape: ruleShape(r.when, r.effects), window: '' })),
    ...s.events.map((e) => ({ kind: 'event' as const, id: e.id, label: e.label.trim(), enabled: e.enabled, shape: ruleShape(e.when, e.effects), window: `${e.from}-${e.to}${e.once ? '' : ' (repeating)'}` })),
  ];
  const itemsFrom = new Map(items(from).map((x) => [`${x.kind}s.${x.id}`, x]));
  const itemsTo = new Map(items(to).map((x) => [`${x.kind}s.${x.id}`, x]));
  for (const key of union(itemsFrom.keys(), itemsTo.keys())) {
    const a = itemsFrom.get(key);
    const b = itemsTo.get(key);
    const state = (x: typeof a): SwitchState => (x === undefined ? 'absent' : x.enabled ? 'on' : 'off');
    const sa = state(a);
    const sb = state(b);
    const either = (b ?? a)!;
    if ((sa === 'on') !== (sb === 'on')) switches.push({ kind: either.kind, id: either.id, label: either.label, from: sa, to: sb });
    // Its values count where `to` reads them and `from` writes them: on in both, or switched on
    // from off (the file's dormant values are its record of them, so switching a rule on with
    // other values is that switch and those changes). Off in `to`, or absent in one: inert or
    // not comparable, the switch says it.
    if (sb !== 'on' || sa === 'absent') {
      skipped.push(`${key}.`);
      continue;
    }
    if (a!.window !== b!.window) note(`${key}.window`, a!.window, b!.window);
    if (a!.shape.when !== b!.shape.when) note(`${key}.when`, a!.shape.when, b!.shape.when);
    // Effects rewritten (another kind, target or number): one structural change, sizes not compared.
    if (a!.shape.effects.join('|') !== b!.shape.effects.join('|')) {
      note(`${key}.effects`, a!.shape.effects.join('; '), b!.shape.effects.join('; '));
      skipped.push(`${key}.effects.`);
    }
  }

  // Parameters, by path.
  const paramsFrom = new Map(scenarioParams(from).map((e) => [e.path, e.param]));
  const paramsTo = new Map(scenarioParams(to).map((e) => [e.path, e.param]));
  const params: ParamChange[] = [];
  for (const path of union(paramsFrom.keys(), paramsTo.keys())) {
    if (skipped.some((prefix) => path.startsWith(prefix))) continue;
    const parts = path.split('.');
    if (parts[parts.length - 2] === 'weights' && onePrecondition.has(parts[parts.length - 1]!)) continue;
    const a = paramsFrom.get(path);
    const b = paramsTo.get(path);
    // Only a weight can be on one side alone here: a missing weight ignores the precondition.
    const fromParam = a ?? NO_WEIGHT;
    const toParam = b ?? NO_WEIGHT;
    if (sameDistribution(fromParam.dist, toParam.dist)) continue;
    params.push({ path, from: a === undefined ? 'none (0)' : describeParam(a), to: b === undefined ? 'none (0)' : describeParam(b), fromParam, toParam });
  }
  return { params, switches, other };
}

/** The procedure each year of `window`'s decision window is run under in `s` (named, or of the year's date), as one text. */
function yearsProcedures(s: Scenario, window: Scenario): string {
  const ids: string[] = [];
  for (let y = window.decisionPoint.year; y <= window.decisionPoint.horizon; y++) ids.push(s.process.procedure ?? PROCEDURES[procedureOfYear(y)]!.id);
  return ids.join(',');
}

/** A scenario's co-candidates as one comparable text: order does not matter. */
function coCandidates(s: Scenario): string {
  return s.candidate.coCandidates.length === 0 ? 'none' : [...s.candidate.coCandidates].sort().join(', ');
}

export function sameDistribution(a: Distribution, b: Distribution): boolean {
  if (a.kind !== b.kind) return false;
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  return Object.keys(ra).every((k) => Object.is(ra[k], rb[k])) && Object.keys(rb).length === Object.keys(ra).length;
}

/** A rule's or event's condition and its effects without their sizes: what it does, not how much. */
function ruleShape(when: unknown, effects: readonly Effect[]): { when: string; effects: string[] } {
  return {
    when: when === undefined ? 'always' : JSON.stringify(when),
    effects: effects.map((e) => {
      switch (e.kind) {
        case 'consent':
          return `consent of ${e.allies.kind === 'all' ? 'all' : e.allies.codes.join(',')}`;
        case 'precondition':
          return `precondition ${e.precondition}`;
        case 'hazard':
          return `hazard of ${e.event}`;
        case 'block':
          return e.ally === undefined ? 'block' : `block by ${e.ally}`;
        default:
          return e.kind;
      }
    }),
  };
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}
