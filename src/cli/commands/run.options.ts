import type { FlagsOf } from '../command-spec.js';
import { csv, json, output, percent, runs, seed, set, shard, workers, yes } from '../common-options.js';

/** `article10 run`: its options, and the flags its work receives (the command is declared in run.command.ts). */
export const options = {
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
