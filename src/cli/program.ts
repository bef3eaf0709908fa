import { Command } from 'commander';
import { VERSION } from '../model/version.js';
import { DEFAULT_SCENARIO } from '../io/paths.js';
import { integer } from '../report/format.js';
import { scientific, WORK_LIMITS } from '../batch/work-limits.js';
import { registerCommand, type CommandSpec } from './command-spec.js';
import { backtestSpec } from './commands/backtest.command.js';
import { compareSpec } from './commands/compare.command.js';
import { discoverSpec } from './commands/discover.command.js';
import { explainSpec } from './commands/explain.command.js';
import { listSpec } from './commands/list.command.js';
import { mergeSpec } from './commands/merge.command.js';
import { reportSpec } from './commands/report.command.js';
import { kitSpec } from './commands/kit.command.js';
import { rewriteSpec } from './commands/rewrite.command.js';
import { runSpec } from './commands/run.command.js';
import { schemaSpec } from './commands/schema.command.js';
import { sensitivitySpec } from './commands/sensitivity.command.js';
import { sourcesSpec } from './commands/sources.command.js';
import { sweepSpec } from './commands/sweep.command.js';
import { openUiOrSummary, tuiSpec } from './commands/tui.command.js';
import { validateSpec } from './commands/validate.command.js';
import { webSpec } from './commands/web.command.js';
import { UsageError } from './errors.js';
import { DEFAULT_SEED } from './options.js';
import { printToStderr } from './output.js';

/** Every command, in the order `article10 --help` lists them. A new command is declared in commands/<name>.command.ts and added here. */
export const COMMANDS: readonly CommandSpec[] = [
  tuiSpec,
  webSpec,
  runSpec,
  validateSpec,
  listSpec,
  explainSpec,
  backtestSpec,
  sensitivitySpec,
  compareSpec,
  sweepSpec,
  mergeSpec,
  discoverSpec,
  rewriteSpec,
  reportSpec,
  kitSpec,
  sourcesSpec,
  schemaSpec,
];

/** `article10`: the program, its own help and its action without a command, then every command. */
export function buildProgram(): Command {
  const program = new Command('article10')
    .description('Could the USSR or Russia have joined NATO? A Monte Carlo simulator of Article 10 accession.')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    // Commander's own errors quote what was typed (an unknown option): made safe like ours.
    .configureOutput({ writeErr: printToStderr })
    .addHelpText(
      'after',
      `\narticle10 help <command> (or article10 <command> --help) shows a command's options.\nWith no command: the explorer opens on the default scenario (${DEFAULT_SCENARIO}); when stdin or\nstdout is not a terminal, the scenario is run and summarised instead.\nExit codes: 0 ok, 1 failure, 2 bad usage or bad input, 130 interrupted.\n` +
        `Work budget: a command that would run more than ${scientific(WORK_LIMITS.maxBranches)} branches in all (hours at 1-2 million\n` +
        `branches a second), or a discovery whose hypercube holds more than ${integer(WORK_LIMITS.maxDesignValues)} values\n` +
        `(${integer((WORK_LIMITS.maxDesignValues * 8) / 1e6)} MB), stops before it starts, says its size and exits 2; --yes runs it anyway. From\n` +
        `${scientific(WORK_LIMITS.announceBranches)} branches a command states its size on stderr before it starts.`,
    )
    .allowExcessArguments(true)
    .action(async (_flags, command: Command) => {
      const [unknown, topic] = command.args;
      // `article10 help [command]`, as git and npm take it: the same text as --help.
      if (unknown === 'help') return helpOn(command, topic);
      if (unknown !== undefined) throw new UsageError(`unknown command "${unknown}" (see article10 --help for the commands)`);
      await openUiOrSummary(undefined, { seed: DEFAULT_SEED, set: [] });
    });
  for (const spec of COMMANDS) registerCommand(program, spec);
  return program;
}

/** Prints the program's help, or a command's: what `--help` prints. `help help` is the program's, as git and npm answer it. */
function helpOn(program: Command, name: string | undefined): void {
  if (name === undefined || name === 'help') return void program.outputHelp();
  const command = program.commands.find((c) => c.name() === name);
  if (command === undefined) throw new UsageError(`unknown command "${name}" (see article10 --help for the commands)`);
  command.outputHelp();
}

/**
 * The command line with --help (or -h) winning over everything else given with it, as in git
 * and npm: `run --help --runs x` shows run's help, where the bad --runs was refused first
 * (commander checks each option's value as it reads it, before it looks for --help). Only the
 * words before a `--` count; the command is the first word, if it names one.
 */
export function helpWins(argv: readonly string[]): string[] {
  const words = argv.slice(2);
  const end = words.indexOf('--');
  const given = end < 0 ? words : words.slice(0, end);
  if (!given.some((w) => w === '--help' || w === '-h')) return [...argv];
  const command = COMMANDS.find((c) => c.name === given[0]);
  return [...argv.slice(0, 2), ...(command === undefined ? [] : [command.name]), '--help'];
}
