import { argument, defineCommand } from '../command-spec.js';
import { options } from './report.options.js';

/** `article10 report`: its arguments and options; the work is in report.ts. */
export const reportSpec = defineCommand({
  name: 'report',
  summary: 'a handout for a class: context, assumptions with sources, charts, the tornado, three stories, questions (Markdown or HTML)',
  arguments: [argument('<scenario>', 'scenario file or bundled name; with --compare, team A\'s')],
  options,
  action: async ([file], flags) => (await import('./report.js')).reportCommand(file, flags),
});
