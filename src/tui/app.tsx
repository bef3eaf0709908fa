import { Box, Text, useApp } from 'ink';
import { useReducer, useRef, useState } from 'react';
import type { Scenario } from '../model/scenario.js';
import { terminalText } from '../report/safe-text.js';
import { StatusLine } from './components/status-line.js';
import { useBaseline } from './hooks/use-baseline.js';
import { useFileActions } from './hooks/use-file-actions.js';
import { KeyRouterContext, useKeyRouter, useKeys } from './hooks/use-keys.js';
import { useLiveResults } from './hooks/use-live-results.js';
import { usePrompt } from './hooks/use-prompt.js';
import { useRewrite } from './hooks/use-rewrite.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { appBinding, hintLine, type AppAction } from './keys.js';
import { PromptBar, problemBelow } from './prompt.js';
import { DebateRunner } from '../analysis/compare/debate-runner.js';
import { parseTarget, type Target } from '../analysis/rewrite-search/target.js';
import type { FrontCache } from './hooks/use-front.js';
import type { LiveRunner } from '../batch/live-runner.js';
import type { Team, TeamName } from './screens/debate.js';
import { SCREENS, type ScreenContext, type ScreenName } from './screens/table.js';
import { editorReducer, isDirty, openEditor, shownTitle } from './state/editor.js';
import { wrapText } from '../report/wrap.js';
import { fitTitle, spread } from './text.js';
import type { Workspace } from './workspace.js';

export interface AppProps {
  /**
   * The file as opened; with `sets`, the command line's --set values, made the first edit on it
   * (marked, counted in the rewrite and in a save, undone with u) rather than part of the file.
   */
  readonly opened: { readonly scenario: Scenario; readonly file: string; readonly warnings: readonly string[]; readonly sets?: { readonly scenario: Scenario; readonly label: string } };
  /** A second scenario from the command line: team A of the debate view, against the one on screen. */
  readonly teamA?: { readonly scenario: Scenario; readonly file: string };
  readonly runner: LiveRunner;
  readonly workspace: Workspace;
  /** Open on this screen (`tui --big`: the projector view). */
  readonly screen?: ScreenName;
  /** Told once, as the app exits, what to print on the restored terminal. */
  readonly onExit?: (farewell: string) => void;
}

/** What "what would it take?" (f) asks for until another target is set. */
const DEFAULT_TARGET: Target = (() => {
  const parsed = parseTarget('joined>=0.3');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.target;
})();

const HEADER = 'article10 · ';
const UNSAVED = '● unsaved';

/** Rows under a prompt for why an answer was refused: a target's list of outcomes and stages takes three at 80 columns. */
const MAX_PROBLEM_ROWS = 3;

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

export function App({ opened, teamA: opposing, runner, workspace, screen: first, onExit }: AppProps) {
  const { exit } = useApp();
  const keys = useKeyRouter();
  const { columns, rows } = useTerminalSize();
  const [editor, dispatch] = useReducer(editorReducer, opened, (o) => {
    const plain = openEditor(o.scenario, o.file, o.warnings);
    const sets = o.sets;
    const state = sets === undefined ? plain : editorReducer(plain, { type: 'edit', recipe: () => sets.scenario, label: sets.label });
    if (opposing === undefined) return state;
    return { ...state, note: `debate (c): team A ${workspace.displayPath(opposing.file)} against team B, the scenario on screen` };
  });
  const live = useLiveResults(runner, editor.scenario, editor.warnings);
  const [screen, setScreen] = useState<ScreenName>(first ?? 'explore');
  const [helpReturnsTo, setHelpReturnsTo] = useState<ScreenName>('explore');
  const prompts = usePrompt();
  /** Why the open prompt's last answer was refused. */
  const [refused, setRefused] = useState<{ readonly id: number; readonly problem: string }>();
  const prompt = prompts.open;
  const notify = (note: string) => dispatch({ type: 'note', note });
  const { baseline, pinned, toggle: togglePin } = useBaseline(editor.scenario, live.snapshot, notify);
  const rewrite = useRewrite(workspace, editor, notify);
  const debateRunner = useRef<DebateRunner>(undefined);
  debateRunner.current ??= new DebateRunner({ seed: runner.seed, stages: runner.stages });
  /** Teams chosen from the scenario files in the debate view; unset, the defaults below stand. */
  const [openingTeams] = useState<{ readonly a?: Team; readonly b?: Team }>(() =>
    opposing === undefined ? {} : { a: { scenario: opposing.scenario, role: workspace.displayPath(opposing.file) } },
  );
  const [chosen, setChosen] = useState(openingTeams);
  const [choosing, setChoosing] = useState<TeamName>('a');
  const [frontTarget, setFrontTarget] = useState<Target>(DEFAULT_TARGET);
  const frontCache = useRef<FrontCache>(undefined);
  frontCache.current ??= new WeakMap();
  const quit = (farewell: string) => {
    onExit?.(farewell);
    exit();
  };
  const { beginSave, openFile, requestQuit } = useFileActions({ editor, dispatch, workspace, prompt: prompts, quit, onOpened: () => setScreen('explore') });
  const dirty = isDirty(editor);
  const teamA: Team = chosen.a ?? (pinned !== undefined ? { scenario: pinned, role: 'pinned' } : { scenario: rewrite.reference.scenario, role: rewrite.reference.kind === 'baseline' ? 'baseline' : 'as opened' });
  const teamB: Team = chosen.b ?? { scenario: editor.scenario, role: dirty ? 'edited' : 'on screen' };
  const chooseTeam = async (file: string) => {
    const opened = await workspace.open(file);
    if (!opened.ok) return notify(`cannot open ${workspace.displayPath(file)}: ${opened.problems[0] ?? ''}`);
    setChosen((c) => ({ ...c, [choosing]: { scenario: opened.scenario, role: workspace.displayPath(opened.file) } }));
    // The message line had named the teams as they were.
    notify(`team ${choosing.toUpperCase()}: ${workspace.displayPath(opened.file)}`);
    setScreen('debate');
  };

  const height = rows - 1; // a frame as tall as the terminal makes Ink clear and redraw every time
  const tooSmall = columns < MIN_COLUMNS || height < MIN_ROWS;
  const actions: Record<AppAction, () => void> = { pin: togglePin, save: beginSave };
  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') return requestQuit();
      if (prompt !== undefined) return;
      if (input === 'q') return requestQuit();
      // Hidden, a screen's keys would act unseen.
      if (tooSmall) return;
      const back = SCREENS[screen].back;
      if (key.escape && back !== undefined) return setScreen(back);
      const binding = appBinding(SCREENS, screen, input);
      if (binding?.to === 'help') setHelpReturnsTo(screen);
      if (binding?.to !== undefined) setScreen(binding.to);
      else if (binding?.act !== undefined) actions[binding.act]();
    },
    true,
    keys,
  );

  // Too small, the explorer stays mounted, hidden, laid out at the smallest size it is drawn at:
  // what was on screen (a branch being explained, a value being typed) is there when it grows.
  // An open prompt stays in sight under the notice: the question q asks with unsaved changes.
  const frameColumns = Math.max(columns, MIN_COLUMNS);
  const frameHeight = Math.max(height, MIN_ROWS);
  // A refusal too long for the prompt's line is shown under it, in rows the screen gives up while it shows.
  const problem = prompt !== undefined && refused?.id === prompt.id ? refused.problem : undefined;
  const below = prompt === undefined ? [] : problemBelow(prompt.prompt, problem, columns, 1 + MAX_PROBLEM_ROWS);
  const mainHeight = frameHeight - 4 - below.length;
  const active = prompt === undefined && !tooSmall;
  // Wrapped, within the rows there are: cut to one line, a narrow terminal lost its size and "q quits".
  const tooSmallLines = tooSmall
    ? wrapText(`article10 needs at least ${MIN_COLUMNS}×${MIN_ROWS + 1} characters (this terminal is ${columns}×${rows}); q quits`, columns).slice(0, Math.max(1, height - (prompt === undefined ? 0 : 1 + below.length)))
    : [];
  const context: ScreenContext = {
    editor,
    dispatch,
    live,
    baseline,
    seed: runner.seed,
    workspace,
    rewrite,
    ask: prompts.ask,
    notify,
    openFile,
    debate: {
      runner: debateRunner.current,
      a: teamA,
      b: teamB,
      choosing,
      pick: (team) => {
        setChoosing(team);
        setScreen('team');
      },
      choose: (file) => void chooseTeam(file),
      reset: () => {
        setChosen(openingTeams);
        notify(
          openingTeams.a === undefined
            ? 'teams reset: A is the pin (or the baseline), B the scenario on screen'
            : `teams reset: A is ${openingTeams.a.role}, B the scenario on screen`,
        );
      },
    },
    front: { target: frontTarget, setTarget: setFrontTarget, executors: runner.executors, cache: frontCache.current },
    go: setScreen,
    closeHelp: () => setScreen(helpReturnsTo),
    active,
    width: frameColumns,
    height: mainHeight,
  };
  const message = editor.note ?? (editor.warnings.length > 0 ? `warning: ${editor.warnings[0]}` : '');
  return (
    <KeyRouterContext.Provider value={keys}>
      <Box flexDirection="column" width={columns} height={height} overflow="hidden">
        {tooSmall ? <Text>{tooSmallLines.join('\n')}</Text> : null}
        <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" flexShrink={0}>
          <Text bold wrap="truncate">
            {spread(`${HEADER}${fitTitle(shownTitle(editor), frameColumns - HEADER.length - (dirty ? UNSAVED.length + 1 : 0))}`, dirty ? UNSAVED : '', frameColumns)}
          </Text>
          <Box height={mainHeight} overflow="hidden">
            {SCREENS[screen].render(context)}
          </Box>
        </Box>
        {prompt !== undefined ? (
          <PromptBar
            key={prompt.id}
            prompt={prompt.prompt}
            onDone={() => prompts.close(prompt.id)}
            width={columns}
            refusal={{ problem, set: (p) => setRefused(p === undefined ? undefined : { id: prompt.id, problem: p }), maxRows: 1 + MAX_PROBLEM_ROWS }}
          />
        ) : tooSmall ? null : (
          <Text wrap="truncate" color={message.startsWith('warning') || message.startsWith('cannot') ? 'yellow' : undefined}>
            {message === '' ? ' ' : terminalText(message)}
          </Text>
        )}
        <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" flexShrink={0}>
          <StatusLine scenario={editor.scenario} seed={runner.seed} branches={runner.stages.at(-1)!} live={live} baseline={baseline} rewrite={rewrite.known ? rewrite.distance.score : undefined} width={frameColumns} />
          <Text dimColor wrap="truncate">
            {hintLine(SCREENS, screen, frameColumns)}
          </Text>
        </Box>
      </Box>
    </KeyRouterContext.Provider>
  );
}

/** The App as an element, for callers that load this module lazily and do not import React. */
export function appElement(props: AppProps) {
  return <App {...props} />;
}
