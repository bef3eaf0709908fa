import type { FlagsOf } from '../command-spec.js';
import { csv, json, output, percent, runs, seed, set, yes } from '../common-options.js';

/** `article10 compare`: its options, and the flags its work receives (the command is declared in compare.command.ts). */
export const options = {
  runs: runs(),
  seed: seed(),
  set: set(),
  yes: yes(),
  json: json(),
  csv: csv('print one CSV row per outcome and funnel stage'),
  percent: percent(),
  ...output(),
};

export type CompareFlags = FlagsOf<typeof options>;
