import { integer } from '../report/format.js';
import { scientific, WORK_LIMITS } from '../batch/work-limits.js';
import { flag, listOption, valueOption, type OptionSpec } from './command-spec.js';
import { UsageError } from './errors.js';
import { DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, parseRuns, parseSeed, parseWorkers } from './options.js';

/**
 * The options several commands share, declared once. Where commands word one differently (what
 * --runs counts, when --workers uses every core), the wording is an argument.
 */

/** -n, --runs: branches to simulate; a sweep counts them per point, sensitivity per swing. */
export function runs(description = 'branches to simulate', fallback = DEFAULT_RUNS): OptionSpec<number> {
  return valueOption(RUNS_FLAGS, runsHelp(description), parseRuns, fallback);
}

/** -n, --runs with no value unless given: the command picks its own (the explorer's differs from the summary it prints without a terminal). */
export function optionalRuns(description: string): OptionSpec<number | undefined> {
  return valueOption(RUNS_FLAGS, runsHelp(description), parseRuns);
}

const RUNS_FLAGS = '-n, --runs <N>';

/** Every command's help gives the limit. */
function runsHelp(description: string): string {
  return `${description} (1 to ${integer(MAX_RUNS)})`;
}

/** -s, --seed: what makes a run repeatable. */
export function seed(): OptionSpec<string> {
  return valueOption('-s, --seed <S>', 'random seed: same scenario + seed + version, same results', parseSeed, DEFAULT_SEED);
}

/** -w, --workers: worker threads; `byDefault` says how many when it is not given. */
export function workers(byDefault: string): OptionSpec<number | undefined> {
  return valueOption('-w, --workers <N>', `worker threads (default: ${byDefault})`, parseWorkers);
}

/** --set path=value, repeatable: overrides applied as the scenario loads. */
export function set(): OptionSpec<string[]> {
  return listOption('--set <path=value>', 'override a value, e.g. candidate.acceptsStandardPath=0.6 (repeatable)');
}

/** --yes: run work over the budget. */
export function yes(): OptionSpec<boolean | undefined> {
  return flag('--yes', `run even when the work is over the budget (${scientific(WORK_LIMITS.maxBranches)} branches; see article10 --help)`);
}

export function json(description = 'print a JSON document for machines'): OptionSpec<boolean | undefined> {
  return flag('--json', description);
}

export function csv(description: string): OptionSpec<boolean | undefined> {
  return flag('--csv', description);
}

/** --no-switches: the analyses that vary inputs leave the rules and events out. */
export function noSwitches(): OptionSpec<boolean | undefined> {
  return flag('--no-switches', 'leave the rules and events out (by default each is a factor too, switched off and on)');
}

/** --percent: CSV shares as percentages; only --csv has shares to scale. */
export function percent(): OptionSpec<boolean | undefined> {
  return flag('--percent', 'with --csv: shares as percentages (12.3) instead of fractions (0.123)');
}

/** Refuses --percent where it would change nothing, rather than ignore it. */
export function checkPercent(flags: { readonly percent?: boolean; readonly csv?: boolean }): void {
  if (flags.percent === true && flags.csv !== true) throw new UsageError('--percent applies to --csv output; add --csv');
}

/** --shard i/n: one part of a run or sweep, merged later by `article10 merge`. */
export function shard(): OptionSpec<string | undefined> {
  return valueOption('--shard <i/n>', 'run only shard i of n (numbered from 1) and write a partial document for `article10 merge`');
}

/**
 * -o, --out and --force, last among a command's options: every command that writes --out can be
 * told to replace a read-only file, as `cp -f` can.
 */
export function output(description = 'write the output to a file (atomically) instead of stdout') {
  return {
    out: valueOption('-o, --out <file>', description),
    force: flag('--force', 'replace the --out file even if it is read-only'),
  } as const;
}

/** -o, --out DIR and --force, for a command that writes several files into a folder. */
export function outputFolder(description: string) {
  return {
    out: { ...valueOption('-o, --out <dir>', description), folder: true },
    force: flag('--force', "replace the files already in the --out folder (read-only ones too)"),
  } as const;
}
