import { WORK_LIMITS } from '../../batch/work-limits.js';
import { listOption, valueOption, type FlagsOf } from '../command-spec.js';
import { json, noSwitches, output, runs, seed, set, workers, yes } from '../common-options.js';
import { countOption } from '../options.js';

/** `article10 discover`: its options, and the flags its work receives (the command is declared in discover.command.ts). */
export const options = {
  outcome: valueOption('--outcome <outcome>', 'the outcome to find boxes for (joined, vetoed, ...) or a stage reached (applied, invited, ...)', undefined, 'joined'),
  target: valueOption('--target <target>', 'instead: boxes of the vectors that meet a target, as rewrite reads it, e.g. "joined>=0.3" or "vetoed<=50%"'),
  samples: valueOption('--samples <M>', 'parameter vectors of the Latin hypercube', countOption('--samples', 10, WORK_LIMITS.maxDiscoverSamples), 600),
  runs: runs('branches per parameter vector', 200),
  seed: seed(),
  boxes: valueOption('--boxes <K>', 'boxes to find, each among the vectors the earlier ones left', countOption('--boxes', 1, 20), 2),
  range: listOption('--range <path=lo:hi>', "the range to sample a parameter over (replaces its distribution's; repeatable)"),
  switches: noSwitches(),
  workers: workers('all cores for long analyses'),
  set: set(),
  yes: yes(),
  json: json(),
  ...output(),
};

export type DiscoverFlags = FlagsOf<typeof options>;
