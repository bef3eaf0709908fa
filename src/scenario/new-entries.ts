import { entryName, KEYED_LISTS } from './document-shape.js';
import { issueAt, type Issue, type Origin } from './issue.js';
import { findEntry, type LocatedMap, type LocatedNode } from './located.js';
import { formatPath } from './paths.js';
import { nearest } from './suggest.js';

/** An entry of an extending file that names no entry of its base, and the base name it is closest to. */
export interface NearMiss {
  readonly list: string;
  readonly name: string;
  readonly near: string;
  /** Where the extending file wrote the name. */
  readonly at: Origin;
}

const KIND: Readonly<Record<string, string>> = { allies: 'an Ally', preconditions: 'a precondition', rules: 'a rule', events: 'an event' };

/**
 * Entries of `overlay`'s keyed lists whose name is not in `base` but is a likely typo of one
 * there: an override meant for that entry, unless the entry turns out complete on its own.
 */
export function nearMisses(base: LocatedMap, overlay: LocatedMap): NearMiss[] {
  const out: NearMiss[] = [];
  for (const [list, field] of Object.entries(KEYED_LISTS)) {
    const names = namesIn(findEntry(base, list)?.value, field);
    const items = findEntry(overlay, list)?.value;
    if (names.length === 0 || items?.kind !== 'list') continue;
    for (const item of items.items) {
      const name = entryName(item, field);
      const at = item.kind === 'map' ? findEntry(item, field)?.value.at : undefined;
      if (name === undefined || at === undefined || names.includes(name)) continue;
      const near = nearest(name, names);
      if (near !== undefined) out.push({ list, name, near, at });
    }
  }
  return out;
}

/**
 * A near miss that the schema finds incomplete was an override with a misspelled name: its
 * missing fields become one issue that names the entry it was meant for.
 */
export function explainNearMisses(issues: readonly Issue[], misses: readonly NearMiss[], root: LocatedMap): Issue[] {
  let out = [...issues];
  for (const miss of misses) {
    const items = findEntry(root, miss.list)?.value;
    const field = KEYED_LISTS[miss.list]!;
    const index = items?.kind === 'list' ? items.items.findIndex((item) => entryName(item as LocatedNode, field) === miss.name) : -1;
    if (index < 0) continue;
    const prefix = formatPath([miss.list, index], root);
    const inEntry = (issue: Issue) => issue.code === 'missing_field' && issue.path.startsWith(`${prefix}.`);
    const first = out.findIndex(inEntry);
    if (first < 0) continue;
    // The missing fields still count: the entry may be a new one after all (two-letter Ally codes are all near each other).
    const missing = out.filter(inEntry).map((issue) => issue.path.slice(prefix.length + 1));
    const message = `${JSON.stringify(miss.name)} is not ${KIND[miss.list]} of the file it extends (did you mean ${JSON.stringify(miss.near)}?); as a new one it would need ${missing.join(', ')}`;
    const explained = issueAt('not_in_base', message, miss.at, `${prefix}.${field}`);
    out = out.flatMap((issue, i) => (i === first ? [explained] : inEntry(issue) ? [] : [issue]));
  }
  return out;
}

function namesIn(list: LocatedNode | undefined, field: 'code' | 'id'): string[] {
  if (list?.kind !== 'list') return [];
  return list.items.flatMap((item) => entryName(item, field) ?? []);
}
