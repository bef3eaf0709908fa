import { argument, defineCommand } from '../command-spec.js';
import { options } from './sweep.options.js';

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
