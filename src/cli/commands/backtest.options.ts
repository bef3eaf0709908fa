import { flag, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, yes } from '../common-options.js';

/** `article10 backtest`: its options, and the flags its work receives (the command is declared in backtest.command.ts). */
export const options = {
  runs: runs(),
  seed: seed(),
  yes: yes(),
  json: json('print the scores as JSON'),
  misses: flag('--no-misses', 'skip where the misses stood at the end of the observed year (a second run of each case, stopped there)'),
  rewrite: flag('--rewrite', 'for each case given less than even odds, search the least rewrite of its inputs that reproduces it (a rewrite search per miss)'),
  ...output('write to a file instead of stdout'),
};

export type BacktestFlags = FlagsOf<typeof options>;
