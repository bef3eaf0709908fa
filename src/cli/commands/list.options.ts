import { flag, type FlagsOf } from '../command-spec.js';
import { json } from '../common-options.js';

/** `article10 list`: its options, and the flags its work receives (the command is declared in list.command.ts). */
export const options = {
  backtests: flag('--backtests', 'list the backtest cases (scenarios/backtests/) instead: real candidacies with what happened'),
  json: json('print as JSON'),
};

export type ListFlags = FlagsOf<typeof options>;
