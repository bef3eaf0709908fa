import { partialJson } from '../../analysis/shards/partial-checksum.js';
import { sparseTally, type SparseTally, type SweepPartial } from '../../analysis/shards/shard.js';
import { checkVary, parseVary, runSweep, sweepDesign, sweepHeader, sweepPoint, sweepWarnings, SweepError } from '../../analysis/sweep/run.js';
import { bundledScenariosDir } from '../../io/paths.js';
import { integer } from '../../report/format.js';
import { sweepWriter, type SweepFormat, type VarySpec } from '../../analysis/sweep/output.js';
import { experimentIssue, experimentScenarioFile, experimentSetOrigins, loadExperimentFile, writtenNumber, type LoadedExperiment } from '../../scenario/experiment.js';
import type { Issue } from '../../scenario/load.js';
import { runAnalysis } from '../analysis.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { UsageError } from '../errors.js';
import { issuesError, loadForCommand } from '../load.js';
import { MAX_RUNS, parseSeed } from '../options.js';
import { emit, printWarnings, terminalColumns } from '../output.js';
import { partialHeader, shardFlag } from '../shards.js';
import type { SweepFlags, SweepOption } from './sweep.options.js';

/** What a sweep runs, from the command line or an experiment file. */
interface SweepPlan {
  readonly file: string;
  readonly set: readonly string[];
  readonly vary: readonly VarySpec[];
  readonly samples: number | undefined;
  readonly runs: number;
  readonly seed: string;
  readonly experiment?: LoadedExperiment;
}

/**
 * `article10 sweep`: a grid or a Latin hypercube over parameters, one row per point.
 * `given(option)` says whether an option was written on the command line (not a default).
 */
export async function sweepCommand(file: string | undefined, flags: SweepFlags, given: (option: SweepOption) => boolean = () => false): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const plan = flags.experiment === undefined ? commandLinePlan(file, flags) : await experimentPlan(flags.experiment, file, flags, given);
  const shard = shardFlag(flags.shard, plan.runs, flags);
  const loaded = await loadForCommand(plan.file, plan.set, plan.experiment === undefined ? [] : experimentSetOrigins(plan.experiment));
  const vary = checkedVary(plan, loaded.scenario);
  const design = sweepDesign(vary, plan.samples, plan.seed);
  const warnings = [...loaded.warnings, ...sweepWarnings(loaded.scenario, vary)];
  if (flags.json || flags.csv || shard) printWarnings(loaded.file, warnings);
  const branches = shard?.branches ?? plan.runs;
  const points = design.points.length;
  checkWork(
    { command: 'sweep', made: `${integer(points)} points × ${branchCount(branches)}`, branches: points * branches, smaller: 'fewer points, fewer --runs, or --shard i/n to split the branches over machines' },
    flags.yes,
  );
  // Each point's tally becomes its row (or a shard's sparse tally) as it completes.
  const sparse: SparseTally[] = [];
  const writer = sweepWriter(sweepFormat(flags), design.vary, terminalColumns(flags.out));
  await runAnalysis(`sweep ${loaded.scenario.id}`, points * branches, (signal, progress) =>
    runSweep(
      loaded.scenario,
      design,
      (tally, i) => (shard === undefined ? writer.add(sweepPoint(loaded.scenario, design, i, tally, plan.seed)) : sparse.push(sparseTally(tally))),
      { seed: plan.seed, runs: branches, first: shard?.first, workers: flags.workers, signal, onPoint: (done) => progress(done * branches) },
    ),
  );
  if (shard !== undefined) {
    const partial: SweepPartial = {
      ...partialHeader(plan.seed, plan.runs, shard),
      command: 'sweep',
      sweep: { scenario: loaded.scenario, warnings, design },
      tallies: sparse,
    };
    await emit(partialJson(partial), flags.out);
    return;
  }
  await emit(writer.finish(sweepHeader(loaded.scenario, design, { seed: plan.seed, runs: plan.runs, warnings })), flags.out);
}

/** The format asked for: --json, --csv or the readable table. */
export function sweepFormat(format: { readonly json?: boolean; readonly csv?: boolean }): SweepFormat {
  return format.json ? 'json' : format.csv ? 'csv' : 'text';
}

function commandLinePlan(file: string | undefined, flags: SweepFlags): SweepPlan {
  if (file === undefined) throw new UsageError('say which scenario to sweep (or give --experiment FILE)');
  const vary = flags.vary.map((text) => {
    try {
      return parseVary(text);
    } catch (error) {
      if (error instanceof SweepError) throw new UsageError(error.message);
      throw error;
    }
  });
  return { file, set: flags.set, vary, samples: flags.samples, runs: flags.runs, seed: flags.seed };
}

/** The experiment file fixes the scenario and the design; runs and seed too when it gives them. */
async function experimentPlan(path: string, file: string | undefined, flags: SweepFlags, given: (option: SweepOption) => boolean): Promise<SweepPlan> {
  if (file !== undefined) throw new UsageError(`--experiment names the scenario itself; leave out "${file}"`);
  for (const option of ['vary', 'samples', 'set'] as const) {
    if (given(option)) throw new UsageError(`--experiment fixes what to vary and how; edit ${path} instead of giving --${option}`);
  }
  const loaded = await loadExperimentFile(path, { maxRuns: MAX_RUNS });
  if (!loaded.ok) throw issuesError(loaded.issues, path);
  const e = loaded.value.experiment;
  for (const option of ['runs', 'seed'] as const) {
    // A seed written as a number is its text (`seed: 0x10` is "0x10"), here as in the run.
    const shown = typeof e[option] === 'number' ? writtenNumber(loaded.value, [option]) : String(e[option]);
    if (e[option] !== undefined && given(option)) throw new UsageError(`${path} fixes ${option}: ${shown}; edit the file or leave out --${option}`);
  }
  const problems: Issue[] = [];
  const vary = e.vary.map((item, i): VarySpec => {
    if (typeof item !== 'string') return item;
    try {
      return parseVary(item);
    } catch (error) {
      if (!(error instanceof SweepError)) throw error;
      problems.push(experimentIssue(loaded.value, ['vary', i], error.message.replace('--vary must', 'a vary entry must')));
      return { path: '', from: 0, to: 0 };
    }
  });
  let seed = flags.seed;
  if (e.seed !== undefined) {
    try {
      seed = parseSeed(typeof e.seed === 'number' ? writtenNumber(loaded.value, ['seed']) : e.seed);
    } catch (error) {
      if (error instanceof UsageError) problems.push(experimentIssue(loaded.value, ['seed'], error.message.replace('--seed', 'seed')));
      else throw error;
    }
  }
  if (problems.length > 0) throw issuesError(problems, path);
  const scenario = await experimentScenarioFile(loaded.value, bundledScenariosDir());
  if (!scenario.ok) throw issuesError(scenario.issues, path);
  return { file: scenario.value, set: e.set ?? [], vary, samples: e.samples, runs: e.runs ?? flags.runs, seed, experiment: loaded.value };
}

/** The vary list checked against the scenario; a problem points at the --vary or the experiment's line. */
function checkedVary(plan: SweepPlan, scenario: Parameters<typeof checkVary>[0]): VarySpec[] {
  try {
    return checkVary(scenario, plan.vary, plan.samples);
  } catch (error) {
    if (!(error instanceof SweepError)) throw error;
    const e = plan.experiment;
    if (e === undefined) throw new UsageError(error.vary === undefined ? error.message : `--vary ${plan.vary[error.vary]!.path}: ${error.message}`);
    const at = error.vary === undefined ? (plan.samples !== undefined && /samples/.test(error.message) ? ['samples'] : ['vary']) : typeof e.experiment.vary[error.vary] === 'string' ? ['vary', error.vary] : ['vary', error.vary, error.field ?? 'path'];
    throw issuesError([experimentIssue(e, at, error.message)], e.file);
  }
}
