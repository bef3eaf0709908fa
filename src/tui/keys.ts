/** Every key the UI knows, for the help screen and the hint line. Each screen's handler implements its part. */

export type ScreenName = 'explore' | 'explain' | 'picker' | 'help' | 'debate' | 'rewrite' | 'team';

export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export const KEY_HELP: readonly { readonly title: string; readonly keys: readonly KeyHelp[] }[] = [
  {
    title: 'Everywhere',
    keys: [
      { keys: '?', does: 'this help' },
      { keys: 'q, Ctrl-C', does: 'quit (asks first when there are unsaved changes)' },
      { keys: 'Esc', does: 'back to the parameters; cancel a prompt' },
    ],
  },
  {
    title: 'Parameters and results',
    keys: [
      { keys: '↑ ↓  (k j)', does: 'select a parameter' },
      { keys: 'PgUp PgDn, Home End (g G)', does: 'page, first, last' },
      { keys: 'Tab, Shift-Tab', does: 'next or previous group (Candidate, Preconditions, Allies, Rules, Events)' },
      { keys: '← →  (h l)', does: 'change by one step (0.01; a precondition drift by 0.005)' },
      { keys: 'Shift-← Shift-→  (H L)', does: 'change by ten steps' },
      { keys: 'Enter', does: 'type an exact value (0.35 or 35%); on a rule, event or objection: switch it' },
      { keys: 'Space', does: 'switch a rule or event on/off, an Ally\'s objection veto/holdout' },
      { keys: 'x', does: 'restore the selected value from the file' },
      { keys: 'u, r', does: 'undo, redo' },
      { keys: 'p', does: 'pin the current results as the baseline (again: unpin); outcomes then show their change' },
      { keys: 'c', does: 'debate view: team A (the pin, else the baseline file, else the file as opened) and team B (your edited scenario) side by side on the same branches' },
      { keys: 'w', does: 'the rewrite: every value that differs from the baseline file (without one, from the file as opened), with its size; its score is on the status line' },
      { keys: 'e', does: 'explain a branch' },
      { keys: 'd', does: 'switch decision point (bundled scenarios and files given on the command line)' },
      { keys: 's', does: 'save the changes as a YAML file that extends the original' },
    ],
  },
  {
    title: 'Explain a branch',
    keys: [
      { keys: '↓ ↑  (j k, Space)', does: 'step through the story year by year' },
      { keys: 'Home End  (g G)', does: 'first year, whole story' },
      { keys: 'PgUp PgDn', does: 'scroll the story' },
      { keys: '← →', does: 'previous, next branch' },
      { keys: 'b', does: 'go to a branch by number' },
      { keys: 'o', does: 'find the next branch with a given outcome; f finds the next one again' },
    ],
  },
  {
    title: 'Debate view (c)',
    keys: [
      { keys: 'a, b', does: "choose team A's or team B's scenario from the scenario files" },
      { keys: 'x', does: 'both teams back to the pin (or baseline) and your edited scenario' },
      { keys: '↑ ↓, PgUp PgDn', does: 'scroll the assumptions that differ' },
    ],
  },
  {
    title: 'Rewrite (w)',
    keys: [{ keys: '↑ ↓, PgUp PgDn', does: 'scroll the changes' }],
  },
  {
    title: 'Decision points',
    keys: [
      { keys: '↑ ↓, Enter', does: 'choose and open a scenario' },
    ],
  },
];

export const HELP_NOTES: readonly string[] = [
  'Values. A fixed value moves by the step. A distribution (shown ~0.25: its central value) moves as a whole: its range and peak shift together and stop at the edge of what the parameter allows; a beta moves its mean, a Bernoulli its p. Enter replaces a distribution by the fixed value you type. A value you change becomes your assumption: its source is set to "assumption" and its note keeps what it was and where that came from. Values that differ from the file are marked *.',
  'Runs. Every change re-runs the scenario in worker threads: a quick estimate first, then refined. The seed never changes, so two versions of a scenario meet the same chances in the same branches: the change you see is the effect of your edit, not noise. Pin a baseline (p) to see each outcome\'s change next to it; a bold change is larger than the two 95% intervals\' half-widths together. The pin stays when you switch decision points (d), so a counterfactual can be compared with the baseline it rewrites.',
  'Debate and rewrite. c runs team A and team B on the same branches (common random numbers), a quick estimate then refined: each outcome\'s share for both, the difference B − A with its paired 95% interval (bold when it excludes 0), the funnel stage where they part and the assumptions that differ. The rewrite distance on the status line measures how far the scenario on screen travels from the history it rewrites: each changed value in units of its documented uncertainty, plus one per rule or event switched (w lists them). A counterfactual is measured from its baseline: file, a historical file from itself as opened, so your edits are the rewrite.',
  'Saving. s writes only what you changed: the file says `extends:` the scenario it came from (a relative path, or bundled:<id>) and lists the changed values. Run it with `npx article10 run <file>` or open it again with `npx article10 tui <file>`.',
];

/** The hint line's entries per screen, most useful first; `? help` and `q quit` always end it. */
const HINTS: Readonly<Record<ScreenName, readonly string[]>> = {
  explore: ['←→ change', '⏎ set', '␣ switch', 'u/r undo', 'p pin', 'c compare', 'w rewrite', 'e explain', 's save', 'd scenarios', '↑↓ select'],
  explain: ['↓↑ year', '←→ branch', 'o outcome', 'b number', 'f again', 'Esc back'],
  picker: ['↑↓ select', '⏎ open', 'Esc back'],
  team: ['↑↓ select', '⏎ choose', 'Esc back'],
  debate: ['a/b choose team', 'x reset teams', '↑↓ scroll', 'Esc back'],
  rewrite: ['↑↓ scroll', 'Esc back'],
  help: ['↑↓ scroll', 'any other key: back'],
};

/** As many hints as fit in `width`, in order, then `? help  q quit`. */
export function hintLine(screen: ScreenName, width: number): string {
  const tail = screen === 'help' ? 'q quit' : '? help  q quit';
  let line = '';
  for (const hint of HINTS[screen]) {
    const next = line === '' ? hint : `${line}  ${hint}`;
    if (next.length + 2 + tail.length > width) break;
    line = next;
  }
  return line === '' ? tail : `${line}  ${tail}`;
}
