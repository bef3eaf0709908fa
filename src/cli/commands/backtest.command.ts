import { argument, defineCommand, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, yes } from '../common-options.js';

const options = {
  runs: runs(),
  seed: seed(),
  yes: yes(),
  json: json('print the scores as JSON'),
  ...output('write to a file instead of stdout'),
};

export type BacktestFlags = FlagsOf<typeof options>;

/** `article10 backtest`: its arguments and options; the work is in backtest.ts. */
export const backtestSpec = defineCommand({
  name: 'backtest',
  summary: 'run real accession cases (scenarios/backtests/) and score the forecasts against what happened',
  arguments: [argument('[case...]', 'backtest files or bundled case names (default: every file in scenarios/backtests/)')],
  options,
  action: async ([files], flags) => (await import('./backtest.js')).backtestCommand(files, flags),
});
