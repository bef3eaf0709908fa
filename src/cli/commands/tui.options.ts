import { flag, type FlagsOf } from '../command-spec.js';
import { MAX_EXPLORER_BRANCHES, REFINED_BRANCHES } from '../../batch/stages.js';
import { integer } from '../../report/format.js';
import { optionalRuns, seed, set } from '../common-options.js';
import { DEFAULT_RUNS } from '../options.js';

/** `article10 tui`: its options, and the flags its work receives (the command is declared in tui.command.ts). */
export const options = {
  // As many as a handout's (report, kit: 20,000) or a run's make the screen match it.
  runs: optionalRuns(
    `branches of each refined estimate, after a quick one (default ${integer(REFINED_BRANCHES)}, at most ${integer(MAX_EXPLORER_BRANCHES)} in the explorer); without a terminal, of the summary printed instead (default ${integer(DEFAULT_RUNS)})`,
  ),
  seed: seed(),
  set: set(),
  big: flag('--big', 'open on the projector view: the results alone, in large bars, for a class (b in the explorer)'),
};

export type TuiFlags = FlagsOf<typeof options>;
