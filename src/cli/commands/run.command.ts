import { argument, defineCommand, type FlagsOf } from '../command-spec.js';
import { csv, json, output, percent, runs, seed, set, shard, workers, yes } from '../common-options.js';

const options = {
  runs: runs(),
  seed: seed(),
  workers: workers('1 for short runs, all cores for long ones'),
  set: set(),
  yes: yes(),
  json: json(),
  csv: csv('print one CSV row per scenario'),
  percent: percent(),
  shard: shard(),
  ...output(),
};

export type RunFlags = FlagsOf<typeof options>;

/** `article10 run`: its arguments and options; the work is in run.ts, loaded when it runs. */
export const runSpec = defineCommand({
  name: 'run',
  summary: 'run scenarios and summarise outcomes, funnel, accession years and blockers',
  arguments: [argument('<scenario...>', 'scenario files, or bundled names such as russia-2000')],
  options,
  action: async ([files], flags) => (await import('./run.js')).runCommand(files, flags),
});
