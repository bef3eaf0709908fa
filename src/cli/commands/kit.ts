import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareScenarios } from '../../analysis/compare/run.js';
import { prepareStudentHandout } from '../../analysis/handout/run.js';
import { studentHtml } from '../../analysis/handout/student-layout.js';
import { teachersGuide, teachersGuideHtml } from '../../analysis/kit/guide.js';
import { parse as parseYaml } from 'yaml';
import { bundledScenariosDir } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { withBaselineFor } from '../../analysis/rewrite/baseline.js';
import { authoringYaml, completeDocument } from '../../scenario/override-document.js';
import { runAnalysis } from '../analysis.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { checkOutFolder, emit } from '../output.js';
import { shellWord } from '../../report/format.js';
import type { KitFlags } from './kit.options.js';

/** The files a kit writes, in the order they are written. */
export const KIT_FILES = ['team-a.yaml', 'team-b.yaml', 'team-a-handout.html', 'team-b-handout.html', 'teachers-guide.html'] as const;
const COPY = 'decision-point.yaml';

/** The decision points that have a bundled kit: scenarios/kits/<year>/team-a.yaml and team-b.yaml. */
export function bundledKitYears(): number[] {
  const dir = join(bundledScenariosDir(), 'kits');
  return readdirSync(dir)
    .filter((d) => /^\d{4}$/.test(d) && existsSync(join(dir, d, 'team-a.yaml')) && existsSync(join(dir, d, 'team-b.yaml')))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * `article10 kit`: writes a debate kit into a folder: the two teams' files, a handout for each
 * (centred on that team, the other beside it) and the teacher's guide.
 */
export async function kitCommand(point: string, flags: KitFlags): Promise<void> {
  if (flags.out === undefined || flags.out.trim() === '') throw new UsageError('--out DIR is required: the folder to write the kit into');
  const years = bundledKitYears();
  const known = years.join(', ');
  // What the teams extend: the bundled file of the year, a bundled scenario, or a copy of the file given.
  let year: number;
  let base: { extends: string; copy?: string };
  // The files the kit is made from: a scenario given and what it extends (never replaced, even with --force).
  let reads: readonly string[] = [];
  // The scenario given, whose preconditions and events the team files edit.
  let given: Scenario | undefined;
  if (/^\d+$/.test(point.trim())) {
    year = Number(point);
    if (!years.includes(year)) throw new UsageError(`no debate kit for ${point}: the bundled kits are for ${known}; or give a scenario of one of those years`);
    base = { extends: `bundled:russia-${year}` };
  } else {
    const loaded = await loadForCommand(point);
    given = loaded.scenario;
    reads = loaded.chain;
    year = loaded.scenario.decisionPoint.year;
    if (!years.includes(year)) throw new UsageError(`no debate kit for ${loaded.scenario.id}: its decision point is ${year}, and the bundled kits are for ${known}`);
    const bundled = /^[a-z0-9][a-z0-9-]*$/.test(point);
    base = bundled
      ? { extends: `bundled:${point}` }
      : {
          extends: COPY,
          // Its baseline named from the kit's folder, where the copy goes (not from the file's own).
          copy: authoringYaml(completeDocument(await withBaselineFor(loaded.scenario, loaded, join(resolve(flags.out), COPY)), {}), ` ${loaded.scenario.title}: copied by article10 kit from ${point}, for the team files to extend.`),
        };
  }
  const dir = resolve(flags.out);
  const kitDir = join(bundledScenariosDir(), 'kits', String(year));
  // The bundled team files are read too: a kit written into their folder must not replace them.
  const templates = [join(kitDir, 'team-a.yaml'), join(kitDir, 'team-b.yaml')];
  const makeFolder = await checkOutFolder('--out', flags.out, [...KIT_FILES, ...(base.copy === undefined ? [] : [COPY])], flags.force === true, { reads: [...reads, ...templates], writes: [] });

  // The schema line points at the package's schema, which the bundled files reach by a relative path that the folder does not have.
  const schema = `# yaml-language-server: $schema=${join(bundledScenariosDir(), 'schema.json')}`;
  const teamText = async (team: 'a' | 'b') =>
    (await readFile(join(kitDir, `team-${team}.yaml`), 'utf8')).replace(/^extends: .*$/m, `extends: ${base.extends}`).replace(/^# yaml-language-server: \$schema=.*$/m, schema);
  const texts = { a: await teamText('a'), b: await teamText('b') };
  if (given !== undefined) refuseMissingIds(point, year, given, [texts.a, texts.b]);

  // The team files are loaded as they will be read from the folder, before anything is written there.
  const scratch = await mkdtemp(join(tmpdir(), 'article10-kit-'));
  let teams;
  try {
    if (base.copy !== undefined) await writeFile(join(scratch, COPY), base.copy);
    await writeFile(join(scratch, 'team-a.yaml'), texts.a);
    await writeFile(join(scratch, 'team-b.yaml'), texts.b);
    teams = {
      a: await loadTeam(join(scratch, 'team-a.yaml'), point),
      b: await loadTeam(join(scratch, 'team-b.yaml'), point),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const { a, b } = teams;
  const runs = flags.runs;
  // The comparison (both teams) and the two handouts: the work is said, or refused, like any command's.
  checkWork({ command: 'kit', made: `the comparison and two handouts, 4 × ${branchCount(runs)}`, branches: 4 * runs, smaller: 'fewer --runs' }, flags.yes);
  // The commands that make each handout again from the folder, as `report` prints them (team A's names the sides, as it is centred on A).
  const again = ['--runs', String(runs), '--seed', flags.seed, '--format', 'html'];
  const reports = {
    b: ['article10', 'report', 'team-a.yaml', '--compare', 'team-b.yaml', '--audience', 'student', ...again].map(shellWord).join(' '),
    a: ['article10', 'report', 'team-b.yaml', '--compare', 'team-a.yaml', '--names', 'Team B,Team A', '--audience', 'student', ...again].map(shellWord).join(' '),
  };
  // The comparison of A with B is team B's handout's and the guide's: run once. Team A's handout compares B with A.
  const made = await runAnalysis(`kit ${year}`, 4 * runs, async (signal, progress) => {
    const options = { seed: flags.seed, runs, workers: flags.workers, signal };
    const comparison = await compareScenarios(a, b, { seed: flags.seed, runs, signal, onProgress: progress });
    const handoutB = await prepareStudentHandout(
      { scenario: b, other: a, comparison, names: { centre: 'Team B', other: 'Team A' }, command: reports.b },
      { ...options, onProgress: (n) => progress(runs + n) },
    );
    const handoutA = await prepareStudentHandout(
      { scenario: a, other: b, names: { centre: 'Team A', other: 'Team B' }, command: reports.a },
      { ...options, onProgress: (n) => progress(2 * runs + n) },
    );
    return { handoutA, handoutB, comparison };
  });
  if (makeFolder) await mkdir(dir);
  // Files already in the folder were refused by checkOutFolder unless --force.
  const written = { force: flags.force === true };
  const kitAgain = ['article10', 'kit', point, '--out', flags.out, '--runs', String(runs), '--seed', flags.seed].map(shellWord).join(' ');
  const guide = teachersGuide({ a: made.handoutA, b: made.handoutB, comparison: made.comparison, files: { a: 'team-a.yaml', b: 'team-b.yaml' }, seed: flags.seed, runs, commands: { kit: kitAgain }, base: { title: given?.title ?? `the ${year} decision point (bundled)`, counterfactual: given?.baseline !== undefined } });
  if (base.copy !== undefined) await emit(base.copy, join(flags.out, COPY), written);
  await emit(texts.a, join(flags.out, 'team-a.yaml'), written);
  await emit(texts.b, join(flags.out, 'team-b.yaml'), written);
  await emit(studentHtml(made.handoutA), join(flags.out, 'team-a-handout.html'), written);
  await emit(studentHtml(made.handoutB), join(flags.out, 'team-b-handout.html'), written);
  await emit(teachersGuideHtml(guide, made.handoutB), join(flags.out, 'teachers-guide.html'), written);
}

/**
 * The team files edit preconditions and events by id: a scenario without one of them cannot
 * take the edit (the team file would be refused at its own line, in a file the user never saw).
 */
function refuseMissingIds(point: string, year: number, scenario: Scenario, teamTexts: readonly string[]): void {
  const has = {
    precondition: new Set(scenario.preconditions.map((p) => p.id)),
    rule: new Set(scenario.rules.map((r) => r.id)),
    event: new Set(scenario.events.map((e) => e.id)),
  };
  const missing = new Set<string>();
  for (const text of teamTexts) {
    // The bundled team files: trusted text of the package.
    const doc = parseYaml(text) as Partial<Record<'preconditions' | 'rules' | 'events', { id: string }[]>>;
    for (const [kind, list] of [['precondition', doc.preconditions], ['rule', doc.rules], ['event', doc.events]] as const) {
      for (const item of list ?? []) if (!has[kind].has(item.id)) missing.add(`${kind} ${item.id}`);
    }
  }
  if (missing.size === 0) return;
  throw new UsageError(
    `the ${year} kit's team files change what ${point} does not have (${[...missing].join(', ')}): give a scenario that keeps the ids of russia-${year}, or \`article10 kit ${year}\` for the bundled one`,
  );
}

async function loadTeam(file: string, point: string) {
  try {
    return (await loadForCommand(file)).scenario;
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`the kit's team files do not fit ${point}: ${error.message}`);
    throw error;
  }
}
