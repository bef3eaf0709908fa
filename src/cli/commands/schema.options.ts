import type { FlagsOf } from '../command-spec.js';
import { output } from '../common-options.js';

/** `article10 schema`: its options, and the flags its work receives (the command is declared in schema.command.ts). */
export const options = { ...output('write to a file instead of stdout') };

export type SchemaFlags = FlagsOf<typeof options>;
