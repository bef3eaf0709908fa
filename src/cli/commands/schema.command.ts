import { defineCommand } from '../command-spec.js';
import { options } from './schema.options.js';

/** `article10 schema`: its options; the work is in schema.ts. */
export const schemaSpec = defineCommand({
  name: 'schema',
  summary: 'print the JSON Schema of scenario files (for editors)',
  arguments: [],
  options,
  action: async (_args, flags) => (await import('./schema.js')).schemaCommand(flags),
});
