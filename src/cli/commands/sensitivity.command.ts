import { argument, defineCommand, listOption, valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, set, workers, yes } from '../common-options.js';
import { countOption, parseRuns } from '../options.js';

const options = {
  outcome: valueOption('--outcome <outcome>', 'the share to explain: an outcome (joined, vetoed, no_application, ...) or a stage reached (applied, invited, ...)', undefined, 'joined'),
  runs: runs('branches per run (each end of each swing)', 2000),
  seed: seed(),
  range: listOption('--range <path=lo:hi>', "the range to move a parameter over (replaces its distribution's; repeatable)"),
  top: valueOption('--top <K>', 'rows to show', countOption('--top', 1, 10_000), 15),
  trajectories: valueOption('--trajectories <r>', 'Morris trajectories (0: no global method)', countOption('--trajectories', 0, 1000), 8),
  morrisRuns: valueOption('--morris-runs <N>', 'branches per Morris point (default: a quarter of --runs, at least 500)', parseRuns),
  workers: workers('all cores for long analyses'),
  set: set(),
  yes: yes(),
  json: json(),
  ...output(),
};

export type SensitivityFlags = FlagsOf<typeof options>;

/** `article10 sensitivity`: its arguments and options; the work is in sensitivity.ts. */
export const sensitivitySpec = defineCommand({
  name: 'sensitivity',
  summary: 'which assumption matters most: one-at-a-time swings as a tornado, plus Morris elementary effects',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./sensitivity.js')).sensitivityCommand(file, flags),
});
