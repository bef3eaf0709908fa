import { basename } from 'node:path';
import { useEffect, useRef, useState } from 'react';
import type { Prompt } from '../prompt.js';
import { isDirty, type EditorAction, type EditorState } from '../state/editor.js';
import type { Workspace } from '../workspace.js';
import type { OpenPrompt } from './use-prompt.js';

export interface FileActionsContext {
  readonly editor: EditorState;
  readonly dispatch: (action: EditorAction) => void;
  readonly workspace: Workspace;
  readonly prompt: { readonly open?: OpenPrompt; ask(prompt: Prompt): number };
  /** Ends the app, with what to print on the restored terminal. */
  readonly quit: (farewell: string) => void;
  readonly onOpened: () => void;
}

const QUIT_UNSAVED = 'article10: quit without saving the changes.';

/** Save, open another scenario and quit: each asks first when unsaved changes are at stake. */
export function useFileActions({ editor, dispatch, workspace, prompt, quit, onOpened }: FileActionsContext) {
  const notify = (note: string) => dispatch({ type: 'note', note });
  const dirty = isDirty(editor);
  // A save writes what is on screen when it completes, not what was there when it was asked.
  const latest = useRef(editor);
  latest.current = editor;

  const save = async (target: string, then?: (file: string) => void) => {
    notify(`saving ${workspace.displayPath(target)}…`);
    const { file, scenario } = latest.current;
    const saved = await workspace.save(file, scenario, target);
    if (!saved.ok) return notify(saved.message);
    const what = saved.complete ? 'a complete copy with your changes' : `${saved.changes} change${saved.changes === 1 ? '' : 's'}`;
    dispatch({ type: 'saved', to: saved.file, id: saved.id, note: `saved ${what} to ${workspace.displayPath(saved.file)}` });
    then?.(saved.file);
  };

  const beginSave = (then?: (file: string) => void) => {
    const initial = editor.savedTo ?? workspace.defaultSavePath(editor.file, editor.scenario.id);
    prompt.ask({
      kind: 'text',
      label: 'Save changes to:',
      initial: workspace.displayPath(initial),
      submit: (text) => {
        if (text.trim() === '') return 'type a file name';
        const target = workspace.resolvePath(text.trim());
        if (!/\.ya?ml$/.test(target)) return 'the name must end in .yaml';
        if (target === workspace.resolvePath(editor.file)) return 'that is the file it came from: choose another name';
        const write = () => void save(target, then);
        if (workspace.exists(target) && target !== editor.savedTo) {
          prompt.ask({ kind: 'choice', question: `${basename(target)} exists.`, choices: [{ key: 'y', label: 'overwrite', run: write }, { key: 'n', label: 'cancel', run: () => undefined }] });
        } else write();
        return undefined;
      },
    });
  };

  const openFile = (file: string) => {
    const go = async () => {
      const opened = await workspace.open(file);
      if (!opened.ok) return notify(`cannot open ${basename(file)}: ${opened.problems[0] ?? ''}`);
      dispatch({ type: 'open', scenario: opened.scenario, file: opened.file, warnings: opened.warnings, shownAs: workspace.displayPath(opened.file) });
      onOpened();
    };
    if (!dirty) return void go();
    prompt.ask({ kind: 'choice', question: 'Unsaved changes.', choices: [{ key: 'y', label: 'discard them', run: () => void go() }, { key: 'n', label: 'stay', run: () => undefined }] });
  };

  // q is decided after the render that follows it, so an edit typed just before it counts.
  const [quitRequests, setQuitRequests] = useState(0);
  const quitPromptId = useRef(-1);
  useEffect(() => {
    if (quitRequests === 0) return;
    if (!dirty) return quit(editor.savedTo ? `article10: changes saved in ${editor.savedTo}` : '');
    // Asked already (a second Ctrl-C): quit without saving.
    if (prompt.open?.id === quitPromptId.current) return quit(QUIT_UNSAVED);
    quitPromptId.current = prompt.ask({
      kind: 'choice',
      // A second Ctrl-C is the way out of a program that asks: said, as it discards.
      question: 'Unsaved changes (Ctrl-C again: quit without saving).',
      shortQuestion: 'Unsaved changes.',
      choices: [
        { key: 's', label: 'save, then quit', run: () => beginSave((saved) => quit(`article10: changes saved in ${saved}`)) },
        { key: 'y', label: 'quit without saving', run: () => quit(QUIT_UNSAVED) },
        { key: 'n', label: 'stay', run: () => undefined },
      ],
    });
  }, [quitRequests]); // only a new request asks or quits

  return { beginSave, openFile, requestQuit: () => setQuitRequests((n) => n + 1) };
}
