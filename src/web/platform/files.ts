/**
 * The page's files, as the Node stand-ins of this folder see them: the bundled scenarios under
 * /scenarios/ and the files a user opened under /files/ (the working folder). The scenario
 * loader of the command line runs on them unchanged, so a file opened in the page is read,
 * refused and reported exactly as `article10 validate` would.
 */
const files = new Map<string, Uint8Array>();
const folders = new Set<string>(['/']);
let working = '/';

/** The folder relative paths start from (what process.cwd() returns). */
export function workingFolder(): string {
  return working;
}

export function setWorkingFolder(folder: string): void {
  addFolders(folder.replace(/\/+$/, '') || '/');
  working = folder;
}

/** An absolute path with `.` and `..` resolved and no trailing slash. */
export function normalized(path: string): string {
  const absolute = path.startsWith('/') ? path : `${working.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function addFolders(path: string): void {
  const parts = normalized(path).split('/').filter((p) => p !== '');
  for (let i = 0; i <= parts.length; i++) folders.add(`/${parts.slice(0, i).join('/')}`);
}

/** Puts a file (its bytes as read, or text as UTF-8) at `path`, replacing any there. */
export function putFile(path: string, content: Uint8Array | string): void {
  const at = normalized(path);
  addFolders(at.slice(0, at.lastIndexOf('/')) || '/');
  files.set(at, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

export function fileBytes(path: string): Uint8Array | undefined {
  return files.get(normalized(path));
}

export function isFolder(path: string): boolean {
  return folders.has(normalized(path));
}

/** The names in a folder (files and folders), sorted. */
export function namesIn(path: string): string[] {
  const folder = normalized(path);
  const prefix = folder === '/' ? '/' : `${folder}/`;
  const names = new Set<string>();
  for (const p of [...files.keys(), ...folders]) {
    if (p.startsWith(prefix) && p !== folder) names.add(p.slice(prefix.length).split('/')[0]!);
  }
  return [...names].sort();
}

/** A Node-style system error: what the loader reads with errorCode(). */
export function systemError(code: 'ENOENT' | 'EISDIR' | 'ENOTSUP', call: string, path: string): Error {
  const what = { ENOENT: 'no such file or directory', EISDIR: 'illegal operation on a directory', ENOTSUP: 'operation not supported in the browser' }[code];
  return Object.assign(new Error(`${code}: ${what}, ${call} '${path}'`), { code, path, syscall: call });
}
