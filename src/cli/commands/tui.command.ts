import { DEFAULT_SCENARIO } from '../../io/paths.js';
import { argument, defineCommand } from '../command-spec.js';
import { DEFAULT_RUNS } from '../options.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { printToStderr } from '../output.js';
import { options, type TuiFlags } from './tui.options.js';
import { MAX_EXPLORER_BRANCHES } from '../../batch/stages.js';
import { integer } from '../../report/format.js';

/** `article10 tui`: its arguments and options; the UI is in tui.ts, loaded only with a terminal. */
export const tuiSpec = defineCommand({
  name: 'tui',
  summary: 'explore a scenario interactively (needs a terminal; otherwise prints the summary)',
  arguments: [
    argument(
      '[scenarios...]',
      `scenario file or bundled name (default ${DEFAULT_SCENARIO.replace(/\.yaml$/, '')}); with two, the second is on screen (team B) and the first is team A of the debate view`,
    ),
  ],
  options,
  action: async ([files], flags) => {
    const [file, teamB, ...more] = files;
    if (more.length > 0) throw new UsageError(`tui takes at most two scenarios (team A, then team B on screen); got ${files.length}`);
    return openUiOrSummary(teamB ?? file, flags, teamB === undefined ? undefined : file);
  },
});

/**
 * The interactive UI needs a terminal on both ends (Ink puts stdin in raw mode). Piped, in
 * CI or with stdin closed, print the batch summary instead and say how to get the UI.
 */
export async function openUiOrSummary(file: string | undefined, flags: TuiFlags, teamA?: string): Promise<void> {
  const scenario = file ?? DEFAULT_SCENARIO.replace(/\.yaml$/, '');
  if (process.stdin.isTTY === true && process.stdout.isTTY === true) {
    // The explorer runs again after every edit: a billion branches an edit would never answer.
    if (flags.runs !== undefined && flags.runs > MAX_EXPLORER_BRANCHES) {
      throw new UsageError(`--runs ${integer(flags.runs)}: the explorer runs again after every edit, so it takes at most ${integer(MAX_EXPLORER_BRANCHES)} branches; \`article10 run\` takes more`);
    }
    const { tuiCommand } = await import('./tui.js');
    await tuiCommand(file, flags, teamA);
    return;
  }
  // A scenario that cannot be read is said alone: the note on the summary would only precede the error.
  await loadForCommand(scenario, flags.set);
  printToStderr('article10: not a terminal, so printing the batch summary; run `npx article10 tui` in a terminal for the interactive UI\n');
  const { runCommand } = await import('./run.js');
  await runCommand([scenario], { runs: flags.runs ?? DEFAULT_RUNS, seed: flags.seed, set: flags.set });
}
