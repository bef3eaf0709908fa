import { compareScenarios } from '../../analysis/compare/run.js';
import { handoutBranches, prepareHandout, prepareStudentHandout, rewriteSearchBranches, TEACHER_REWRITE_BUDGET } from '../../analysis/handout/run.js';
import { studentHtml, studentMarkdown } from '../../analysis/handout/student-layout.js';
import { handoutHtml } from '../../analysis/handout/html.js';
import { handoutMarkdown } from '../../analysis/handout/markdown.js';
import { stableJson } from '../../report/json.js';
import { parseMeasureFlag, runAnalysis } from '../analysis.js';
import { baselineOf } from '../baseline.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { integer, shellWord } from '../../report/format.js';
import { checkOutFolder, emit, printToStderr } from '../output.js';
import { studentCharts, teacherCharts, type NamedChart } from '../../analysis/handout/charts.js';
import { svgToPng } from '../../report/png.js';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The names of the charts a handout can have. */
const CHART_NAMES = ['outcomes', 'funnel', 'compare', 'tornado'] as const;
import type { ReportFlags } from './report.options.js';

/** md or html: as asked, else from the --out file's extension, else Markdown. */
export function reportFormat(format: string | undefined, out: string | undefined, json = false): 'md' | 'html' {
  if (format !== undefined) {
    if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, got "${format}"`);
    return format;
  }
  if (out !== undefined && /\.html?$/i.test(out)) return 'html';
  // A .pdf or .docx would get Markdown under a name that promises something else (with --json, the data is JSON).
  const extension = out === undefined || json ? undefined : /\.([^./\\]+)$/.exec(out)?.[1];
  if (extension !== undefined && !/^(md|markdown|txt|text)$/i.test(extension)) {
    throw new UsageError(`--out ${out}: a handout is Markdown or HTML, not .${extension}; name a .md or .html file, give --format md or html, or --json for its data`);
  }
  return 'md';
}

export type Audience = 'student' | 'teacher';

/** `--names "Team A,Team B"`: the scenario's name, then --compare's (the centre's); each 1 to 40 characters of plain text. */
export function parseNames(text: string, audience: Audience, compared: boolean): { readonly centre: string; readonly other: string } {
  if (audience !== 'student') throw new UsageError('--names names the two teams of the student\'s handout: add --audience student (the default)');
  if (!compared) throw new UsageError('--names names two teams: give the second with --compare');
  const parts = text.split(',').map((p) => p.trim());
  // Names are printed in the handout: no control characters (they could drive a terminal that shows it).
  if (parts.length !== 2 || parts.some((p) => p.length === 0 || p.length > 40 || /[\p{Cc}\p{Cf}]/u.test(p))) {
    throw new UsageError(`--names must be two names of 1 to 40 plain characters, separated by a comma, the scenario's then --compare's (e.g. "Team A,Team B"), got "${text}"`);
  }
  // The handout sets one team against the other by name: two alike could not be told apart.
  if (parts[0]!.toLowerCase() === parts[1]!.toLowerCase()) throw new UsageError(`--names must name the two teams differently, got "${text}"`);
  return { other: parts[0]!, centre: parts[1]! };
}

/**
 * The stderr line that says which file is which team, and whose handout it is. Named teams go by
 * their names alone: team A's handout is made with the files swapped and --names "Team B,Team A"
 * (as kit prints it), where "team A (\"Team B\")" would contradict itself.
 */
export function teamsLine(fileA: string, titleA: string, fileB: string, titleB: string, names?: { readonly centre: string; readonly other: string }): string {
  const [a, b] = names === undefined ? ['team A', 'team B'] : [`"${names.other}"`, `"${names.centre}"`];
  return `article10: ${a}, the scenario, is ${fileA} (${titleA}); ${b}, the --compare file, is ${fileB} (${titleB}); the handout is for ${b}, with ${a} beside it`;
}

export function parseAudience(text: string): Audience {
  if (text !== 'student' && text !== 'teacher') throw new UsageError(`--audience must be student or teacher, got "${text}"`);
  return text;
}

/**
 * `article10 report`: a handout for a class, in Markdown or self-contained HTML. With
 * --compare, the scenario is team A and the compared file team B, and the handout is centred on
 * team B (its stories, tornado and rewrite), with team A beside it.
 */
export async function reportCommand(file: string, flags: ReportFlags): Promise<void> {
  const audience = parseAudience(flags.audience);
  const format = reportFormat(flags.format, flags.out, flags.json === true);
  const measure = flags.outcome === undefined ? undefined : parseMeasureFlag(flags.outcome);
  if (audience === 'student' && flags.outcome !== undefined) throw new UsageError('--outcome chooses what the tornado explains, which only the teacher\'s handout has: add --audience teacher');
  const names = flags.names === undefined ? undefined : parseNames(flags.names, audience, flags.compare !== undefined);
  const teamA = await loadForCommand(file, flags.set);
  const teamB = flags.compare === undefined ? undefined : await loadForCommand(flags.compare, flags.set);
  // The centre: team B when there are two, else the scenario itself.
  const centre = teamB ?? teamA;
  const centreFile = flags.compare ?? file;
  const centreBase = await baselineOf(centre);
  const teamABase = teamB === undefined ? centreBase : await baselineOf(teamA);
  const rewrite = centreBase.distance ?? null;
  // Which file is which team is easy to swap: said before any work, with each file's title.
  if (teamB !== undefined) printToStderr(`${teamsLine(file, teamA.scenario.title, flags.compare!, teamB.scenario.title, names)}\n`);
  // Every chart a handout can have: the folder is checked before any work, against the files read (the baselines too) and the --out.
  const chartFiles = CHART_NAMES.flatMap((n) => [`${n}.svg`, `${n}.png`]);
  const baselines = [centreBase.file, teamABase.file].filter((f): f is string => f !== undefined);
  const others = { reads: [...teamA.chain, ...(teamB?.chain ?? []), ...baselines], writes: [flags.out] };
  const chartsFolder = flags.charts === undefined ? false : await checkOutFolder('--charts', flags.charts, chartFiles, flags.force === true, others);
  const command = [
    'article10',
    'report',
    file,
    ...(flags.compare === undefined ? [] : ['--compare', flags.compare]),
    ...(flags.names === undefined ? [] : ['--names', flags.names]),
    '--audience', audience,
    ...flags.set.flatMap((s) => ['--set', s]),
    ...(flags.outcome === undefined ? [] : ['--outcome', flags.outcome]),
    '--runs', String(flags.runs), ...(audience === 'teacher' ? ['--sensitivity-runs', String(flags.sensitivityRuns)] : []), '--seed', flags.seed, '--format', format,
  ].map(shellWord).join(' ');
  if (audience === 'student') {
    checkWork({ command: 'report', made: `${branchCount(flags.runs)}${teamB === undefined ? '' : ` + 2 × ${integer(flags.runs)} compared`}`, branches: flags.runs * (teamB === undefined ? 1 : 3), smaller: 'fewer --runs' }, flags.yes);
    const student = await runAnalysis(`report ${centre.scenario.id}`, flags.runs * (teamB === undefined ? 1 : 2), (signal, progress) =>
      prepareStudentHandout(
        { scenario: centre.scenario, ...(teamB !== undefined && { other: teamA.scenario }), ...(names !== undefined && { names }), command },
        { seed: flags.seed, runs: flags.runs, workers: flags.workers, signal, onProgress: progress, warnings: centre.warnings },
      ),
    );
    const text = flags.json ? stableJson(student) : format === 'html' ? studentHtml(student) : studentMarkdown(student);
    await writeCharts(studentCharts(student), flags.charts, chartsFolder, flags.force === true);
    await emit(text, flags.out);
    return;
  }
  // A short run asks for a short search too (tests, a first look): never more branches an evaluation than --runs.
  const budget = { ...TEACHER_REWRITE_BUDGET, runs: Math.min(TEACHER_REWRITE_BUDGET.runs, flags.runs) };
  const search = rewriteSearchBranches(centre.scenario, budget);
  const total = handoutBranches(centre.scenario, { ...flags, rewriteSearch: budget }) + (teamB === undefined ? 0 : flags.runs);
  const swings = (total - search - flags.runs * (teamB === undefined ? 1 : 2)) / flags.sensitivityRuns;
  const compared = teamB === undefined ? '' : ` + 2 × ${integer(flags.runs)} compared`;
  checkWork(
    {
      command: 'report',
      made: `${branchCount(flags.runs)} + ${integer(swings)} swing runs × ${branchCount(flags.sensitivityRuns)}${compared} + a rewrite search of about ${integer(search / budget.runs)} evaluations × ${branchCount(budget.runs)}`,
      // The comparison is paired: both scenarios run every branch.
      branches: total + (teamB === undefined ? 0 : flags.runs),
      smaller: 'fewer --runs or --sensitivity-runs',
    },
    flags.yes,
  );
  const data = await runAnalysis(`report ${centre.scenario.id}`, total, async (signal, progress) => {
    const handout = await prepareHandout(
      { scenario: centre.scenario, rewrite, command },
      { seed: flags.seed, runs: flags.runs, sensitivityRuns: flags.sensitivityRuns, measure, workers: flags.workers, signal, onProgress: progress, warnings: centre.warnings, rewriteSearch: budget },
    );
    if (teamB === undefined) return handout;
    const done = total - flags.runs;
    const teamARewrite = teamABase.distance ?? null;
    const comparison = await compareScenarios(teamA.scenario, teamB.scenario, {
      seed: flags.seed,
      runs: flags.runs,
      signal,
      onProgress: (n) => progress(done + n),
      a: { file, warnings: teamA.warnings, ...(teamARewrite !== null && { rewrite: teamARewrite }) },
      b: { file: centreFile, warnings: teamB.warnings, ...(rewrite !== null && { rewrite }) },
    });
    return { ...handout, comparison };
  });
  const text = flags.json ? stableJson(data) : format === 'html' ? handoutHtml(data, { top: flags.top }) : handoutMarkdown(data, { top: flags.top });
  await writeCharts(teacherCharts(data, flags.top), flags.charts, chartsFolder, flags.force === true);
  await emit(text, flags.out);
}

/** Each chart as <name>.svg and <name>.png in the --charts folder (made now if it was missing). */
async function writeCharts(charts: readonly NamedChart[], folder: string | undefined, make: boolean, force: boolean): Promise<void> {
  if (folder === undefined) return;
  if (make) await mkdir(resolve(folder));
  for (const c of charts) {
    await emit(c.svg, join(folder, `${c.name}.svg`), { force });
    await emit(await svgToPng(c.svg), join(folder, `${c.name}.png`), { force });
  }
}

