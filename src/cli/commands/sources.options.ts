import type { FlagsOf } from '../command-spec.js';
import { json } from '../common-options.js';

/** `article10 sources`: its options, and the flags its work receives (the command is declared in sources.command.ts). */
export const options = { json: json('print as JSON') };

export type SourcesFlags = FlagsOf<typeof options>;
