import { WORK_LIMITS } from '../../batch/work-limits.js';
import { argument, defineCommand, listOption, valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, set, workers, yes } from '../common-options.js';
import { countOption } from '../options.js';

const options = {
  outcome: valueOption('--outcome <outcome>', 'the outcome to find boxes for (joined, vetoed, ...) or a stage reached (applied, invited, ...)', undefined, 'joined'),
  samples: valueOption('--samples <M>', 'parameter vectors of the Latin hypercube', countOption('--samples', 10, WORK_LIMITS.maxDiscoverSamples), 600),
  runs: runs('branches per parameter vector', 200),
  seed: seed(),
  boxes: valueOption('--boxes <K>', 'boxes to find, each among the vectors the earlier ones left', countOption('--boxes', 1, 20), 2),
  range: listOption('--range <path=lo:hi>', "the range to sample a parameter over (replaces its distribution's; repeatable)"),
  workers: workers('all cores for long analyses'),
  set: set(),
  yes: yes(),
  json: json(),
  ...output(),
};

export type DiscoverFlags = FlagsOf<typeof options>;

/** `article10 discover`: its arguments and options; the work is in discover.ts. */
export const discoverSpec = defineCommand({
  name: 'discover',
  summary: 'scenario discovery (PRIM): the simplest boxes of parameter ranges in which an outcome is most likely',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./discover.js')).discoverCommand(file, flags),
});
