import { argument, defineCommand } from '../command-spec.js';
import { options } from './backtest.options.js';

/** `article10 backtest`: its arguments and options; the work is in backtest.ts. */
export const backtestSpec = defineCommand({
  name: 'backtest',
  summary: 'run real cases, accessions and candidacies that stalled (scenarios/backtests/), and score the forecasts against what happened',
  arguments: [argument('[case...]', 'backtest files, folders of them (their *.yaml and *.yml files) or bundled case names (default: every file in scenarios/backtests/); each case\'s reference forecast (ref. P) is read from the other cases given with it')],
  options,
  action: async ([files], flags) => (await import('./backtest.js')).backtestCommand(files, flags),
});
