import { fileBytes, isFolder, namesIn, normalized, systemError } from './files.js';

/** node:fs/promises over the page's files (see files.ts): what the scenario loader calls. */

export interface Stats {
  readonly size: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSymbolicLink(): boolean;
}

export function statOf(path: string, call: string): Stats {
  const bytes = fileBytes(path);
  const folder = bytes === undefined && isFolder(path);
  if (bytes === undefined && !folder) throw systemError('ENOENT', call, path);
  const no = () => false;
  return { size: bytes?.length ?? 0, isFile: () => bytes !== undefined, isDirectory: () => folder, isFIFO: no, isSocket: no, isCharacterDevice: no, isBlockDevice: no, isSymbolicLink: no };
}

export async function stat(path: string): Promise<Stats> {
  return statOf(path, 'stat');
}

/** The page has no links: a path that exists is its own real path. */
export async function realpath(path: string): Promise<string> {
  statOf(path, 'realpath');
  return normalized(path);
}

export async function readFile(path: string, encoding?: string | { readonly encoding?: string }): Promise<string | Uint8Array> {
  const bytes = fileBytes(path);
  if (bytes === undefined) throw isFolder(path) ? systemError('EISDIR', 'read', path) : systemError('ENOENT', 'open', path);
  const wanted = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return wanted === undefined ? bytes.slice() : new TextDecoder().decode(bytes);
}

export async function readdir(path: string): Promise<string[]> {
  if (!isFolder(path)) throw systemError('ENOENT', 'scandir', path);
  return namesIn(path);
}

export interface FileHandle {
  stat(): Promise<Stats>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number; buffer: Uint8Array }>;
  close(): Promise<void>;
}

export async function open(path: string, _flags?: number | string): Promise<FileHandle> {
  const info = statOf(path, 'open');
  if (info.isDirectory()) throw systemError('EISDIR', 'open', path);
  const bytes = fileBytes(path)!;
  return {
    stat: async () => info,
    async read(buffer, offset, length, position) {
      const part = bytes.subarray(position, Math.min(bytes.length, position + length));
      buffer.set(part, offset);
      return { bytesRead: part.length, buffer };
    },
    close: async () => undefined,
  };
}

const refused = (call: string) => async (path: string) => {
  throw systemError('ENOTSUP', call, String(path));
};

/** The page writes no files: downloads go through the browser. */
export const writeFile = refused('write');
export const rename = refused('rename');
export const unlink = refused('unlink');
export const mkdir = refused('mkdir');
export const lstat = stat;

export default { stat, lstat, realpath, readFile, readdir, open, writeFile, rename, unlink, mkdir };
