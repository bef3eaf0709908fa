import { WORK_LIMITS } from '../../batch/work-limits.js';
import { listOption, readsFile, valueOption, type FlagsOf } from '../command-spec.js';
import { csv, json, output, runs, seed, set, shard, workers, yes } from '../common-options.js';
import { countOption } from '../options.js';

/** `article10 sweep`: its options, and the flags its work receives (the command is declared in sweep.command.ts). */
export const options = {
  vary: listOption('--vary <path=from:to:steps>', 'a parameter and its values, e.g. candidate.acceptsStandardPath=0.1:0.9:5 (repeatable)'),
  samples: valueOption('--samples <N>', 'a Latin hypercube of N points instead of the grid (then path=from:to)', countOption('--samples', 1, WORK_LIMITS.maxSweepPoints)),
  runs: runs('branches per point', 20_000),
  seed: seed(),
  set: set(),
  experiment: readsFile(valueOption('--experiment <file>', 'run the sweep an experiment file describes (scenario, vary, samples, runs, seed)')),
  shard: shard(),
  workers: workers('all cores for long sweeps'),
  yes: yes(),
  json: json(),
  csv: csv('print one CSV row per point'),
  ...output(),
};

export type SweepFlags = FlagsOf<typeof options>;

/** The name of a sweep option, as `given` takes it (an experiment file may fix some, which the command line must then leave out). */
export type SweepOption = keyof typeof options;
