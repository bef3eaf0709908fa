import { runDiscovery } from '../../analysis/discover/run.js';
import { parseTarget } from '../../analysis/rewrite-search/target.js';
import { UsageError } from '../errors.js';
import { discoveryText } from '../../analysis/discover/text.js';
import { stableJson } from '../../report/json.js';
import type { Factor } from '../../analysis/design/factors.js';
import { factorsFor, parseMeasureFlag, parseRanges, runAnalysis } from '../analysis.js';
import { loadForCommand } from '../load.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { WORK_LIMITS } from '../../batch/work-limits.js';
import { integer } from '../../report/format.js';
import { emit, terminalColumns } from '../output.js';
import type { DiscoverFlags } from './discover.options.js';

/** "145 parameters", "145 parameters and 23 switches". */
function factorCount(factors: readonly Factor[]): string {
  const switches = factors.filter((f) => f.from === 'switch').length;
  const params = factors.length - switches;
  return `${params} parameter${params === 1 ? '' : 's'}${switches === 0 ? '' : ` and ${switches} switch${switches === 1 ? '' : 'es'}`}`;
}

/** `article10 discover`: PRIM boxes of parameter ranges in which an outcome is most likely. */
export async function discoverCommand(file: string, flags: DiscoverFlags, outcomeGiven = false): Promise<void> {
  if (flags.target !== undefined && outcomeGiven) throw new UsageError(`--target names its own outcome ("${flags.target}"): drop --outcome`);
  const parsed = flags.target === undefined ? undefined : parseTarget(flags.target);
  if (parsed !== undefined && !parsed.ok) throw new UsageError(parsed.message);
  const target = parsed?.ok ? parsed.target : undefined;
  const measure = target?.measure ?? parseMeasureFlag(flags.outcome);
  const ranges = parseRanges(flags.range);
  const loaded = await loadForCommand(file, flags.set);
  const factors = factorsFor(loaded.scenario, ranges, flags.switches !== false);
  const perValue = Math.max(1, factors.length);
  checkWork(
    {
      command: 'discover',
      made: `${integer(flags.samples)} samples × ${branchCount(flags.runs)}`,
      branches: flags.samples * flags.runs,
      designValues: flags.samples * factors.length,
      smaller: `fewer --samples (at most ${integer(Math.min(WORK_LIMITS.maxDiscoverSamples, Math.floor(WORK_LIMITS.maxDesignValues / perValue)))} with ${factorCount(factors)}) or fewer --runs`,
    },
    flags.yes,
  );
  const report = await runAnalysis(`discover ${loaded.scenario.id}`, flags.samples * flags.runs, (signal, progress) =>
    runDiscovery(
      loaded.scenario,
      factors,
      { seed: flags.seed, measure, ...(target === undefined ? {} : { target }), samples: flags.samples, runs: flags.runs, boxes: flags.boxes, workers: flags.workers, signal, onProgress: (points) => progress(points * flags.runs) },
      loaded.warnings,
    ),
  );
  await emit(flags.json ? stableJson(report) : discoveryText(report, loaded.scenario, { width: terminalColumns(flags.out) }), flags.out);
}
