import { fileBytes, isFolder, systemError } from './files.js';
import { statOf } from './fs-promises.js';

/** node:fs over the page's files (see files.ts): the synchronous calls the loader's modules make. */

export const constants = { O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_NONBLOCK: 2048, O_CREAT: 64, O_EXCL: 128 };

export function existsSync(path: string): boolean {
  return fileBytes(path) !== undefined || isFolder(path);
}

export function readFileSync(path: string, encoding?: string | { readonly encoding?: string }): string | Uint8Array {
  const bytes = fileBytes(path);
  if (bytes === undefined) throw systemError('ENOENT', 'open', path);
  const wanted = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return wanted === undefined ? bytes.slice() : new TextDecoder().decode(bytes);
}

export function statSync(path: string) {
  return statOf(path, 'stat');
}

const refused = (call: string) => (path: unknown) => {
  throw systemError('ENOTSUP', call, String(path));
};

export const writeFileSync = refused('write');
export const mkdirSync = refused('mkdir');
export const readdirSync = refused('scandir');
export const realpathSync = refused('realpath');

export type { Stats } from './fs-promises.js';

export default { constants, existsSync, readFileSync, statSync, writeFileSync, mkdirSync, readdirSync, realpathSync };
