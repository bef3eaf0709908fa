import { dirname, relative } from 'node:path';
import { compareScenarios } from '../../analysis/compare/run.js';
import { compareCsv, compareText } from '../../analysis/compare/text.js';
import { stableJson } from '../../report/json.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { runAnalysis } from '../analysis.js';
import { rewriteFor } from '../baseline.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { UsageError } from '../errors.js';
import { checkPercent } from '../common-options.js';
import { loadForCommand } from '../load.js';
import { emit, printWarnings, terminalColumns } from '../output.js';
import type { CompareFlags } from './compare.options.js';

/** `article10 compare`: two assumption sets on common random numbers, side by side. */
export async function compareCommand(fileA: string, fileB: string, flags: CompareFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  checkPercent(flags);
  const a = await loadForCommand(fileA, flags.set);
  const b = await loadForCommand(fileB, flags.set);
  if (flags.json || flags.csv) for (const l of [a, b]) printWarnings(l.file, l.warnings);
  // Paired: every branch runs both scenarios.
  checkWork({ command: 'compare', made: `2 scenarios × ${branchCount(flags.runs)}`, branches: 2 * flags.runs, smaller: 'fewer --runs' }, flags.yes);
  const [rewriteA, rewriteB] = [await rewriteFor(a), await rewriteFor(b)];
  const side = (l: LoadedScenario, shownAs: string, rewrite: typeof rewriteA) => ({
    file: shownAs,
    ...(l.chain[1] !== undefined && { extends: relative(dirname(l.file), l.chain[1]) }),
    ...(rewrite !== undefined && { rewrite }),
    warnings: l.warnings,
  });
  const comparison = await runAnalysis(`compare ${a.scenario.id} / ${b.scenario.id}`, flags.runs, (signal, progress) =>
    compareScenarios(a.scenario, b.scenario, {
      seed: flags.seed,
      runs: flags.runs,
      signal,
      onProgress: progress,
      a: side(a, fileA, rewriteA),
      b: side(b, fileB, rewriteB),
    }),
  );
  const text = flags.json ? stableJson(comparison) : flags.csv ? compareCsv(comparison, flags) : compareText(comparison, { width: terminalColumns(flags.out) });
  await emit(text, flags.out);
}
