import type { FlagsOf } from '../command-spec.js';
import { outputFolder, runs, seed, workers, yes } from '../common-options.js';

/** `article10 kit`: its options, and the flags its work receives (the command is declared in kit.command.ts). */
export const options = {
  runs: runs('branches for each team, each paired with the other', 20_000),
  seed: seed(),
  workers: workers('all cores for long runs'),
  yes: yes(),
  ...outputFolder('the folder to write the kit into (made if missing; files already there are replaced only with --force)'),
};

export type KitFlags = FlagsOf<typeof options>;
