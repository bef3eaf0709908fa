import type { FlagsOf } from '../command-spec.js';
import { json, set } from '../common-options.js';

/** `article10 validate`: its options, and the flags its work receives (the command is declared in validate.command.ts). */
export const options = {
  set: set(),
  json: json('print the reports as JSON'),
};

export type ValidateFlags = FlagsOf<typeof options>;
