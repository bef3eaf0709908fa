import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Scenario } from '../model/scenario.js';
import { isAuthoringMap, isAuthoringParam, scenarioToAuthoring, type AuthoringMap, type AuthoringValue } from './authoring.js';
import { isMergedMap, keyFieldOf, KEYED_LISTS } from './document-shape.js';
import type { PathSegment } from './located.js';
import { editedId, editedTitle } from './edited-title.js';

/**
 * An override file: `extends:` the file a scenario came from plus only what differs, in the
 * authoring format. The differences follow the loader's merge (document-shape.ts): keyed lists
 * merge entry by entry, structural maps field by field, and anything else (a param, a
 * condition, a list of effects) is written whole when it changed. Pure.
 */

export interface OverrideHeader {
  /** What `extends:` says: a relative path or `bundled:<id>`. */
  readonly extends: string;
  readonly id?: string;
  readonly title?: string;
  /** What `baseline:` says, when the history the edits are measured from is not what the file extends or its own baseline names. */
  readonly baseline?: string;
}

/** The differences between two scenarios as an override document (the header alone when there are none). */
export function overrideDocument(base: Scenario, edited: Scenario, header: OverrideHeader): AuthoringMap {
  const before = scenarioToAuthoring(base);
  const after = scenarioToAuthoring(edited);
  const { id: _id, title: _title, ...changes } = diffMap(before, after, []) ?? {};
  const claimed = new Set(edited.allies.filter((a) => !a.defaulted && base.allies.find((b) => b.code === a.code)?.defaulted === true).map((a) => a.code));
  if (Array.isArray(changes.allies)) {
    // An Ally that took allyDefaults in the base and was edited is written whole, so it loads
    // the same whatever the base's allyDefaults say later.
    changes.allies = (changes.allies as AuthoringMap[]).map((entry) => {
      const code = entry.code;
      return typeof code === 'string' && claimed.has(code) ? (entryOf(after, 'allies', 'code', code) ?? entry) : entry;
    });
  }
  const out: Record<string, AuthoringValue> = { extends: header.extends };
  if (header.id !== undefined) out.id = header.id;
  if (header.title !== undefined) out.title = header.title;
  if (header.baseline !== undefined) out.baseline = header.baseline;
  return { ...out, ...changes };
}

/** A self-contained document (for when the source cannot be extended from where the file goes). */
export function completeDocument(edited: Scenario, header: Omit<OverrideHeader, 'extends'>): AuthoringMap {
  const { id: _id, title: _title, ...rest } = scenarioToAuthoring(edited);
  return { id: header.id ?? edited.id, title: header.title ?? edited.title, ...rest };
}

/**
 * The id and title a saved copy of `edited` carries: the id its file's name gives, else the
 * scenario's with "-edited" once; the title the user gave, else the original's, marked
 * "(edited)" once and only when a value differs from it (a copy saved unchanged is not edited).
 */
export function savedHeader(original: Scenario, edited: Scenario, idFromName?: string): { id: string; title: string } {
  const id = idFromName ?? editedId(edited.id);
  if (edited.title !== original.title) return { id, title: edited.title };
  const changed = countChanges(overrideDocument(original, edited, { extends: '' })) > 0;
  return { id, title: changed ? editedTitle(original.title) : original.title };
}

/** How many values an override document sets (an entry of a keyed list counts its fields, not its name). */
export function countChanges(doc: AuthoringMap): number {
  let n = 0;
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'extends' || key === 'id' || key === 'title' || key === 'baseline') continue;
    n += Object.hasOwn(KEYED_LISTS, key) && Array.isArray(value) ? value.reduce<number>((sum, entry) => sum + countLeaves(entry) - 1, 0) : countLeaves(value);
  }
  return n;
}

function countLeaves(v: AuthoringValue): number {
  if (isAuthoringMap(v) && !isAuthoringParam(v)) return Object.values(v).reduce<number>((sum, x) => sum + countLeaves(x), 0);
  return 1;
}

function entryOf(doc: AuthoringMap, list: string, keyField: string, key: string): AuthoringMap | undefined {
  const entries = doc[list];
  return Array.isArray(entries) ? entries.find((e): e is AuthoringMap => isAuthoringMap(e) && e[keyField] === key) : undefined;
}

function diffMap(a: AuthoringMap, b: AuthoringMap, path: readonly PathSegment[]): Record<string, AuthoringValue> | undefined {
  for (const key of Object.keys(a)) {
    if (!(key in b)) throw new Error(`an override file cannot remove ${[...path, key].join('.')}`);
  }
  const out: Record<string, AuthoringValue> = {};
  for (const [key, after] of Object.entries(b)) {
    const before = a[key];
    if (before !== undefined && same(before, after)) continue;
    const at = [...path, key];
    const keyField = keyFieldOf(at);
    if (before === undefined) out[key] = after;
    else if (keyField !== undefined && Array.isArray(before) && Array.isArray(after)) {
      const entries = diffList(before as AuthoringMap[], after as AuthoringMap[], keyField, at);
      if (entries.length > 0) out[key] = entries;
    } else if (isAuthoringMap(before) && isAuthoringMap(after) && isMergedMap(at)) {
      const inner = diffMap(before, after, at);
      if (inner !== undefined) out[key] = inner;
    } else out[key] = after;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function diffList(a: readonly AuthoringMap[], b: readonly AuthoringMap[], keyField: string, path: readonly PathSegment[]): AuthoringMap[] {
  for (const entry of a) {
    if (!b.some((e) => e[keyField] === entry[keyField])) throw new Error(`an override file cannot remove ${path.join('.')}.${String(entry[keyField])}`);
  }
  const out: AuthoringMap[] = [];
  b.forEach((entry, index) => {
    const before = a.find((e) => e[keyField] === entry[keyField]);
    if (before === undefined) return void out.push(entry);
    const inner = diffMap(before, entry, [...path, index]);
    if (inner !== undefined) out.push({ [keyField]: entry[keyField]!, ...inner });
  });
  return out;
}

function same(a: AuthoringValue, b: AuthoringValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the saved file's `extends:` says about the file it came from: a relative path when the
 * source lies in the saved file's folder or below it (FORMAT.md), else `bundled:<id>` for a
 * bundled scenario (`bundled:backtests/<id>` for a bundled backtest case), else undefined (the source cannot be referred to from there).
 */
export function extendsReference(sourceFile: string, savedFile: string, bundledDir: string): string | undefined {
  const source = resolve(sourceFile);
  const rel = relative(dirname(resolve(savedFile)), source);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  const id = basename(source, extname(source));
  if (dirname(source) === resolve(bundledDir)) return `bundled:${id}`;
  // A bundled backtest case is named as `bundled:backtests/<id>` (named-file.ts).
  if (dirname(source) === resolve(bundledDir, 'backtests')) return `bundled:backtests/${id}`;
  return undefined;
}

/** The document as YAML, params and effects on one line each as in FORMAT.md, with a comment on top. */
export function authoringYaml(doc: AuthoringMap, comment: string): string {
  // A -0 (a value set as `-0`, or a difference that cancels) is written as 0: YAML would keep its sign.
  const yaml = new Document(doc, (_key, value: unknown) => (Object.is(value, -0) ? 0 : value));
  yaml.commentBefore = comment;
  flowSmallNodes(yaml.contents);
  return yaml.toString({ lineWidth: 0 });
}

/** Children first, so an effect whose delta is a one-line param goes on one line too. */
function flowSmallNodes(node: unknown): boolean {
  if (isSeq(node)) {
    const childrenFlow = node.items.map(flowSmallNodes).every(Boolean);
    node.flow = childrenFlow && node.items.every((item) => isScalar(item));
    return node.flow;
  }
  if (isMap(node)) {
    const childrenFlow = node.items.map((pair) => flowSmallNodes(pair.value)).every(Boolean);
    const keys = node.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined));
    node.flow = childrenFlow && (keys.includes('value') || keys.includes('dist') || keys.includes('kind'));
    return node.flow;
  }
  return isScalar(node);
}
