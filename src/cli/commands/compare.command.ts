import { argument, defineCommand, type FlagsOf } from '../command-spec.js';
import { csv, json, output, percent, runs, seed, set, yes } from '../common-options.js';

const options = {
  runs: runs(),
  seed: seed(),
  set: set(),
  yes: yes(),
  json: json(),
  csv: csv('print one CSV row per outcome and funnel stage'),
  percent: percent(),
  ...output(),
};

export type CompareFlags = FlagsOf<typeof options>;

/** `article10 compare`: its arguments and options; the work is in compare.ts. */
export const compareSpec = defineCommand({
  name: 'compare',
  summary: 'debate mode: two scenarios on common random numbers, side by side, with paired intervals and the assumptions that differ',
  arguments: [argument('<a>', 'scenario file or bundled name (team A)'), argument('<b>', 'scenario file or bundled name (team B)')],
  options,
  action: async ([a, b], flags) => (await import('./compare.js')).compareCommand(a, b, flags),
});
