import { valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, seed, set } from '../common-options.js';
import { BRANCH_SEARCH_LIMIT } from '../../engine/branch-search.js';
import { integer } from '../../report/format.js';
import { parseBranch } from '../options.js';

/** `article10 explain`: its options, and the flags its work receives (the command is declared in explain.command.ts). */
export const options = {
  branch: valueOption('-b, --branch <K>', 'branch number (as in a run with the same seed)', parseBranch),
  outcome: valueOption('--outcome <outcome>', `tell the first branch (from --branch, default 0) that ends this way, among the next ${integer(BRANCH_SEARCH_LIMIT)}, e.g. joined or vetoed`),
  seed: seed(),
  set: set(),
  json: json('print the story as JSON'),
  ...output('write to a file instead of stdout'),
};

export type ExplainFlags = FlagsOf<typeof options>;
