import type { FlagsOf } from '../command-spec.js';
import { json } from '../common-options.js';

/** `article10 list`: its options, and the flags its work receives (the command is declared in list.command.ts). */
export const options = { json: json('print as JSON') };

export type ListFlags = FlagsOf<typeof options>;
