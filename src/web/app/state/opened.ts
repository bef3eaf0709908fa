import type { Draft } from 'immer';
import type { Scenario } from '../../../model/scenario.js';
import { editorReducer, openEditor, type EditorState } from '../../../tui/state/editor.js';

/** Where the scenario on screen came from. */
export type Origin = { readonly kind: 'bundled'; readonly name: string } | { readonly kind: 'file'; readonly name: string };

/** A scenario as opened, before any edit. */
export interface Opened {
  readonly origin: Origin;
  readonly scenario: Scenario;
  readonly warnings: readonly string[];
  /** What it rewrites (its baseline, else the file it extends): the rewrite distance is measured from it. */
  readonly reference?: { readonly label: string; readonly scenario: Scenario };
}

/**
 * The editor as the page opens: the scenario as opened and, when a link holds changes to it,
 * those changes as one edit, so the values they change are marked, undo takes them back, and
 * "restore" goes back to the bundled file's values.
 */
export function initialEditor(opened: Opened, linked?: Scenario): EditorState {
  const state = openEditor(opened.scenario, opened.origin.name, opened.warnings, 'the web explorer');
  if (linked === undefined) return state;
  return { ...editorReducer(state, { type: 'edit', label: 'changes from the shared link', recipe: replaceWith(linked) }), note: 'opened the changes of a shared link' };
}

/** An edit that makes the scenario `target`, whole (a link's changes, a rewrite found by the search). */
export function replaceWith(target: Scenario): (draft: Draft<Scenario>) => void {
  return (draft) => {
    const d = draft as unknown as Record<string, unknown>;
    for (const key of Object.keys(d)) if (!(key in target)) delete d[key];
    for (const [key, value] of Object.entries(target)) if (JSON.stringify(d[key]) !== JSON.stringify(value)) d[key] = value;
  };
}
