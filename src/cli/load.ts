import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BACKTESTS_FOLDER, bundledScenariosDir } from '../io/paths.js';
import { loadScenarioFile, problemsText, type Issue, type LoadedScenario } from '../scenario/load.js';
import type { SetOrigin } from '../scenario/overrides.js';
import { BUNDLED_NAME, BUNDLED_PREFIX, bundledNames } from '../scenario/named-file.js';
import { nearest } from '../scenario/suggest.js';
import { UsageError } from './errors.js';
import { refuseOutOver } from './output.js';

/**
 * Loads a scenario for a command. A bare name such as `russia-2000` (no path, no
 * extension) refers to a bundled scenario. Problems become one UsageError listing them all.
 */
export async function loadForCommand(file: string, sets: readonly string[] = [], setsAt: readonly SetOrigin[] = []): Promise<LoadedScenario> {
  // An empty argument would resolve to the current folder: "is a directory" says nothing useful.
  if (file.trim() === '') throw new UsageError('the scenario named is empty: give a file or a bundled name (article10 list lists them)');
  const path = resolveScenarioPath(file);
  const result = await loadScenarioFile(path, { sets, setsAt, bundledDir: bundledScenariosDir() });
  if (!result.ok) {
    // Problems all in the file that holds the overrides (an experiment's set:) are counted in it.
    const holder = setsAt[0]?.file;
    const error = issuesError(result.issues, holder !== undefined && result.issues.every((i) => i.file === holder) ? holder : file);
    const hint = bareNameHint(file, result.issues);
    throw hint === undefined ? error : new UsageError(`${error.message}\n${hint}`);
  }
  // The file and every file it extends: --out must not overwrite any of them.
  await refuseOutOver(result.value.chain);
  return result.value;
}

/**
 * When a bare name was read as a bundled scenario's and there is none, a line that says so,
 * since the user may have meant a file, or another bundled name; otherwise undefined.
 */
export function bareNameHint(file: string, issues: readonly Issue[]): string | undefined {
  const bare = isBareName(file) ? file : bundledId(file);
  if (bare === undefined || !issues.some((i) => i.code === 'file_not_found')) return undefined;
  const names = bundledNames(bundledScenariosDir());
  const backtest = names.includes(`backtests/${bare}`) ? `; ${bare} is a bundled backtest case: name it backtests/${bare}` : '';
  const near = backtest === '' ? nearest(bare, names) : undefined;
  const lister = bare.startsWith(`${BACKTESTS_FOLDER}/`) || backtest !== '' ? '`article10 list --backtests` lists the cases' : '`article10 list` lists them';
  return `(a bare name such as ${bare} names a bundled scenario${backtest}${near === undefined ? '' : `; did you mean ${near}?`}; ${lister}, and a file needs its path, e.g. ./${bare}.yaml)`;
}

/** Every problem of a file, one per line, then how many: one UsageError. */
export function issuesError(issues: readonly Issue[], file: string): UsageError {
  return new UsageError(problemsText(issues, file));
}

export function resolveScenarioPath(file: string): string {
  const id = isBareName(file) ? file : bundledId(file);
  if (id !== undefined) return resolve(bundledScenariosDir(), `${id}.yaml`);
  return resolve(file);
}

/** `bundled:russia-2000` on the command line names what it names in a file; undefined for anything else. */
function bundledId(file: string): string | undefined {
  if (!file.startsWith(BUNDLED_PREFIX)) return undefined;
  const id = file.slice(BUNDLED_PREFIX.length);
  return isBareName(id) ? id : undefined;
}

/** A name with no extension (`russia-2000`, `backtests/poland-1999`): a bundled scenario's. */
export function isBareName(file: string): boolean {
  return BUNDLED_NAME.test(file);
}

/** The files a folder holds for commands that read many scenarios: YAML only (a folder may hold a JSON schema). */
const FOLDER_SCENARIO = /\.ya?ml$/;

/**
 * The arguments of a command that reads many scenario files, with each folder replaced by its
 * *.yaml and *.yml files, sorted (not its subfolders'); a bundled name stays a name. A folder
 * with none is a usage error: an empty list would read as nothing to check.
 */
export async function expandFolders(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const bundled = isBareName(arg) && existsSync(resolveScenarioPath(arg));
    const info = bundled || arg.trim() === '' ? undefined : await stat(resolve(arg)).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) {
      out.push(arg);
      continue;
    }
    const entries = await readdir(resolve(arg), { withFileTypes: true });
    const files = entries.filter((e) => !e.isDirectory() && FOLDER_SCENARIO.test(e.name)).map((e) => e.name).sort();
    if (files.length === 0) throw new UsageError(`${arg}: a folder with no scenario files (*.yaml, *.yml) in it`);
    out.push(...files.map((f) => join(arg, f)));
  }
  return out;
}
