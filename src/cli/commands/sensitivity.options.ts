import { listOption, valueOption, type FlagsOf } from '../command-spec.js';
import { json, noSwitches, output, runs, seed, set, workers, yes } from '../common-options.js';
import { branchesOption, countOption } from '../options.js';

/** `article10 sensitivity`: its options, and the flags its work receives (the command is declared in sensitivity.command.ts). */
export const options = {
  outcome: valueOption('--outcome <outcome>', 'the share to explain: an outcome (joined, vetoed, no_application, ...) or a stage reached (applied, invited, ...)', undefined, 'joined'),
  runs: runs('branches per run (each end of each swing)', 2000),
  seed: seed(),
  range: listOption('--range <path=lo:hi>', "the range to move a parameter over (replaces its distribution's; repeatable)"),
  top: valueOption('--top <K>', 'rows to show', countOption('--top', 1, 10_000), 15),
  trajectories: valueOption('--trajectories <r>', 'Morris trajectories (0: no global method)', countOption('--trajectories', 0, 1000), 8),
  morrisRuns: valueOption('--morris-runs <N>', 'branches per Morris point (default: a quarter of --runs, at least 500)', branchesOption('--morris-runs')),
  switches: noSwitches(),
  workers: workers('all cores for long analyses'),
  set: set(),
  yes: yes(),
  json: json(),
  ...output(),
};

export type SensitivityFlags = FlagsOf<typeof options>;
