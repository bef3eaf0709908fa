import { argument, defineCommand, valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, seed, set } from '../common-options.js';
import { parseBranch } from '../options.js';

const options = {
  branch: valueOption('-b, --branch <K>', 'branch number (as in a run with the same seed)', parseBranch),
  outcome: valueOption('--outcome <outcome>', 'tell the first branch (from --branch, default 0) that ends this way, e.g. joined or vetoed'),
  seed: seed(),
  set: set(),
  json: json('print the story as JSON'),
  ...output('write to a file instead of stdout'),
};

export type ExplainFlags = FlagsOf<typeof options>;

/** `article10 explain`: its arguments and options; the work is in explain.ts. */
export const explainSpec = defineCommand({
  name: 'explain',
  summary: 'tell one branch as a story, year by year, with the rules that fired and their sources',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./explain.js')).explainCommand(file, flags),
});
