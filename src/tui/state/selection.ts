import type { ParameterItem } from './parameters.js';

/** How ↑/↓, PgUp/PgDn, Home/End and Tab move the selection. */
export type Move = { readonly by: number } | { readonly to: 'first' | 'last' } | { readonly group: 1 | -1 };

export function moveSelection(items: readonly ParameterItem[], current: string | undefined, move: Move): string | undefined {
  if (items.length === 0) return undefined;
  const from = Math.max(0, items.findIndex((i) => i.key === current));
  const to = 'by' in move ? from + move.by : 'to' in move ? (move.to === 'first' ? 0 : items.length - 1) : groupStart(items, from, move.group);
  return items[Math.max(0, Math.min(items.length - 1, to))]!.key;
}

/** The first item of the next group; going back, of this group, or of the previous one when already there. */
function groupStart(items: readonly ParameterItem[], from: number, direction: 1 | -1): number {
  const group = items[from]!.group;
  if (direction === 1) {
    const next = items.findIndex((it, i) => i > from && it.group !== group);
    return next < 0 ? from : next;
  }
  let i = from;
  while (i > 0 && items[i - 1]!.group === group) i--;
  if (i !== from || i === 0) return i;
  const previous = items[i - 1]!.group;
  while (i > 0 && items[i - 1]!.group === previous) i--;
  return i;
}
