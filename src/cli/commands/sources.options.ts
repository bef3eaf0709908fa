import { readsFile, valueOption, type FlagsOf } from '../command-spec.js';
import { json } from '../common-options.js';

/** `article10 sources`: its options, and the flags its work receives (the command is declared in sources.command.ts). */
export const options = {
  scenario: readsFile(valueOption('--scenario <file>', 'also the sources a scenario file defines under `sources:` (R1, R2 ...), which its stories cite')),
  json: json('print as JSON'),
};

export type SourcesFlags = FlagsOf<typeof options>;
