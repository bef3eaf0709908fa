import { flag, type FlagsOf } from '../command-spec.js';
import { seed, set } from '../common-options.js';

/** `article10 tui`: its options, and the flags its work receives (the command is declared in tui.command.ts). */
export const options = {
  seed: seed(),
  set: set(),
  big: flag('--big', 'open on the projector view: the results alone, in large bars, for a class (b in the explorer)'),
};

export type TuiFlags = FlagsOf<typeof options>;
