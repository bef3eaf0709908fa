import { listOption, valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, set, workers, yes } from '../common-options.js';
import { countOption } from '../options.js';

/** `article10 rewrite`: its options, and the flags its work receives (the command is declared in rewrite.command.ts). */
export const options = {
  target: valueOption('--target <target>', 'what to reach: an outcome or funnel stage, >= or <= a share, e.g. "joined>=0.3" or "vetoed<=50%"'),
  by: valueOption('--by <year>', 'count only outcomes that came by the end of this year'),
  allow: listOption('--allow <path|glob>', 'only these may change, e.g. allies.*.consent or rules.* (repeatable; default: everything the engine reads)'),
  fix: listOption('--fix <path|glob>', 'never change these (repeatable)'),
  maxChanges: valueOption('--max-changes <K>', 'at most K parameters and switches changed', countOption('--max-changes', 1, 50), 6),
  maxDistance: valueOption('--max-distance <D>', 'try no rewrite farther than D (rewrite distance)', undefined, '8'),
  runs: runs('branches per evaluation (and for the verification)', 1000),
  seed: seed(),
  workers: workers('all cores for long searches'),
  set: set(),
  yes: yes(),
  save: valueOption('--save <file>', 'write the rewrite as a scenario file that extends the start (and names it as its baseline)'),
  json: json(),
  ...output(),
};

export type RewriteFlags = FlagsOf<typeof options>;
