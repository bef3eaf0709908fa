import { castDraft, produce, type Draft } from 'immer';
import { resolveParamPath } from '../model/catalog/parameters.js';
import { rosterEntry } from '../model/roster.js';
import { entryName, keyFieldOf } from './document-shape.js';
import type { Issue, Origin, Result } from './issue.js';
import { findEntry, nodeAt, type LocatedList, type LocatedMap, type LocatedNode, type PathSegment } from './located.js';
import { FORBIDDEN_KEYS, parseYamlValue } from './parse-yaml.js';
import { didYouMean } from './suggest.js';

/**
 * Applies `--set path=value` arguments to a merged document, in order, before validation. Lists
 * are addressed by an entry's `code` or `id` (or a plain index for unnamed lists such as
 * `effects`); the value is read as YAML. A path whose parent does not exist is an error, with
 * two exceptions: `allies.<code>` for a roster member not listed yet adds its entry, so any
 * Ally's values can be set from the command line; and a parameter's path (`allies.GR.weights.
 * minorities`, `allies.NL.ratification.pass`) adds the mappings on its way that the file left
 * out, as the loaded scenario has them from allyDefaults: every parameter a sweep can vary can
 * be set, and the row equals the run.
 */
export function applyOverrides(document: LocatedMap, args: readonly string[], writtenAt: readonly (SetOrigin | undefined)[] = []): Result<LocatedMap> {
  let current = document;
  const issues: Issue[] = [];
  for (const [i, arg] of args.entries()) {
    const applied = applyOverride(current, arg, writtenAt[i]);
    if (applied.ok) current = applied.value;
    else issues.push(...applied.issues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: current };
}

/**
 * Fields that name another file, read from the folder of the file that writes them: a --set has
 * no folder, and `extends` is followed before --set applies, so setting one could only be ignored.
 */
const FILE_FIELDS: Readonly<Record<string, string>> = {
  extends: 'extends cannot be set from the command line: it is followed before --set applies; write a file with extends: and the changes instead',
  baseline: 'baseline cannot be set from the command line: it names a file from the folder of the file that writes it; write it in a scenario file',
};

/**
 * Where an override is written when a file holds it (an experiment's `set:` entry): its
 * problems are told there. A command-line --set has none, and its problems name the argument.
 */
export type SetOrigin = Pick<Origin, 'file' | 'line' | 'column'>;

function setIssue(code: 'set_syntax' | 'set_path_not_found' | 'set_not_allowed', arg: string, message: string, path: string, at: SetOrigin | undefined): Issue {
  if (at !== undefined) return { code, message, ...at, path };
  return { code, message: `--set ${quotedArgument(arg)}: ${message}`, file: '--set', line: 0, column: 0, path };
}

/** An argument as a message quotes it: whole up to 120 characters, else its start and its length. */
function quotedArgument(arg: string): string {
  const chars = [...arg];
  return chars.length <= 120 ? arg : `${chars.slice(0, 100).join('')}… (${chars.length} characters)`;
}

function applyOverride(document: LocatedMap, arg: string, at: SetOrigin | undefined): Result<LocatedMap> {
  const eq = arg.indexOf('=');
  const pathText = eq < 0 ? '' : arg.slice(0, eq).trim();
  const valueText = eq < 0 ? '' : arg.slice(eq + 1);
  if (eq < 0 || pathText === '' || valueText.trim() === '') {
    return { ok: false, issues: [setIssue('set_syntax', arg, 'expected path=value, e.g. candidate.interest=0.3', '', at)] };
  }
  const segments = pathText.split('.');
  if (segments.some((s) => s === '')) return { ok: false, issues: [setIssue('set_syntax', arg, `"${pathText}" has an empty step`, pathText, at)] };
  const forbidden = segments.find((s) => FORBIDDEN_KEYS.has(s));
  if (forbidden !== undefined) return { ok: false, issues: [setIssue('set_syntax', arg, `the key "${forbidden}" is not allowed`, pathText, at)] };
  if (Object.hasOwn(FILE_FIELDS, segments[0]!)) return { ok: false, issues: [setIssue('set_not_allowed', arg, FILE_FIELDS[segments[0]!]!, pathText, at)] };

  // A message quotes the argument; one of many kilobytes is shown by its start.
  const origin: Origin = at ?? { file: '--set', line: 0, column: 0, setArgument: quotedArgument(arg) };
  const value = parseYamlValue(valueText, origin.file, origin);
  if (!value.ok) return { ok: false, issues: value.issues.map((i) => ({ ...i, path: below(pathText, i.path) })) };

  const withAlly = segments[0] === 'allies' ? withRosterAlly(document, segments[1], origin) : document;
  const target = findTarget(withAlly, segments);
  if (typeof target === 'string') return { ok: false, issues: [setIssue('set_path_not_found', arg, target, pathText, at)] };
  const mixed = mixedParameter(withAlly, target, pathText);
  if (mixed !== undefined) return { ok: false, issues: [setIssue('set_not_allowed', arg, mixed, pathText, at)] };
  return { ok: true, value: produce(withAlly, (draft) => writeAt(draft, target, value.value)) };
}

/**
 * A new `value` in a distribution (`{ dist, ... }`), or a new `dist` in a fixed value
 * (`{ value, source }`), would make the parameter both: the schema could only point at the
 * file's mapping. The message says to set the parameter itself instead.
 */
function mixedParameter(document: LocatedMap, target: readonly PathSegment[], pathText: string): string | undefined {
  const last = target[target.length - 1];
  if (last !== 'value' && last !== 'dist') return undefined;
  const parent = nodeAt(document, target.slice(0, -1));
  if (parent?.kind !== 'map' || findEntry(parent, last) !== undefined) return undefined;
  const other = last === 'value' ? 'dist' : 'value';
  if (findEntry(parent, other) === undefined) return undefined;
  const field = pathText.slice(0, pathText.lastIndexOf('.'));
  return last === 'value'
    ? `${field} is a distribution here, with no single value to replace; set the parameter itself, e.g. --set ${field}=0.5 (a fixed value) or --set '${field}={dist: uniform, min: 0.2, max: 0.4}'`
    : `${field} is a fixed value here; to give it a distribution, set the parameter itself, e.g. --set '${field}={dist: uniform, min: 0.2, max: 0.4}'`;
}

/** A path inside a --set value (which starts at the value) placed below the field it sets. */
function below(field: string, inner: string): string {
  return inner === '' ? field : inner.startsWith('[') ? `${field}${inner}` : `${field}.${inner}`;
}

/** Adds `{ code }` to allies when `code` is a roster member the scenario does not list yet. */
function withRosterAlly(document: LocatedMap, code: string | undefined, origin: Origin): LocatedMap {
  if (code === undefined || rosterEntry(code) === undefined) return document;
  const allies = findEntry(document, 'allies')?.value;
  if (allies !== undefined && (allies.kind !== 'list' || allies.items.some((item) => entryName(item, 'code') === code))) return document;
  const entry: LocatedNode = { kind: 'map', at: origin, entries: [{ key: 'code', keyAt: origin, value: { kind: 'scalar', value: code, at: origin } }] };
  return produce(document, (draft) => {
    const list = draft.entries.find((e) => e.key === 'allies');
    if (list === undefined) draft.entries.push({ key: 'allies', keyAt: origin, value: { kind: 'list', at: origin, items: [castDraft(entry)] } });
    else if (list.value.kind === 'list') list.value.items.push(castDraft(entry));
  });
}

/**
 * Resolves every step but the last, which may name a new field of a mapping (the schema then
 * says whether that field exists) but must name an existing entry of a list.
 */
function findTarget(document: LocatedMap, segments: readonly string[]): PathSegment[] | string {
  let node: LocatedNode = document;
  const resolved: PathSegment[] = [];
  for (const [i, segment] of segments.entries()) {
    const isLast = i === segments.length - 1;
    const where = i === 0 ? 'the scenario' : segments.slice(0, i).join('.');
    if (node.kind === 'scalar') return `${where} is a single value: it has no "${segment}"`;
    if (node.kind === 'map') {
      const entry = findEntry(node, segment);
      resolved.push(segment);
      if (isLast) return resolved;
      if (entry === undefined) {
        // A mapping the file left out on the way to a parameter (an Ally's `weights` or
        // `ratification`) is added by writeAt; the schema checks the parameter as it checks a file.
        if (isParameterPath(segments)) return [...resolved, ...segments.slice(i + 1)];
        return `${where} has no field "${segment}"${didYouMean(segment, node.entries.map((e) => e.key))}`;
      }
      node = entry.value;
      continue;
    }
    const index = indexOf(node, segment, keyFieldOf(resolved));
    if (index === undefined) {
      const field = keyFieldOf(resolved);
      const names = field === undefined ? [] : node.items.flatMap((item) => entryName(item, field) ?? []);
      return `${where} has no entry "${segment}"${didYouMean(segment, names)}`;
    }
    resolved.push(index);
    node = node.items[index] as LocatedNode;
  }
  return resolved;
}

/** A list entry by its name (`US`, `istanbul-link`) or, for any list, by its position. */
function indexOf(list: LocatedList, segment: string, field: 'code' | 'id' | undefined): number | undefined {
  const byName = field === undefined ? -1 : list.items.findIndex((item) => entryName(item, field) === segment);
  if (byName >= 0) return byName;
  const position = /^\d+$/.test(segment) ? Number(segment) : -1;
  return position >= 0 && position < list.items.length ? position : undefined;
}

/** Whether a path names a numeric parameter (a trailing `.value` aside), as sweeps and the explorer name them. */
function isParameterPath(segments: readonly string[]): boolean {
  const path = segments[segments.length - 1] === 'value' ? segments.slice(0, -1) : segments;
  return resolveParamPath(path.join('.')) !== undefined;
}

function writeAt(draft: Draft<LocatedMap>, path: readonly PathSegment[], value: LocatedNode): void {
  // Mappings missing on the way (see findTarget) are added, empty, where the value is written.
  let node = draft as Draft<LocatedNode>;
  for (const segment of path.slice(0, -1)) {
    let next = nodeAt(node as LocatedNode, [segment]) as Draft<LocatedNode> | undefined;
    if (next === undefined && node.kind === 'map' && typeof segment === 'string') {
      next = castDraft<LocatedNode>({ kind: 'map', at: value.at, entries: [] });
      node.entries.push({ key: segment, keyAt: value.at, value: next });
    }
    if (next === undefined) return;
    node = next;
  }
  const parent = node;
  const last = path[path.length - 1];
  if (parent.kind === 'map' && typeof last === 'string') {
    const entry = parent.entries.find((e) => e.key === last);
    if (entry === undefined) parent.entries.push({ key: last, keyAt: value.at, value: castDraft(value) });
    else entry.value = castDraft(replacement(entry.value as LocatedNode, value));
  } else if (parent.kind === 'list' && typeof last === 'number') {
    parent.items[last] = castDraft(replacement(parent.items[last] as LocatedNode, value));
  }
}

/** A bare number set on `{ value, source }` replaces the value and keeps the source. */
function replacement(current: LocatedNode, value: LocatedNode): LocatedNode {
  const isNumber = value.kind === 'scalar' && typeof value.value === 'number';
  if (!isNumber || current.kind !== 'map' || findEntry(current, 'dist') !== undefined || findEntry(current, 'value') === undefined) return value;
  return { ...current, entries: current.entries.map((e) => (e.key === 'value' ? { ...e, value } : e)) };
}
