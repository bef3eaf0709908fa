import { argument, defineCommand } from '../command-spec.js';
import { options } from './rewrite.options.js';

/** `article10 rewrite`: its arguments and options; the work is in rewrite.ts. */
export const rewriteSpec = defineCommand({
  name: 'rewrite',
  summary: 'the least rewrite of history that reaches a target: parameters moved in units of their uncertainty, rules and events switched',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  helpAfter: '\nExamples:\n  article10 rewrite russia-1990 --target "joined>=0.3"\n  article10 rewrite russia-2000 --target "vetoed<=0.5" --allow "allies.*" --max-changes 3 --save less-veto.yaml',
  action: async ([file], flags) => (await import('./rewrite.js')).rewriteCommand(file, flags),
});
