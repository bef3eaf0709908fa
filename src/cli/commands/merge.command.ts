import { argument, defineCommand } from '../command-spec.js';
import { options } from './merge.options.js';

/** `article10 merge`: its arguments and options; the work is in merge.ts. */
export const mergeSpec = defineCommand({
  name: 'merge',
  summary: 'combine the partial documents of a sharded run or sweep into exactly the unsharded output',
  arguments: [argument('<parts...>', 'partial documents written with --shard i/n, in any order')],
  options,
  helpAfter:
    '\nEvery part is verified before anything is combined: its checksum (a part edited by hand is refused), its counts (they must add up),\n' +
    'and that the parts are the shards of one run (same scenario, seed, runs, version and number of shards; each shard once).\n' +
    '\nExample:\n  for i in 1 2 3 4; do article10 run russia-2000 --runs 4000000 --shard $i/4 --out part-$i.json; done\n  article10 merge part-*.json --json',
  action: async ([parts], flags) => (await import('./merge.js')).mergeCommand(parts, flags),
});
