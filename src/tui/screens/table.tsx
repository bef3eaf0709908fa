import type { ReactElement } from 'react';
import type { Results } from '../../model/results.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import type { Rewrite } from '../hooks/use-rewrite.js';
import { helpSections, type KeyBinding, type ScreenKeys, type ScreenName } from '../keys.js';
import type { Prompt } from '../prompt.js';
import type { DebateRunner } from '../../analysis/compare/debate-runner.js';
import { shownTitle, type EditorAction, type EditorState } from '../state/editor.js';
import { PARAMETER_GROUPS } from '../state/parameters.js';
import type { Workspace } from '../workspace.js';
import { DebateScreen, type Team, type TeamName } from './debate.js';
import { ExplainScreen } from './explain.js';
import { ExploreScreen } from './explore.js';
import { HelpScreen } from './help.js';
import { PickerScreen, type PickerScreenProps } from './picker.js';
import { FrontScreen } from './front.js';
import { RewriteScreen } from './rewrite.js';
import { ProjectorScreen } from './projector.js';
import type { Target } from '../../analysis/rewrite-search/target.js';
import type { Executor } from '../../batch/executors.js';
import type { FrontCache } from '../hooks/use-front.js';

export type { ScreenName };

/** The screens, each an entry of SCREENS below. */

/** What every screen may draw from: the App's state and what it can be asked to do. */
export interface ScreenContext {
  readonly editor: EditorState;
  readonly dispatch: (action: EditorAction) => void;
  readonly live: LiveResults;
  readonly baseline?: Results;
  readonly seed: string;
  readonly workspace: Workspace;
  readonly rewrite: Rewrite;
  readonly ask: (prompt: Prompt) => void;
  readonly notify: (note: string) => void;
  /** Open a scenario file in place of the one on screen. */
  readonly openFile: (file: string) => void;
  readonly debate: {
    readonly runner: DebateRunner;
    readonly a: Team;
    readonly b: Team;
    /** The team whose scenario the team picker chooses. */
    readonly choosing: TeamName;
    readonly pick: (team: TeamName) => void;
    readonly choose: (file: string) => void;
    readonly reset: () => void;
  };
  /** The "what would it take?" search: its target, where it runs and what it found before. */
  readonly front: {
    readonly target: Target;
    readonly setTarget: (target: Target) => void;
    readonly executors: readonly Executor[];
    readonly cache: FrontCache;
  };
  readonly go: (screen: ScreenName) => void;
  /** Back to the screen the help was opened from. */
  readonly closeHelp: () => void;
  /** False while a prompt has the keys. */
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** The scenario files on offer, to open one (d) or to choose a debate team's (a, b). */
function scenarioFiles(c: ScreenContext, use: Pick<PickerScreenProps, 'title' | 'onOpen' | 'onClose'>): ReactElement {
  return <PickerScreen {...use} workspace={c.workspace} currentFile={c.editor.file} savedTo={c.editor.savedTo} active={c.active} width={c.width} height={c.height} />;
}

function scenarioFileKeys(does: string, enter: string): KeyBinding[] {
  return [{ keys: '↑ ↓, Enter', does, hints: [{ text: '↑↓ select', order: 1 }, { text: `⏎ ${enter}`, order: 2 }] }];
}

export interface ScreenEntry extends ScreenKeys {
  readonly render: (c: ScreenContext) => ReactElement;
}

/**
 * Every screen of the UI: what it draws and its keys (for the help and the hint line). The
 * order is the help's. A screen missing here does not compile.
 */
export const SCREENS: Readonly<Record<ScreenName, ScreenEntry>> = {
  explore: {
    title: 'Parameters and results',
    render: (c) => (
      <ExploreScreen editor={c.editor} dispatch={c.dispatch} live={c.live} baseline={c.baseline} ask={c.ask} active={c.active} width={c.width} height={c.height} />
    ),
    keys: [
      { keys: '↑ ↓  (k j)', does: 'select a parameter', hints: [{ text: '↑↓ select', order: 11 }] },
      { keys: 'PgUp PgDn, Home End (g G)', does: 'page, first, last' },
      { keys: 'Tab, Shift-Tab', does: `move by group (${PARAMETER_GROUPS.join(', ')})` },
      { keys: '← →  (h l)', does: 'change by one step (0.01; a precondition drift by 0.005)', hints: [{ text: '←→ change', order: 1 }] },
      { keys: 'Shift-← Shift-→  (H L)', does: 'change by ten steps' },
      { keys: 'Enter', does: 'type an exact value (0.35 or 35%); on a rule, event or objection: switch it', hints: [{ text: '⏎ set', order: 2 }] },
      { keys: 'Space', does: "switch a rule or event on/off, an Ally's objection veto/holdout", hints: [{ text: '␣ switch', order: 8 }] },
      { keys: 'x', does: 'restore the selected value from the file' },
      { keys: 'u, r', does: 'undo, redo', hints: [{ text: 'u/r undo', order: 9 }] },
      { keys: 'p', press: 'p', act: 'pin', does: 'pin the current results as the baseline (again: unpin); outcomes then show their change', hints: [{ text: 'p pin', order: 7 }] },
      {
        keys: 'c',
        press: 'c',
        to: 'debate',
        does: 'debate view: team A (the pin, else the baseline file, else the file as opened) and team B (your edited scenario) side by side on the same branches',
        hints: [{ text: 'c compare', order: 4 }],
      },
      {
        keys: 'w',
        press: 'w',
        to: 'rewrite',
        does: 'the rewrite: every value that differs from the baseline file (without one, from the file as opened), with its size; its score is on the status line',
        hints: [{ text: 'w rewrite', order: 5 }],
      },
      {
        keys: 'f',
        press: 'f',
        to: 'front',
        does: 'what would it take: the least rewrite of the scenario on screen that reaches a target, its front of distance against share; Enter there applies a point as one edit',
        hints: [{ text: 'f what it takes', order: 12 }],
      },
      { keys: 'e', press: 'e', to: 'explain', does: 'explain a branch', hints: [{ text: 'e explain', order: 6 }] },
      { keys: 'b', press: 'b', to: 'projector', does: 'projector view: the results alone, in large bars, for a class (also: tui --big); Esc returns' },
      { keys: 'd', press: 'd', to: 'picker', does: 'switch decision point (bundled scenarios and files given on the command line)', hints: [{ text: 'd scenarios', order: 10 }] },
      { keys: 's', press: 's', act: 'save', does: 'save the changes as a YAML file that extends the original', hints: [{ text: 's save', order: 3 }] },
    ],
  },
  explain: {
    title: 'Explain a branch',
    back: 'explore',
    render: (c) => <ExplainScreen scenario={c.editor.scenario} seed={c.seed} ask={c.ask} notify={c.notify} active={c.active} width={c.width} height={c.height} />,
    keys: [
      { keys: '↓ ↑  (j k, Space)', does: 'step through the story year by year', hints: [{ text: '↓↑ year', order: 1 }] },
      { keys: 'Home End  (g G)', does: 'first year, whole story' },
      { keys: 'PgUp PgDn', does: 'scroll the story' },
      { keys: '← →', does: 'previous, next branch', hints: [{ text: '←→ branch', order: 2 }] },
      { keys: 'b', does: 'go to a branch by number', hints: [{ text: 'b number', order: 4 }] },
      {
        keys: 'o',
        does: 'find the next branch with a given outcome; f finds the next one again',
        hints: [
          { text: 'o outcome', order: 3 },
          { text: 'f again', order: 5 },
        ],
      },
    ],
  },
  debate: {
    title: 'Debate view (c)',
    back: 'explore',
    render: (c) => (
      <DebateScreen runner={c.debate.runner} a={c.debate.a} b={c.debate.b} onPick={c.debate.pick} onReset={c.debate.reset} active={c.active} width={c.width} height={c.height} />
    ),
    keys: [
      { keys: 'a, b', does: "choose team A's or team B's scenario from the scenario files", hints: [{ text: 'a/b choose team', order: 1 }] },
      { keys: 'x', does: 'both teams back to what the view opened with: A the file named on the command line, else the pin (or baseline); B your edited scenario', hints: [{ text: 'x reset teams', order: 2 }] },
      { keys: '↑ ↓, PgUp PgDn', does: 'scroll the assumptions that differ', hints: [{ text: '↑↓ scroll', order: 3 }] },
    ],
  },
  rewrite: {
    title: 'Rewrite (w)',
    back: 'explore',
    render: (c) => <RewriteScreen rewrite={c.rewrite} displayPath={c.workspace.displayPath} active={c.active} width={c.width} height={c.height} />,
    keys: [{ keys: '↑ ↓, PgUp PgDn', does: 'scroll the changes', hints: [{ text: '↑↓ scroll', order: 1 }] }],
  },
  front: {
    title: 'What would it take (f)',
    back: 'explore',
    render: (c) => (
      <FrontScreen
        scenario={c.editor.scenario}
        target={c.front.target}
        onTarget={c.front.setTarget}
        executors={c.front.executors}
        seed={c.seed}
        cache={c.front.cache}
        dispatch={c.dispatch}
        onApplied={() => c.go('explore')}
        ask={c.ask}
        active={c.active}
        width={c.width}
        height={c.height}
      />
    ),
    keys: [
      { keys: '↑ ↓  (k j)', does: 'choose a point of the front', hints: [{ text: '↑↓ choose', order: 1 }] },
      { keys: 'Enter', does: 'apply the chosen point to the scenario on screen as one edit (u undoes it)', hints: [{ text: '⏎ apply', order: 2 }] },
      { keys: 't', does: 'another target: an outcome or stage, >= or <= a share (vetoed<=0.5, applied>=60%)', hints: [{ text: 't target', order: 3 }] },
    ],
  },
  picker: {
    title: 'Decision points',
    back: 'explore',
    render: (c) => scenarioFiles(c, { onOpen: c.openFile, onClose: () => c.go('explore') }),
    keys: scenarioFileKeys('choose and open a scenario', 'open'),
  },
  // The scenario files again, to choose a debate team's.
  team: {
    back: 'debate',
    render: (c) => scenarioFiles(c, { title: `Team ${c.debate.choosing.toUpperCase()}: choose a scenario`, onOpen: c.debate.choose, onClose: () => c.go('debate') }),
    keys: scenarioFileKeys("choose the team's scenario", 'choose'),
  },
  projector: {
    back: 'explore',
    render: (c) => <ProjectorScreen title={shownTitle(c.editor)} live={c.live} width={c.width} height={c.height} />,
    keys: [],
  },
  help: {
    render: (c) => <HelpScreen sections={helpSections(SCREENS)} onClose={c.closeHelp} active={c.active} width={c.width} height={c.height} />,
    keys: [
      { keys: '↑ ↓', does: 'scroll the help', hints: [{ text: '↑↓ scroll', order: 1 }] },
      { keys: 'any other key', does: 'back to the screen the help was opened from', hints: [{ text: 'any other key: back', order: 2 }] },
    ],
  },
};
