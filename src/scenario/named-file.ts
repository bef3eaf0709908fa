import { readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { notRegularFile, openFailure } from '../io/read-text.js';
import { issueAt, type Issue, type IssueCode, type Origin, type Result } from './issue.js';
import { readFailureCode } from './read-scenario-file.js';
import { nearest } from './suggest.js';

/**
 * The one rule for every file a scenario or experiment file names (`extends`, `baseline`, an
 * experiment's `scenario`): a relative path inside the naming file's own folder or below it
 * (no `..` out, no absolute path, no symbolic link leading out), or `bundled:<id>` for
 * `<bundledDir>/<id>.yaml` (an id cannot climb out). The target must be a regular file. A
 * refused file is never opened, so no message can show what it holds.
 */
export const BUNDLED_PREFIX = 'bundled:';
/** A bundled scenario's name: its id, or `backtests/<id>` for a bundled backtest case (as `list` and the page name them). */
export const BUNDLED_NAME = /^(backtests\/)?[a-z0-9][a-z0-9-]*$/;

/** A file in play: the name shown in messages and the real path on disk. */
export interface NamedFile {
  readonly shownAs: string;
  readonly realPath: string;
}

/** What each refusal is called; `extends` keeps codes of its own. */
export interface RefusalCodes {
  readonly outside: IssueCode;
  readonly notFound: IssueCode;
}

export const NAMED_FILE_CODES: RefusalCodes = { outside: 'path_outside', notFound: 'file_not_found' };

export interface NamedBy {
  /** The field that names the file, as messages call it: `extends`, `baseline`, `scenario`. */
  readonly field: string;
  /** Where the name is written. */
  readonly at: Origin;
  readonly bundledDir: string;
  readonly codes?: RefusalCodes;
}

/** The file `from` as a naming file: its real path when it exists (text loaded from memory may have none). */
export async function namingFile(from: string): Promise<NamedFile> {
  return { shownAs: from, realPath: await realOrResolved(from) };
}

/** The file `written` names, from the file `from`, or the issue that refuses it. */
export async function resolveNamedFile(written: string, from: NamedFile, by: NamedBy): Promise<Result<NamedFile>> {
  const codes = by.codes ?? NAMED_FILE_CODES;
  const refuse = (code: IssueCode, message: string, expected?: string): Result<NamedFile> => ({ ok: false, issues: [issueAt(code, message, by.at, by.field, expected)] });
  const name = JSON.stringify(written);
  let folder: string;
  let path: string;
  let shownAs: string;
  if (written.startsWith(BUNDLED_PREFIX)) {
    const id = written.slice(BUNDLED_PREFIX.length);
    if (!BUNDLED_NAME.test(id)) return refuse('invalid_format', `${name} is not a bundled scenario id`, 'bundled:<id> (or bundled:backtests/<id>) with lowercase letters, digits and -');
    folder = by.bundledDir;
    path = shownAs = join(by.bundledDir, `${id}.yaml`);
  } else {
    if (isAbsolute(written) || /^[A-Za-z]:/.test(written) || written.startsWith('\\')) {
      return refuse(codes.outside, `${by.field} must be a relative path inside this file's folder, not ${name}`);
    }
    folder = dirname(from.realPath);
    path = resolve(folder, written);
    if (!isInside(folder, path)) return refuse(codes.outside, `${name} is outside this file's folder: ${by.field} may only name files in it or below it`);
    shownAs = join(dirname(from.shownAs), written);
  }

  let realPath: string;
  try {
    realPath = await realpath(path);
  } catch (error) {
    // No file there, a loop of links or a name too long: said as such; anything else (a NUL in the name) is no such file.
    const failure = openFailure(error);
    return refuse(codes.notFound, `${by.field} ${name}: ${failure.kind === 'not_found' ? failure.message : 'no such file'} (${shownAs})${bundledHint(written, by.bundledDir)}`);
  }
  // A symbolic link inside the folder may still lead out of it.
  if (!isInside(await realOrResolved(folder), realPath)) {
    return refuse(codes.outside, `${name} leads outside ${written.startsWith(BUNDLED_PREFIX) ? 'the bundled folder' : "this file's folder"}`);
  }
  // Only a regular file: a named pipe or a device would block or never end when read.
  try {
    const refused = notRegularFile(await stat(realPath));
    if (refused !== undefined) return refuse(readFailureCode(refused.kind), `${by.field} ${name}: ${refused.message} (${shownAs})`);
  } catch {
    return refuse(codes.notFound, `${by.field} ${name}: no such file (${shownAs})`);
  }
  return { ok: true, value: { shownAs, realPath } };
}

/** The bundled names: each scenario's id, and `backtests/<id>` for each backtest case. */
export function bundledNames(bundledDir: string): string[] {
  const ids = (folder: string, prefix: string) => {
    try {
      return readdirSync(join(bundledDir, folder)).filter((f) => f.endsWith('.yaml')).map((f) => `${prefix}${f.slice(0, -5)}`);
    } catch {
      return [];
    }
  };
  return [...ids('.', ''), ...ids('backtests', 'backtests/')];
}

/**
 * A hint for a file that is not there: `bundled:<id>` when the name written is a bundled
 * scenario's file name (`russia-2000.yaml`, which only the bundled folder holds), or the bundled
 * name nearest a `bundled:` one mistyped.
 */
function bundledHint(written: string, bundledDir: string): string {
  const names = bundledNames(bundledDir);
  if (written.startsWith(BUNDLED_PREFIX)) {
    const near = nearest(written.slice(BUNDLED_PREFIX.length), names);
    return near === undefined ? '' : `; did you mean "bundled:${near}"?`;
  }
  const id = basename(written).replace(/\.ya?ml$/, '');
  const named = names.find((n) => n === id || n === `backtests/${id}`);
  return named === undefined ? '' : `; a bundled scenario is named "bundled:${named}"`;
}

/** Whether a problem says the file is missing, rather than refused (codes of NAMED_FILE_CODES, not those of `extends`). */
export function isNotFound(issue: Issue): boolean {
  return issue.code === NAMED_FILE_CODES.notFound;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}
