import { defineCommand, type FlagsOf } from '../command-spec.js';
import { output } from '../common-options.js';

const options = { ...output('write to a file instead of stdout') };

export type SchemaFlags = FlagsOf<typeof options>;

/** `article10 schema`: its options; the work is in schema.ts. */
export const schemaSpec = defineCommand({
  name: 'schema',
  summary: 'print the JSON Schema of scenario files (for editors)',
  arguments: [],
  options,
  action: async (_args, flags) => (await import('./schema.js')).schemaCommand(flags),
});
