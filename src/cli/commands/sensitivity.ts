import { runSensitivity } from '../../analysis/sensitivity/run.js';
import { stableJson } from '../../report/json.js';
import { sensitivityText } from '../../analysis/sensitivity/tornado.js';
import { factorsFor, parseMeasureFlag, parseRanges, runAnalysis } from '../analysis.js';
import { loadForCommand } from '../load.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { integer } from '../../report/format.js';
import { emit, terminalColumns } from '../output.js';
import type { SensitivityFlags } from './sensitivity.options.js';

/** Branches per Morris point when not given: a quarter of --runs, at least 500. */
export function defaultMorrisRuns(runs: number): number {
  return Math.max(500, Math.round(runs / 4));
}

/** `article10 sensitivity`: one-at-a-time swings (tornado) and Morris elementary effects. */
export async function sensitivityCommand(file: string, flags: SensitivityFlags): Promise<void> {
  const measure = parseMeasureFlag(flags.outcome);
  const ranges = parseRanges(flags.range);
  const loaded = await loadForCommand(file, flags.set);
  const factors = factorsFor(loaded.scenario, ranges, flags.switches !== false);
  const morrisRuns = flags.morrisRuns ?? defaultMorrisRuns(flags.runs);
  const swingVariants = 1 + 2 * factors.length;
  const morrisPoints = factors.length === 0 ? 0 : flags.trajectories * (factors.length + 1);
  const total = swingVariants * flags.runs + morrisPoints * morrisRuns;
  const morris = morrisPoints === 0 ? '' : ` + ${integer(morrisPoints)} Morris points × ${branchCount(morrisRuns)}`;
  checkWork(
    { command: 'sensitivity', made: `${integer(swingVariants)} swing runs × ${branchCount(flags.runs)}${morris}`, branches: total, smaller: 'fewer --runs, --morris-runs or --trajectories' },
    flags.yes,
  );
  const report = await runAnalysis(`sensitivity ${loaded.scenario.id}`, total, (signal, progress) =>
    runSensitivity(
      loaded.scenario,
      factors,
      {
        seed: flags.seed,
        runs: flags.runs,
        measure,
        trajectories: flags.trajectories,
        morrisRuns,
        workers: flags.workers,
        signal,
        onProgress: (done) => progress(Math.min(done, swingVariants) * flags.runs + Math.max(0, done - swingVariants) * morrisRuns),
      },
      loaded.warnings,
    ),
  );
  await emit(flags.json ? stableJson(report) : sensitivityText(report, loaded.scenario, { width: terminalColumns(flags.out), top: flags.top }), flags.out);
}
