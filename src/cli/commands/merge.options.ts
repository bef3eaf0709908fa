import type { FlagsOf } from '../command-spec.js';
import { csv, json, output } from '../common-options.js';

/** `article10 merge`: its options, and the flags its work receives (the command is declared in merge.command.ts). */
export const options = {
  json: json(),
  csv: csv('print CSV'),
  ...output(),
};

export type MergeFlags = FlagsOf<typeof options>;
