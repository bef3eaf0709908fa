#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../model/version.js';
import { DEFAULT_SCENARIO } from '../io/paths.js';
import { integer } from '../report/format.js';
import { scientific, WORK_LIMITS } from '../batch/work-limits.js';
import { ExitCode, UsageError } from './errors.js';
import { checkOutPath, printToStderr } from './output.js';
import { collect, countOption, DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, parseBranch, parseRuns, parseSeed, parseWorkers } from './options.js';

// Ink's colour library ignores NO_COLOR; FORCE_COLOR=0 must be set before it loads.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

const runsOption = () =>
  new Option('-n, --runs <N>', `branches to simulate (1 to ${integer(MAX_RUNS)})`).argParser(parseRuns).default(DEFAULT_RUNS);
const seedOption = () => new Option('-s, --seed <S>', 'random seed: same scenario + seed + version, same results').argParser(parseSeed).default(DEFAULT_SEED);
const yesOption = () => new Option('--yes', `run even when the work is over the budget (${scientific(WORK_LIMITS.maxBranches)} branches; see article10 --help)`);
const setOption = () =>
  new Option('--set <path=value>', 'override a value, e.g. candidate.acceptsStandardPath=0.6 (repeatable)').argParser(collect).default([]);

function buildProgram(): Command {
  const program = new Command('article10')
    .description('Could the USSR or Russia have joined NATO? A Monte Carlo simulator of Article 10 accession.')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    // Commander's own errors quote what was typed (an unknown option): made safe like ours.
    .configureOutput({ writeErr: printToStderr })
    .hook('preAction', async (_program, command) =>
      checkOutPath(command.opts()['out'], { inputs: commandInputs(command), force: command.opts()['force'] === true }),
    )
    .addHelpText(
      'after',
      `\nWith no command: the default scenario (${DEFAULT_SCENARIO}) is run and summarised.\nExit codes: 0 ok, 1 failure, 2 bad usage or bad input, 130 interrupted.\n` +
        `Work budget: a command that would run more than ${scientific(WORK_LIMITS.maxBranches)} branches in all (hours at 1-2 million\n` +
        `branches a second), or a discovery whose hypercube holds more than ${integer(WORK_LIMITS.maxDesignValues)} values\n` +
        `(${integer((WORK_LIMITS.maxDesignValues * 8) / 1e6)} MB), stops before it starts, says its size and exits 2; --yes runs it anyway. From\n` +
        `${scientific(WORK_LIMITS.announceBranches)} branches a command states its size on stderr before it starts.`,
    )
    .allowExcessArguments(true)
    .action(async (_flags, command: Command) => {
      const [unknown] = command.args;
      if (unknown !== undefined) throw new UsageError(`unknown command "${unknown}" (see article10 --help for the commands)`);
      await openUiOrSummary(undefined, { seed: DEFAULT_SEED, set: [] });
    });

  program
    .command('tui')
    .description('explore a scenario interactively (needs a terminal; otherwise prints the summary)')
    .argument('[scenario]', `scenario file or bundled name (default ${DEFAULT_SCENARIO.replace(/\.yaml$/, '')})`)
    .addOption(seedOption())
    .addOption(setOption())
    .action(async (file: string | undefined, flags) => openUiOrSummary(file, flags));

  program
    .command('run')
    .description('run scenarios and summarise outcomes, funnel, accession years and blockers')
    .argument('<scenario...>', 'scenario files, or bundled names such as russia-2000')
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: 1 for short runs, all cores for long ones)').argParser(parseWorkers))
    .addOption(setOption())
    .addOption(yesOption())
    .option('--json', 'print a JSON document for machines')
    .option('--csv', 'print one CSV row per scenario')
    .option('--shard <i/n>', 'run only shard i of n (numbered from 1) and write a partial document for `article10 merge`')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .action(async (files: string[], flags) => {
      const { runCommand } = await import('./commands/run.js');
      await runCommand(files, flags);
    });

  program
    .command('validate')
    .description('check scenario files and report every problem with file:line:column')
    .argument('<scenario...>', 'scenario files or bundled names')
    .addOption(setOption())
    .option('--json', 'print the reports as JSON')
    .action(async (files: string[], flags) => {
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(files, flags);
    });

  program
    .command('list')
    .description('list the bundled scenarios and their decision points')
    .option('--json', 'print as JSON')
    .action(async (flags) => {
      const { listCommand } = await import('./commands/list.js');
      await listCommand(flags);
    });

  program
    .command('explain')
    .description('tell one branch as a story, year by year, with the rules that fired and their sources')
    .argument('<scenario>', 'scenario file or bundled name')
    .addOption(new Option('-b, --branch <K>', 'branch number (as in a run with the same seed)').argParser(parseBranch))
    .option('--outcome <outcome>', 'tell the first branch (from --branch, default 0) that ends this way, e.g. joined or vetoed')
    .addOption(seedOption())
    .addOption(setOption())
    .option('--json', 'print the story as JSON')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (file: string, flags) => {
      const { explainCommand } = await import('./commands/explain.js');
      await explainCommand(file, flags);
    });

  program
    .command('backtest')
    .description('run real accession cases (scenarios/backtests/) and score the forecasts against what happened')
    .argument('[case...]', 'backtest files or bundled case names (default: every file in scenarios/backtests/)')
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(yesOption())
    .option('--json', 'print the scores as JSON')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (files: string[], flags) => {
      const { backtestCommand } = await import('./commands/backtest.js');
      await backtestCommand(files, flags);
    });

  program
    .command('sensitivity')
    .description('which assumption matters most: one-at-a-time swings as a tornado, plus Morris elementary effects')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('--outcome <outcome>', 'the share to explain: an outcome (joined, vetoed, no_application, ...) or a stage reached (applied, invited, ...)', 'joined')
    .addOption(new Option('-n, --runs <N>', 'branches per run (each end of each swing)').argParser(parseRuns).default(2000))
    .addOption(seedOption())
    .addOption(new Option('--range <path=lo:hi>', 'the range to move a parameter over (replaces its distribution\'s; repeatable)').argParser(collect).default([]))
    .addOption(new Option('--top <K>', 'rows to show').argParser(countOption('--top', 1, 10_000)).default(15))
    .addOption(new Option('--trajectories <r>', 'Morris trajectories (0: no global method)').argParser(countOption('--trajectories', 0, 1000)).default(8))
    .addOption(new Option('--morris-runs <N>', 'branches per Morris point (default: a quarter of --runs, at least 500)').argParser(parseRuns))
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: all cores for long analyses)').argParser(parseWorkers))
    .addOption(setOption())
    .addOption(yesOption())
    .option('--json', 'print a JSON document for machines')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .action(async (file: string, flags) => {
      const { sensitivityCommand } = await import('./commands/sensitivity.js');
      await sensitivityCommand(file, flags);
    });

  program
    .command('compare')
    .description('debate mode: two scenarios on common random numbers, side by side, with paired intervals and the assumptions that differ')
    .argument('<a>', 'scenario file or bundled name (team A)')
    .argument('<b>', 'scenario file or bundled name (team B)')
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(setOption())
    .addOption(yesOption())
    .option('--json', 'print a JSON document for machines')
    .option('--csv', 'print one CSV row per outcome and funnel stage')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .action(async (a: string, b: string, flags) => {
      const { compareCommand } = await import('./commands/compare.js');
      await compareCommand(a, b, flags);
    });

  program
    .command('sweep')
    .description('re-run a scenario over a grid (or a Latin hypercube) of parameter values, one row per point')
    .argument('[scenario]', 'scenario file or bundled name (or give --experiment)')
    .addOption(new Option('--vary <path=from:to:steps>', 'a parameter and its values, e.g. candidate.acceptsStandardPath=0.1:0.9:5 (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--samples <N>', 'a Latin hypercube of N points instead of the grid (then path=from:to)').argParser(countOption('--samples', 1, WORK_LIMITS.maxSweepPoints)))
    .addOption(new Option('-n, --runs <N>', 'branches per point').argParser(parseRuns).default(20_000))
    .addOption(seedOption())
    .addOption(setOption())
    .option('--experiment <file>', 'run the sweep an experiment file describes (scenario, vary, samples, runs, seed)')
    .option('--shard <i/n>', 'run only shard i of n (numbered from 1) and write a partial document for `article10 merge`')
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: all cores for long sweeps)').argParser(parseWorkers))
    .addOption(yesOption())
    .option('--json', 'print a JSON document for machines')
    .option('--csv', 'print one CSV row per point')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  article10 sweep russia-1990-common-home --vary allies.US.consent=0.2:0.8:3 --vary process.cohesion=0.2:0.8:2\n' +
        '  article10 sweep russia-2000 --vary candidate.interest=0.05:0.5 --samples 40 --csv --out lhs.csv\n' +
        '  article10 sweep --experiment study.yaml     (scenario:, vary: [{path, from, to, steps}], samples:, runs:, seed:, set:)',
    )
    .action(async (file: string | undefined, flags, command: Command) => {
      const { sweepCommand } = await import('./commands/sweep.js');
      await sweepCommand(file, flags, (option) => command.getOptionValueSource(option) === 'cli');
    });

  program
    .command('merge')
    .description('combine the partial documents of a sharded run or sweep into exactly the unsharded output')
    .argument('<parts...>', 'partial documents written with --shard i/n, in any order')
    .option('--json', 'print a JSON document for machines')
    .option('--csv', 'print CSV')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      '\nEvery part is verified before anything is combined: its checksum (a part edited by hand is refused), its counts (they must add up),\n' +
        'and that the parts are the shards of one run (same scenario, seed, runs, version and number of shards; each shard once).\n' +
        '\nExample:\n  for i in 1 2 3 4; do article10 run russia-2000 --runs 4000000 --shard $i/4 --out part-$i.json; done\n  article10 merge part-*.json --json',
    )
    .action(async (parts: string[], flags) => {
      const { mergeCommand } = await import('./commands/merge.js');
      await mergeCommand(parts, flags);
    });

  program
    .command('discover')
    .description('scenario discovery (PRIM): the simplest boxes of parameter ranges in which an outcome is most likely')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('--outcome <outcome>', 'the outcome to find boxes for (joined, vetoed, ...) or a stage reached (applied, invited, ...)', 'joined')
    .addOption(new Option('--samples <M>', 'parameter vectors of the Latin hypercube').argParser(countOption('--samples', 10, WORK_LIMITS.maxDiscoverSamples)).default(600))
    .addOption(new Option('-n, --runs <N>', 'branches per parameter vector').argParser(parseRuns).default(200))
    .addOption(seedOption())
    .addOption(new Option('--boxes <K>', 'boxes to find, each among the vectors the earlier ones left').argParser(countOption('--boxes', 1, 20)).default(2))
    .addOption(new Option('--range <path=lo:hi>', 'the range to sample a parameter over (replaces its distribution\'s; repeatable)').argParser(collect).default([]))
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: all cores for long analyses)').argParser(parseWorkers))
    .addOption(setOption())
    .addOption(yesOption())
    .option('--json', 'print a JSON document for machines')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .action(async (file: string, flags) => {
      const { discoverCommand } = await import('./commands/discover.js');
      await discoverCommand(file, flags);
    });

  program
    .command('rewrite')
    .description('the least rewrite of history that reaches a target: parameters moved in units of their uncertainty, rules and events switched')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('--target <target>', 'what to reach: an outcome or funnel stage, >= or <= a share, e.g. "joined>=0.3" or "vetoed<=50%"')
    .option('--by <year>', 'count only outcomes that came by the end of this year')
    .addOption(new Option('--allow <path|glob>', 'only these may change, e.g. allies.*.consent or rules.* (repeatable; default: everything the engine reads)').argParser(collect).default([]))
    .addOption(new Option('--fix <path|glob>', 'never change these (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--max-changes <K>', 'at most K parameters and switches changed').argParser(countOption('--max-changes', 1, 50)).default(6))
    .option('--max-distance <D>', 'try no rewrite farther than D (rewrite distance)', '8')
    .addOption(new Option('-n, --runs <N>', 'branches per evaluation (and for the verification)').argParser(parseRuns).default(1000))
    .addOption(seedOption())
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: all cores for long searches)').argParser(parseWorkers))
    .addOption(setOption())
    .addOption(yesOption())
    .option('--save <file>', 'write the rewrite as a scenario file that extends the start (and names it as its baseline)')
    .option('--json', 'print a JSON document for machines')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
    .addHelpText('after', '\nExamples:\n  article10 rewrite russia-1990 --target "joined>=0.3"\n  article10 rewrite russia-2000 --target "vetoed<=0.5" --allow "allies.*" --max-changes 3 --save less-veto.yaml')
    .action(async (file: string, flags) => {
      const { rewriteCommand } = await import('./commands/rewrite.js');
      await rewriteCommand(file, flags);
    });

  program
    .command('report')
    .description('a handout for a class: context, assumptions with sources, charts, the tornado, three stories, questions (Markdown or HTML)')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('--compare <other>', 'a second assumption set (file or bundled name) to set side by side, on common random numbers')
    .option('--format <format>', 'md or html (default: from the --out extension, else md)')
    .option('--outcome <outcome>', 'the share the tornado explains (default: joined, or the deepest stage enough branches reach)')
    .addOption(new Option('-n, --runs <N>', 'branches for the outcomes, the funnel and the comparison').argParser(parseRuns).default(20_000))
    .addOption(new Option('--sensitivity-runs <N>', 'branches per end of each swing of the tornado').argParser(parseRuns).default(1000))
    .addOption(seedOption())
    .addOption(new Option('--top <K>', 'rows of the tornado').argParser(countOption('--top', 1, 1000)).default(10))
    .addOption(new Option('-w, --workers <N>', 'worker threads (default: all cores for long runs)').argParser(parseWorkers))
    .addOption(setOption())
    .addOption(yesOption())
    .option('--json', 'print the data behind the handout as JSON')
    .option('-o, --out <file>', 'write the handout to a file (atomically) instead of stdout')
    .action(async (file: string, flags) => {
      const { reportCommand } = await import('./commands/report.js');
      await reportCommand(file, flags);
    });

  program
    .command('sources')
    .description('print the fact sheet sources that scenario values cite (S1 ... S49)')
    .argument('[ids...]', 'source ids to show (default: all)')
    .option('--json', 'print as JSON')
    .action(async (ids: string[], flags) => {
      const { sourcesCommand } = await import('./commands/sources.js');
      process.exitCode = sourcesCommand(ids, flags);
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (flags) => {
      const { schemaCommand } = await import('./commands/schema.js');
      await schemaCommand(flags);
    });

  // Every command that writes --out can be told to replace a read-only file, as `cp -f` can.
  for (const command of program.commands) {
    if (command.options.some((o) => o.long === '--out')) command.option('--force', 'replace the --out file even if it is read-only');
  }
  return program;
}

/** Options naming a file the command reads, besides its arguments. */
const INPUT_OPTIONS = ['experiment', 'compare'];

/** The files a command was given to read: --out may not be one of them. */
function commandInputs(command: Command): string[] {
  const opts = command.opts();
  return [...command.args, ...INPUT_OPTIONS.map((o) => opts[o]).filter((v): v is string => typeof v === 'string')];
}

/**
 * The interactive UI needs a terminal on both ends (Ink puts stdin in raw mode). Piped, in
 * CI or with stdin closed, print the batch summary instead and say how to get the UI.
 */
async function openUiOrSummary(file: string | undefined, flags: { seed: string; set: string[] }): Promise<void> {
  const scenario = file ?? DEFAULT_SCENARIO.replace(/\.yaml$/, '');
  if (process.stdin.isTTY === true && process.stdout.isTTY === true) {
    const { tuiCommand } = await import('./commands/tui.js');
    await tuiCommand(file, flags);
    return;
  }
  printToStderr('article10: not a terminal, so printing the batch summary; run `npx article10 tui` in a terminal for the interactive UI\n');
  const { runCommand } = await import('./commands/run.js');
  await runCommand([scenario], { runs: DEFAULT_RUNS, seed: flags.seed, set: flags.set });
}

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof UsageError) {
      printToStderr(`article10: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    printToStderr(`article10: internal error (please report it):\n${message}\n`);
    return ExitCode.failure;
  }
}

process.exitCode = await main(process.argv);
