import { compareScenarios } from '../../analysis/compare/run.js';
import { handoutBranches, prepareHandout } from '../../analysis/handout/run.js';
import { handoutHtml } from '../../analysis/handout/html.js';
import { handoutMarkdown } from '../../analysis/handout/markdown.js';
import { stableJson } from '../../report/json.js';
import { parseMeasureFlag, runAnalysis } from '../analysis.js';
import { rewriteFor } from '../baseline.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { integer } from '../../report/format.js';
import { emit } from '../output.js';
import type { ReportFlags } from './report.options.js';

/** md or html: as asked, else from the --out file's extension, else Markdown. */
export function reportFormat(format: string | undefined, out: string | undefined): 'md' | 'html' {
  if (format !== undefined) {
    if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, got "${format}"`);
    return format;
  }
  return out !== undefined && /\.html?$/i.test(out) ? 'html' : 'md';
}

/** `article10 report`: a handout for a class, in Markdown or self-contained HTML. */
export async function reportCommand(file: string, flags: ReportFlags): Promise<void> {
  const format = reportFormat(flags.format, flags.out);
  const measure = flags.outcome === undefined ? undefined : parseMeasureFlag(flags.outcome);
  const loaded = await loadForCommand(file, flags.set);
  const other = flags.compare === undefined ? undefined : await loadForCommand(flags.compare, flags.set);
  const rewrite = (await rewriteFor(loaded)) ?? null;
  const command = [
    'article10',
    'report',
    file,
    ...(flags.compare === undefined ? [] : ['--compare', flags.compare]),
    ...flags.set.flatMap((s) => ['--set', s]),
    ...(flags.outcome === undefined ? [] : ['--outcome', flags.outcome]),
    '--runs', String(flags.runs), '--sensitivity-runs', String(flags.sensitivityRuns), '--seed', flags.seed, '--format', format,
  ].map(shellWord).join(' ');
  const total = handoutBranches(loaded.scenario, flags) + (other === undefined ? 0 : flags.runs);
  const swings = (total - flags.runs * (other === undefined ? 1 : 2)) / flags.sensitivityRuns;
  const compared = other === undefined ? '' : ` + 2 × ${integer(flags.runs)} compared`;
  checkWork(
    {
      command: 'report',
      made: `${branchCount(flags.runs)} + ${integer(swings)} swing runs × ${branchCount(flags.sensitivityRuns)}${compared}`,
      // The comparison is paired: both scenarios run every branch.
      branches: total + (other === undefined ? 0 : flags.runs),
      smaller: 'fewer --runs or --sensitivity-runs',
    },
    flags.yes,
  );
  const data = await runAnalysis(`report ${loaded.scenario.id}`, total, async (signal, progress) => {
    const handout = await prepareHandout(
      { scenario: loaded.scenario, rewrite, command },
      { seed: flags.seed, runs: flags.runs, sensitivityRuns: flags.sensitivityRuns, measure, workers: flags.workers, signal, onProgress: progress, warnings: loaded.warnings },
    );
    if (other === undefined) return handout;
    const done = total - flags.runs;
    const comparison = await compareScenarios(loaded.scenario, other.scenario, {
      seed: flags.seed,
      runs: flags.runs,
      signal,
      onProgress: (n) => progress(done + n),
      a: { file, warnings: loaded.warnings, ...(rewrite !== null && { rewrite }) },
      b: { file: flags.compare!, warnings: other.warnings },
    });
    return { ...handout, comparison };
  });
  const text = flags.json ? stableJson(data) : format === 'html' ? handoutHtml(data, { top: flags.top }) : handoutMarkdown(data, { top: flags.top });
  await emit(text, flags.out);
}

/** A word of the command line as a shell reads it back: single-quoted unless it is plain. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
