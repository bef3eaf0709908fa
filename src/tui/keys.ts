/** Every screen of the explorer; screens/table.tsx gives each its component, keys and hints. */
export type ScreenName = 'explore' | 'explain' | 'debate' | 'rewrite' | 'front' | 'picker' | 'team' | 'projector' | 'help';

/**
 * The vocabulary of the UI's keys: what a key binding says, the keys that work everywhere, and
 * how the help screen and the hint line are read from the table of screens (screens/table.tsx).
 * A key is written once, in its screen's entry; its handler is the screen's component, or the
 * App for a binding with `to` (a jump) or `act`.
 */

/** What the App does itself for a key that neither jumps nor belongs to a screen's component. */
export type AppAction = 'pin' | 'save';

/** An entry of the hint line; `order` is its place there (1 first), as the most useful go first and stay when the terminal is narrow. */
export interface Hint {
  readonly text: string;
  readonly order: number;
}

export interface KeyBinding {
  /** As the help screen shows them. */
  readonly keys: string;
  readonly does: string;
  readonly hints?: readonly Hint[];
  /** The input the App acts on (for a binding with `to` or `act`); the screen's component handles the others. */
  readonly press?: string;
  /** The screen this key opens. */
  readonly to?: ScreenName;
  readonly act?: AppAction;
}

/** A screen's keys: its section of the help (when it has a title) and its hint line. */
export interface ScreenKeys {
  /** The heading of its keys in the help; without one they are not listed there. */
  readonly title?: string;
  readonly keys: readonly KeyBinding[];
  /** Where Esc goes; the hint line then says `Esc back`. */
  readonly back?: ScreenName;
}

export type ScreenTable = Readonly<Record<ScreenName, ScreenKeys>>;

/** Keys on every screen; the App handles them. */
export const GLOBAL_KEYS: readonly KeyBinding[] = [
  { keys: '?', does: 'this help', press: '?', to: 'help', hints: [{ text: '? help', order: 1 }] },
  { keys: 'q, Ctrl-C', does: 'quit (asks first if there are unsaved changes; Ctrl-C twice does not)', hints: [{ text: 'q quit', order: 2 }] },
  { keys: 'Esc', does: 'back to the parameters (or the debate view); cancel a prompt' },
];

const BACK_HINT = 'Esc back';

export const HELP_NOTES: readonly string[] = [
  'Values. A fixed value moves by the step. A distribution (shown ~0.25: its central value) moves as a whole: its range and peak shift together and stop at the edge of what the parameter allows; a beta moves its mean, a Bernoulli its p. Enter replaces a distribution by the fixed value you type. A value you change becomes your assumption: its source is set to "assumption" and its note keeps what it was and where that came from. Values that differ from the file are marked *.',
  'Runs. Every change re-runs the scenario in worker threads: a quick estimate first, then refined. The seed never changes, so two versions of a scenario meet the same chances in the same branches: the change you see is the effect of your edit, not noise. Pin a baseline (p) to see each outcome\'s change next to it; a bold change is larger than the two 95% intervals\' half-widths together. The pin stays when you switch decision points (d), so a counterfactual can be compared with the baseline it rewrites.',
  'Debate and rewrite. c runs team A and team B on the same branches (common random numbers), a quick estimate then refined: each outcome\'s share for both, the difference B − A with its paired 95% interval (bold when it excludes 0), the funnel stage where they part and the assumptions that differ. The rewrite distance on the status line measures how far the scenario on screen travels from the history it rewrites: each changed value in units of its documented uncertainty, plus one per rule or event switched (w lists them). A counterfactual is measured from its baseline: file, a historical file from itself as opened, so your edits are the rewrite.',
  'What would it take. f searches for the least rewrite of the scenario on screen that reaches a target (joined >= 30% until t sets another: any outcome or stage, >= or <= a share): each value moved in units of its documented uncertainty, each rule or event switched costing 1, every candidate run on the same branches. The Pareto front of distance against the share shows as a table; Enter applies the chosen point as one edit, which u undoes. It is a quick search (200 branches an evaluation, a narrower beam); `npx article10 rewrite` searches wider and checks the answer on fresh seeds.',
  'Saving. s writes only what you changed: the file says `extends:` the scenario it came from (a relative path, or bundled:<id>) and lists the changed values. Run it with `npx article10 run <file>` or open it again with `npx article10 tui <file>`.',
];

export interface HelpSection {
  readonly title: string;
  readonly keys: readonly KeyBinding[];
}

/** The help's sections: the keys that work everywhere, then each titled screen's, in the table's order. */
export function helpSections(screens: ScreenTable): HelpSection[] {
  const titled = Object.values(screens).flatMap((s) => (s.title === undefined ? [] : [{ title: s.title, keys: s.keys }]));
  return [{ title: 'Everywhere', keys: GLOBAL_KEYS }, ...titled];
}

/** The App's binding for `input` on `screen`: a global one or the screen's own, never a jump to where it is. */
export function appBinding(screens: ScreenTable, screen: ScreenName, input: string): KeyBinding | undefined {
  return [...GLOBAL_KEYS, ...screens[screen].keys].find((k) => k.press === input && (k.to !== undefined || k.act !== undefined) && k.to !== screen);
}

/**
 * As many of the screen's hints as fit in `width`, in order, then the ways out, which are never
 * dropped: `Esc back` where Esc goes back, then `? help  q quit`.
 */
export function hintLine(screens: ScreenTable, screen: ScreenName, width: number): string {
  const entry = screens[screen];
  const hints = [...entry.keys.flatMap((k) => k.hints ?? [])].sort((a, b) => a.order - b.order).map((h) => h.text);
  // No hint for a key that would open the screen already shown (`?` on the help).
  const global = GLOBAL_KEYS.filter((k) => k.to !== screen).flatMap((k) => k.hints ?? []).map((h) => h.text);
  const tail = [...(entry.back === undefined ? [] : [BACK_HINT]), ...global].join('  ');
  let line = '';
  for (const hint of hints) {
    const next = line === '' ? hint : `${line}  ${hint}`;
    if (next.length + 2 + tail.length > width) break;
    line = next;
  }
  return line === '' ? tail : `${line}  ${tail}`;
}
