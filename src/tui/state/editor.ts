import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { Scenario } from '../../model/scenario.js';
import { editedTitle } from '../../scenario/edited-title.js';
import type { EditedIn } from './edits.js';
import { changeItem, type Change, type ItemAction } from './item-actions.js';
import { itemsOf } from './parameters.js';
import { moveSelection, type Move } from './selection.js';

enablePatches();

/** One undoable edit: the immer patches that made it and the ones that take it back. */
export interface Edit {
  readonly id: number;
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
}

/**
 * The scenario being edited, with undo/redo as stacks of immer patches. Every edit is a
 * recipe on a draft; its patches and their inverse are kept, so undo and redo replay them
 * exactly and the dirty marker compares positions in the history, not whole scenarios.
 */
export interface EditorState {
  readonly scenario: Scenario;
  /** As opened: what "restore" goes back to; values that differ from it are marked. */
  readonly original: Scenario;
  /** The file it was opened from: a save lists the differences from it. */
  readonly file: string;
  /** Where it was last saved (the default for the next save). */
  readonly savedTo?: string;
  readonly warnings: readonly string[];
  readonly undo: readonly Edit[];
  readonly redo: readonly Edit[];
  /** Id of the edit on top of the undo stack at the last load or save (0: none). */
  readonly savedAt: number;
  readonly nextId: number;
  /** What the last action did, for the status line. */
  readonly note?: string;
  /**
   * Key of the selected parameter. Kept here, not in a component, so keys typed faster than
   * the screen redraws each act on the selection the key before them left.
   */
  readonly selected?: string;
  /** Where the edits are made, as edited values' notes name it (default: the TUI). */
  readonly editedIn?: EditedIn;
}

export type EditorAction =
  | ItemAction
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'saved'; readonly to: string; readonly id: string; readonly note: string }
  /** `shownAs`: the file as messages name it (default: `file`). */
  | { readonly type: 'open'; readonly scenario: Scenario; readonly file: string; readonly warnings: readonly string[]; readonly shownAs?: string }
  | { readonly type: 'select'; readonly move: Move }
  /** Changes the selected parameter, or the one named by `key` (a prompt opened for it). */
  | { readonly type: 'change'; readonly change: Change; readonly key?: string };

/** The selected parameter (the first when nothing is selected yet). */
export function selectedItem(state: EditorState) {
  const items = itemsOf(state.scenario);
  return items.find((i) => i.key === state.selected) ?? items[0];
}

export function openEditor(scenario: Scenario, file: string, warnings: readonly string[] = [], editedIn?: EditedIn): EditorState {
  return { scenario, original: scenario, file, warnings, undo: [], redo: [], savedAt: 0, nextId: 1, ...(editedIn !== undefined && { editedIn }) };
}

/**
 * The title to show for the scenario on screen: "(edited)" once an edit is in place, so numbers
 * on screen, and on a projector, are never read as the historical file's.
 */
export function shownTitle(state: EditorState): string {
  return state.undo.length > 0 ? editedTitle(state.scenario.title) : state.scenario.title;
}

export function isDirty(state: EditorState): boolean {
  return (state.undo[state.undo.length - 1]?.id ?? 0) !== state.savedAt;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit': {
      const [scenario, patches, inverse] = produceWithPatches(state.scenario, action.recipe);
      if (patches.length === 0) return state;
      const edit: Edit = { id: state.nextId, label: action.label, patches, inverse };
      return { ...state, scenario, undo: [...state.undo, edit], redo: [], nextId: state.nextId + 1, note: action.label };
    }
    case 'undo': {
      const edit = state.undo[state.undo.length - 1];
      if (edit === undefined) return { ...state, note: 'nothing to undo' };
      return {
        ...state,
        scenario: applyPatches(state.scenario, edit.inverse as Patch[]),
        undo: state.undo.slice(0, -1),
        redo: [...state.redo, edit],
        note: `undid: ${edit.label}`,
      };
    }
    case 'redo': {
      const edit = state.redo[state.redo.length - 1];
      if (edit === undefined) return { ...state, note: 'nothing to redo' };
      return {
        ...state,
        scenario: applyPatches(state.scenario, edit.patches as Patch[]),
        undo: [...state.undo, edit],
        redo: state.redo.slice(0, -1),
        note: `redid: ${edit.label}`,
      };
    }
    case 'saved': {
      // The saved file names itself; undo history stays (its patches never touch the id). The
      // title stays: the saved one is it marked "(edited)" as the screen marks it while an edit is
      // in place, so undoing every edit shows, and saves, the title unmarked.
      const scenario = { ...state.scenario, id: action.id };
      return { ...state, scenario, savedTo: action.to, savedAt: state.undo[state.undo.length - 1]?.id ?? 0, note: action.note };
    }
    case 'open':
      return { ...openEditor(action.scenario, action.file, action.warnings, state.editedIn), nextId: state.nextId, note: `opened ${action.shownAs ?? action.file}` };
    case 'note':
      return { ...state, note: action.note };
    case 'select':
      return { ...state, selected: moveSelection(itemsOf(state.scenario), selectedItem(state)?.key, action.move) };
    case 'change': {
      const item = action.key === undefined ? selectedItem(state) : itemsOf(state.scenario).find((i) => i.key === action.key);
      if (item === undefined) return state;
      return editorReducer(state, changeItem(state.scenario, state.original, item, action.change, state.editedIn));
    }
  }
}
