import { issueAt, type Issue } from './issue.js';
import { findEntry, locate, type LocatedMap, type LocatedNode, type PathSegment } from './located.js';

/**
 * Top-level lists whose entries have a name: extends merges them entry by entry, --set and
 * issue paths address them by that name (`allies.US`, `rules.istanbul-link`).
 */
export const KEYED_LISTS: Readonly<Record<string, 'code' | 'id'>> = {
  allies: 'code',
  preconditions: 'id',
  rules: 'id',
  events: 'id',
};

/** The naming field of the list at `path`, if that list is keyed. */
export function keyFieldOf(path: readonly PathSegment[]): 'code' | 'id' | undefined {
  const [first] = path;
  return path.length === 1 && typeof first === 'string' && Object.hasOwn(KEYED_LISTS, first) ? KEYED_LISTS[first] : undefined;
}

/** The name of a keyed list's entry (`US`, `democracy`), if it has a usable one. */
export function entryName(item: LocatedNode, field: 'code' | 'id'): string | undefined {
  if (item.kind !== 'map') return undefined;
  const named = findEntry(item, field)?.value;
  return named?.kind === 'scalar' && typeof named.value === 'string' && named.value !== '' ? named.value : undefined;
}

/**
 * Maps that `extends` merges field by field, as patterns over paths with list indexes written
 * `[]`. Every other map is one value and is replaced whole: a parameter (`{value, source}` or
 * `{dist, ...}`), a condition, an effect. Merging those field by field would mix two
 * distributions or two conditions into an invalid one.
 */
const MERGED_MAPS: ReadonlySet<string> = new Set([
  '',
  'decisionPoint',
  'sources',
  'candidate',
  'process',
  'process.standardPath',
  'process.specialTrack',
  'allyDefaults',
  'allyDefaults.weights',
  'allyDefaults.ratification',
  'allies[]',
  'allies[].weights',
  'allies[].ratification',
  'preconditions[]',
  'rules[]',
  'events[]',
  'observed',
]);

export function isMergedMap(path: readonly PathSegment[]): boolean {
  return MERGED_MAPS.has(path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.').replaceAll('.[]', '[]'));
}

/**
 * Entries of one file's keyed lists that repeat a name. Checked per file, before `extends`
 * merges entries by name and would silently fold the repeats into one, and again after --set,
 * which can rename an entry onto another. Of two entries, the one a --set named is reported.
 */
export function duplicateNames(root: LocatedMap): Issue[] {
  const issues: Issue[] = [];
  for (const [list, field] of Object.entries(KEYED_LISTS)) {
    const items = findEntry(root, list)?.value;
    if (items?.kind !== 'list') continue;
    const first = new Map<string, number>();
    items.items.forEach((item, index) => {
      const name = entryName(item, field);
      if (name === undefined) return;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      const setFirst = fromSet(items.items[earlier]!, field) && !fromSet(item, field);
      const [shown, other] = setFirst ? [earlier, index] : [index, earlier];
      const otherAt = items.items[other]!.at;
      const where = otherAt.setArgument !== undefined ? `also from --set ${otherAt.setArgument}` : `${setFirst ? 'also' : 'first'} at line ${otherAt.line}`;
      const what = field === 'code' ? 'ally code' : `${list.replace(/s$/, '')} id`;
      issues.push(issueAt('duplicate_id', `duplicate ${what} "${name}" (${where})`, locate(root, [list, shown, field]), `${list}[${shown}].${field}`));
    });
  }
  return issues;
}

/** Whether an entry's name was written by a --set argument. */
function fromSet(item: LocatedNode, field: 'code' | 'id'): boolean {
  return item.kind === 'map' && findEntry(item, field)?.value.at.setArgument !== undefined;
}
