import type { Draft } from 'immer';
import type { Param } from '../../model/distribution.js';
import type { Scenario } from '../../model/scenario.js';
import { describeDistribution, exactParam, formatNumber, markEdited, shiftParam, type EditedIn } from './edits.js';
import { itemName, setAt, valueAt, type ParameterItem } from './parameters.js';

/** Editor actions for what a key does to the selected parameter, computed from the current state. */

export type Change =
  | { readonly kind: 'step'; readonly direction: 1 | -1; readonly big: boolean }
  /** Moves a number by `by` (a slider dragged): a distribution moves as a whole, as with a step. */
  | { readonly kind: 'shift'; readonly by: number }
  | { readonly kind: 'set'; readonly value: number }
  | { readonly kind: 'toggle' }
  | { readonly kind: 'restore' };

/** What a change of an item becomes: an undoable edit, or a note when there is nothing to change. */
export type ItemAction =
  | { readonly type: 'edit'; readonly label: string; readonly recipe: (draft: Draft<Scenario>) => void }
  | { readonly type: 'note'; readonly note: string | undefined };

/** The edit a change makes, or a note saying why nothing changed. */
export function changeItem(s: Scenario, original: Scenario, item: ParameterItem, change: Change, editedIn?: EditedIn): ItemAction {
  const name = itemName(item);
  switch (change.kind) {
    case 'step':
      return stepItem(s, original, item, change.direction, change.big, editedIn) ?? { type: 'note', note: `${name} is at the edge of its range` };
    case 'shift':
      return shiftItem(s, original, item, change.by, editedIn) ?? { type: 'note', note: `${name} is at the edge of its range` };
    case 'set':
      return setItemValue(s, original, item, change.value, editedIn) ?? { type: 'note', note: `${name} is already ${formatNumber(change.value)}` };
    case 'toggle':
      return toggleItem(s, item) ?? { type: 'note', note: `${name} is a number: ←/→ or Enter change it` };
    case 'restore':
      return restoreItem(s, original, item) ?? { type: 'note', note: `${name} is as in the file` };
  }
}

/** An item of an Ally's makes that Ally's values its own once edited. */
function claimOwner(draft: Draft<Scenario>, item: ParameterItem): void {
  if (item.path[0] === 'allies') claimAlly(draft, item.path[1]!);
}

/** Editing an Ally's values makes them its own, no longer allyDefaults'. `ally`: its index in the list, or its code. */
export function claimAlly(draft: Draft<Scenario>, ally: number | string): void {
  const entry = typeof ally === 'number' ? draft.allies[ally] : draft.allies.find((a) => a.code === ally);
  if (entry !== undefined) entry.defaulted = false;
}

/** A value that comes back to the file's gets the file's source and note back too. */
function replaceParam(item: ParameterItem, before: Param, after: Param, original: Scenario, editedIn: EditedIn | undefined): ItemAction | undefined {
  if (JSON.stringify(after.dist) === JSON.stringify(before.dist)) return undefined;
  const inFile = originalParam(original, item);
  const edited = inFile !== undefined && JSON.stringify(inFile.dist) === JSON.stringify(after.dist) ? inFile : markEdited(before, after, editedIn);
  return {
    type: 'edit',
    label: `${itemName(item)} ${describeDistribution(before.dist)} → ${describeDistribution(after.dist)}`,
    recipe: (draft) => {
      setAt(draft, item.path, edited);
      claimOwner(draft, item);
    },
  };
}

function originalParam(original: Scenario, item: ParameterItem): Param | undefined {
  try {
    return valueAt(original, item.path) as Param | undefined;
  } catch {
    return undefined;
  }
}

/** ←/→: one step (or a big step) down or up. Undefined when nothing would change. */
function stepItem(s: Scenario, original: Scenario, item: ParameterItem, direction: 1 | -1, big: boolean, editedIn: EditedIn | undefined): ItemAction | undefined {
  if (item.kind === 'number') return shiftItem(s, original, item, direction * (big ? item.range.bigStep : item.range.step), editedIn);
  return toggleItem(s, item);
}

/** A number moved by `by`, within its range. */
function shiftItem(s: Scenario, original: Scenario, item: ParameterItem, by: number, editedIn: EditedIn | undefined): ItemAction | undefined {
  if (item.kind !== 'number') return undefined;
  const before = valueAt(s, item.path) as Param;
  return replaceParam(item, before, shiftParam(before, by, item.range), original, editedIn);
}

/** Enter: an exact value (a distribution becomes that fixed value). */
function setItemValue(s: Scenario, original: Scenario, item: ParameterItem, value: number, editedIn: EditedIn | undefined): ItemAction | undefined {
  if (item.kind !== 'number') return undefined;
  const before = valueAt(s, item.path) as Param;
  return replaceParam(item, before, exactParam(before, value), original, editedIn);
}

/** Space: a rule or event on/off, an Ally's objection veto/holdout. */
function toggleItem(s: Scenario, item: ParameterItem): ItemAction | undefined {
  if (item.kind === 'number') return undefined;
  const before = valueAt(s, item.path);
  const after = item.kind === 'switch' ? !before : before === 'veto' ? 'holdout' : 'veto';
  const shown = (v: unknown) => (v === true ? 'on' : v === false ? 'off' : String(v));
  return {
    type: 'edit',
    label: `${itemName(item)} ${shown(before)} → ${shown(after)}`,
    recipe: (draft) => {
      setAt(draft, item.path, after);
      claimOwner(draft, item);
    },
  };
}

/** x: back to the value in the file it was opened from. */
function restoreItem(s: Scenario, original: Scenario, item: ParameterItem): ItemAction | undefined {
  const before = valueAt(s, item.path);
  const value = item.kind === 'number' ? originalParam(original, item) : valueAt(original, item.path);
  if (value === undefined || JSON.stringify(before) === JSON.stringify(value)) return undefined;
  return { type: 'edit', label: `${itemName(item)} restored`, recipe: (draft) => setAt(draft, item.path, value) };
}
