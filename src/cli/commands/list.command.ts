import { defineCommand } from '../command-spec.js';
import { options } from './list.options.js';

/** `article10 list`: its options; the work is in list.ts. */
export const listSpec = defineCommand({
  name: 'list',
  summary: 'list the bundled scenarios and their decision points',
  arguments: [],
  options,
  action: async (_args, flags) => (await import('./list.js')).listCommand(flags),
});
