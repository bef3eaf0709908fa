import { WORK_LIMITS } from '../../batch/work-limits.js';
import { argument, defineCommand, listOption, readsFile, valueOption, type FlagsOf } from '../command-spec.js';
import { csv, json, output, runs, seed, set, shard, workers, yes } from '../common-options.js';
import { countOption } from '../options.js';

const options = {
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

/** `article10 sweep`: its arguments and options; the work is in sweep.ts. */
export const sweepSpec = defineCommand({
  name: 'sweep',
  summary: 're-run a scenario over a grid (or a Latin hypercube) of parameter values, one row per point',
  arguments: [argument('[scenario]', 'scenario file or bundled name (or give --experiment)')],
  options,
  helpAfter:
    '\nExamples:\n  article10 sweep russia-1990-common-home --vary allies.US.consent=0.2:0.8:3 --vary process.cohesion=0.2:0.8:2\n' +
    '  article10 sweep russia-2000 --vary candidate.interest=0.05:0.5 --samples 40 --csv --out lhs.csv\n' +
    '  article10 sweep --experiment study.yaml     (scenario:, vary: [{path, from, to, steps}], samples:, runs:, seed:, set:)',
  action: async ([file], flags, given) => (await import('./sweep.js')).sweepCommand(file, flags, given),
});
