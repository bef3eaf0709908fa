import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { duplicateNames } from './document-shape.js';
import { issueAt, type Issue, type Origin, type Result } from './issue.js';
import { LIMITS } from './limits.js';
import { findEntry, type LocatedMap } from './located.js';
import { mergeDocuments, withoutField } from './merge.js';
import { FILE_LEVEL_CODES, readScenarioFile } from './read-scenario-file.js';

const BUNDLED_PREFIX = 'bundled:';
const BUNDLED_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface MergedChain {
  /** The documents of the chain merged, base first, without their `extends` fields. */
  readonly document: LocatedMap;
  /** The file loaded first, then the file it extends, and so on. */
  readonly chain: string[];
  /** Problems found along the way that do not stop the merge (repeated names in a list). */
  readonly issues: Issue[];
}

/** Where one file in the chain lives: the name shown in messages and the real path on disk. */
interface ChainFile {
  readonly shownAs: string;
  readonly realPath: string;
}

/**
 * Follows `extends` from `document` (read from `file`) to the root and merges the chain. A
 * relative target must stay inside the extending file's folder (no `..`, no absolute paths,
 * no symbolic link leading out); `bundled:<id>` names `<bundledDir>/<id>.yaml`.
 */
export async function mergeExtendsChain(document: LocatedMap, file: string, bundledDir: string): Promise<Result<MergedChain>> {
  return follow(document, { shownAs: file, realPath: await realOrResolved(file) }, [], bundledDir);
}

async function follow(document: LocatedMap, file: ChainFile, below: readonly ChainFile[], bundledDir: string): Promise<Result<MergedChain>> {
  const duplicates = duplicateNames(document);
  const own = withoutField(document, 'extends');
  const extendsEntry = findEntry(document, 'extends');
  if (extendsEntry === undefined) return { ok: true, value: { document: own, chain: [file.shownAs], issues: duplicates } };

  const value = extendsEntry.value;
  if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.value.trim() === '') {
    return fail(issueAt('invalid_type', 'extends names a file: a relative path or bundled:<id>', value.at, 'extends', 'text'));
  }
  const written = value.value;
  const chainSoFar = [...below, file];
  if (chainSoFar.length >= LIMITS.maxExtendsDepth) {
    return fail(issueAt('extends_too_long', `more than ${LIMITS.maxExtendsDepth} files in the extends chain`, value.at, 'extends'));
  }

  const target = await resolveTarget(written, file, bundledDir, value.at);
  if (!target.ok) return target;
  const cycleStart = chainSoFar.findIndex((f) => f.realPath === target.value.realPath);
  if (cycleStart >= 0) {
    const names = [...chainSoFar.slice(cycleStart), target.value].map((f) => f.shownAs);
    return fail(issueAt('extends_cycle', `extends cycle: ${names.join(' -> ')}`, value.at, 'extends'));
  }

  const base = await readScenarioFile(target.value.realPath, target.value.shownAs);
  if (!base.ok) return { ok: false, issues: base.issues.map((issue) => (FILE_LEVEL_CODES.has(issue.code) ? atExtends(issue, written, value.at) : issue)) };

  const merged = await follow(base.value, target.value, chainSoFar, bundledDir);
  if (!merged.ok) return merged;
  return {
    ok: true,
    value: {
      document: mergeDocuments(merged.value.document, own),
      chain: [file.shownAs, ...merged.value.chain],
      issues: [...duplicates, ...merged.value.issues],
    },
  };
}

async function resolveTarget(target: string, from: ChainFile, bundledDir: string, at: Origin): Promise<Result<ChainFile>> {
  if (target.startsWith(BUNDLED_PREFIX)) {
    const id = target.slice(BUNDLED_PREFIX.length);
    if (!BUNDLED_ID.test(id)) {
      return fail(issueAt('invalid_format', `${JSON.stringify(target)} is not a bundled scenario id`, at, 'extends', 'bundled:<id> with lowercase letters, digits and -'));
    }
    const path = join(bundledDir, `${id}.yaml`);
    return located(path, path, at, target);
  }
  if (isAbsolute(target) || /^[A-Za-z]:/.test(target) || target.startsWith('\\')) {
    return fail(issueAt('extends_outside', `extends must be a relative path inside this file's folder, not ${JSON.stringify(target)}`, at, 'extends'));
  }
  const folder = dirname(from.realPath);
  const path = resolve(folder, target);
  if (!isInside(folder, path)) {
    return fail(issueAt('extends_outside', `${JSON.stringify(target)} is outside this file's folder: extends may only name files in it or below it`, at, 'extends'));
  }
  const resolved = await located(path, join(dirname(from.shownAs), target), at, target);
  // A symbolic link inside the folder may still lead out of it.
  if (resolved.ok && !isInside(await realOrResolved(folder), resolved.value.realPath)) {
    return fail(issueAt('extends_outside', `${JSON.stringify(target)} leads outside this file's folder`, at, 'extends'));
  }
  return resolved;
}

async function located(path: string, shownAs: string, at: Origin, written: string): Promise<Result<ChainFile>> {
  try {
    return { ok: true, value: { shownAs, realPath: await realpath(path) } };
  } catch {
    return fail(issueAt('extends_not_found', `extends ${JSON.stringify(written)}: no such file (${shownAs})`, at, 'extends'));
  }
}

/** A problem with the extended file as a whole is reported where `extends` names it. */
function atExtends(issue: Issue, written: string, at: Origin): Issue {
  const code = issue.code === 'file_not_found' ? 'extends_not_found' : issue.code;
  return issueAt(code, `extends ${JSON.stringify(written)}: ${issue.message} (${issue.file})`, at, 'extends');
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path when the file exists; loading text that has no file yet still needs a folder. */
async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

function fail<T>(issue: Issue): Result<T> {
  return { ok: false, issues: [issue] };
}
