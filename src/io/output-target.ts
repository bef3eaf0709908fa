import { constants, type Stats } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode } from './error-code.js';

/** A file's identity: two paths (links, symbolic links, `..`) name one file when these match. */
export interface FileId {
  readonly dev: number;
  readonly ino: number;
}

/** What an output path names, and so how it may be written. */
export type OutputTarget =
  /** Nothing there yet: a file is created (atomically). */
  | { readonly kind: 'new'; readonly path: string }
  /** A regular file, its symbolic links followed: replaced atomically, keeping its mode. */
  | { readonly kind: 'file'; readonly path: string; readonly id: FileId; readonly mode: number; readonly uid: number; readonly gid: number; readonly readOnly: boolean }
  /** A character device or a FIFO (/dev/null, a terminal, a named pipe): written directly, never replaced. */
  | { readonly kind: 'stream'; readonly path: string; readonly id: FileId; readonly fifo: boolean }
  /** Something no output may go to: a folder, a block device, a socket. */
  | { readonly kind: 'refused'; readonly path: string; readonly id: FileId; readonly what: string };

/** Looks at what `path` names now. Throws only what stat throws besides "not found". */
export async function inspectOutput(path: string): Promise<OutputTarget> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    // A dangling symbolic link is written through, as a shell redirection does: the file is
    // created where the link points, and the link stays.
    if (errorCode(error) === 'ENOENT') return { kind: 'new', path: await linkEnd(path) };
    throw error;
  }
  const id = { dev: info.dev, ino: info.ino };
  if (info.isFile()) {
    const real = await realpath(path);
    return { kind: 'file', path: real, id, mode: info.mode & 0o777, uid: info.uid, gid: info.gid, readOnly: await isReadOnly(real, info) };
  }
  if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', path, id, fifo: info.isFIFO() };
  const what = info.isDirectory() ? 'a folder' : info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : 'not a file';
  return { kind: 'refused', path, id, what };
}

/** Where a chain of symbolic links starting at `path` ends (`path` itself when it is no link). */
export async function linkEnd(path: string): Promise<string> {
  let at = path;
  // As the system does, give up on a chain this long: a loop is reported by stat, not here.
  for (let hop = 0; hop < 40; hop++) {
    const info = await lstat(at).catch(() => undefined);
    if (info === undefined || !info.isSymbolicLink()) return at;
    // A relative target is read from the link's real folder, as the system reads it: `..` after
    // a folder reached through a link is that folder's parent, not the link's.
    at = resolve(await realpath(dirname(at)), await readlink(at));
  }
  return at;
}

/**
 * Where writing `path` puts the file, for what is written relative to it (a saved scenario's
 * `extends`): `path` itself, unless a symbolic link, dangling or not, leads to another folder;
 * then the file's name in that folder, its links followed.
 */
export async function placeWritten(path: string): Promise<string> {
  const target = await inspectOutput(path).catch(() => undefined);
  if (target === undefined || (target.kind !== 'new' && target.kind !== 'file')) return path;
  const folder = await realpath(dirname(target.path)).catch(() => undefined);
  if (folder === undefined || folder === (await realpath(dirname(resolve(path))).catch(() => undefined))) return path;
  return join(folder, basename(target.path));
}

/**
 * Read-only as a shell redirection sees it: no write access for this user. Root passes every
 * access check, so for it a file with no write bit for anyone counts as read-only too.
 */
async function isReadOnly(path: string, info: Stats): Promise<boolean> {
  if ((info.mode & 0o222) === 0) return true;
  try {
    await access(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The identity of the file `path` names (links followed), or undefined when there is none. */
async function fileId(path: string): Promise<FileId | undefined> {
  try {
    const info = await stat(path);
    return { dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}

/** The first of `paths` that names the file `id` (through any link), if one does. */
export async function findSameFile(id: FileId, paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    const other = await fileId(path);
    if (other !== undefined && other.dev === id.dev && other.ino === id.ino) return path;
  }
  return undefined;
}
