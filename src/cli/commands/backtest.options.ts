import type { FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, yes } from '../common-options.js';

/** `article10 backtest`: its options, and the flags its work receives (the command is declared in backtest.command.ts). */
export const options = {
  runs: runs(),
  seed: seed(),
  yes: yes(),
  json: json('print the scores as JSON'),
  ...output('write to a file instead of stdout'),
};

export type BacktestFlags = FlagsOf<typeof options>;
