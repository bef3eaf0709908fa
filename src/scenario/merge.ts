import { castDraft, produce, type Draft } from 'immer';
import { entryName, isMergedMap, keyFieldOf } from './document-shape.js';
import type { LocatedEntry, LocatedList, LocatedMap, LocatedNode, PathSegment } from './located.js';

/**
 * `overlay` over `base`, as `extends` defines it: structural maps merge field by field, the
 * keyed lists (allies by code; preconditions, rules, events by id) merge entry by entry with new
 * entries appended, and any other value in the overlay replaces the base's whole. Positions
 * travel with the values, so a merged value still points into the file that wrote it.
 */
export function mergeDocuments(base: LocatedMap, overlay: LocatedMap): LocatedMap {
  return produce(base, (draft) => {
    mergeMapInto(draft, overlay, []);
  });
}

function mergeMapInto(target: Draft<LocatedMap>, overlay: LocatedMap, path: readonly PathSegment[]): void {
  // The overlay mentions this map: a field missing from both is best reported there.
  target.at = overlay.at;
  for (const entry of overlay.entries) {
    const existing = target.entries.find((e) => e.key === entry.key);
    if (existing === undefined) target.entries.push(castDraft(entry));
    else mergeEntryInto(existing, entry, [...path, entry.key]);
  }
}

function mergeEntryInto(target: Draft<LocatedEntry>, overlay: LocatedEntry, path: readonly PathSegment[]): void {
  target.keyAt = overlay.keyAt;
  const current = target.value;
  const next = overlay.value;
  const keyField = keyFieldOf(path);
  if (current.kind === 'map' && next.kind === 'map' && isMergedMap(path)) mergeMapInto(current, next, path);
  else if (current.kind === 'list' && next.kind === 'list' && keyField !== undefined) mergeKeyedListInto(current, next, keyField, path);
  else target.value = castDraft(next);
}

function mergeKeyedListInto(target: Draft<LocatedList>, overlay: LocatedList, keyField: 'code' | 'id', path: readonly PathSegment[]): void {
  target.at = overlay.at;
  for (const item of overlay.items) {
    const name = entryName(item, keyField);
    const index = name === undefined ? -1 : target.items.findIndex((t) => entryName(t as LocatedNode, keyField) === name);
    const match = target.items[index];
    if (match?.kind === 'map' && item.kind === 'map') mergeMapInto(match, item, [...path, index]);
    else target.items.push(castDraft(item));
  }
}

/** The document without one top-level field (`extends`, once it has been followed). */
export function withoutField(map: LocatedMap, key: string): LocatedMap {
  return { ...map, entries: map.entries.filter((e) => e.key !== key) };
}
