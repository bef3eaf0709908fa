import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { errorCode } from './error-code.js';

export type ReadTextFailure =
  | { readonly kind: 'not_found'; readonly message: string }
  | { readonly kind: 'is_directory'; readonly message: string }
  | { readonly kind: 'not_a_file'; readonly message: string }
  | { readonly kind: 'too_large'; readonly message: string }
  | { readonly kind: 'binary'; readonly message: string }
  | { readonly kind: 'invalid_encoding'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly message: string };

export type ReadTextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly failure: ReadTextFailure };

/** Opening a named pipe for reading waits for a writer; without blocking, the open returns at once. Not on Windows, which has no FIFOs. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a UTF-8 text file, refusing what is not one: missing paths, directories, anything
 * but a regular file (a named pipe would block forever, a device never end), files over
 * `maxBytes` (checked before reading, so a huge file is never loaded), binary content (NUL
 * bytes) and invalid UTF-8. A leading byte-order mark is dropped. Never throws.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<ReadTextResult> {
  // Checked before opening, so a device or pipe is not even opened; checked again on the open
  // handle, since the path may have been replaced in between.
  try {
    const refused = notRegularFile(await stat(path));
    if (refused !== undefined) return { ok: false, failure: refused };
  } catch (error) {
    return { ok: false, failure: openFailure(error) };
  }
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, failure: openFailure(error) };
  }
  try {
    const info = await handle.stat();
    const refused = notRegularFile(info);
    if (refused !== undefined) return { ok: false, failure: refused };
    if (info.size > maxBytes) {
      return { ok: false, failure: { kind: 'too_large', message: `the file is ${info.size} bytes; the limit is ${maxBytes} bytes` } };
    }
    // Read at most one byte past the limit: the size can change between stat and read.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, failure: { kind: 'too_large', message: `the file is over the limit of ${maxBytes} bytes` } };
    const bytes = buffer.subarray(0, bytesRead);
    if (isUtf16(bytes)) return { ok: false, failure: { kind: 'invalid_encoding', message: 'the file is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8' } };
    if (bytes.includes(0)) return { ok: false, failure: { kind: 'binary', message: 'the file contains NUL bytes: it is binary, not text' } };
    return decodeUtf8(bytes);
  } catch (error) {
    return { ok: false, failure: readFailure(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const IS_DIRECTORY: ReadTextFailure = { kind: 'is_directory', message: 'is a directory, not a file' };

/** Why `info` is not a file to read (a directory, pipe, socket or device), or undefined for a regular file. */
export function notRegularFile(info: Stats): ReadTextFailure | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return IS_DIRECTORY;
  return { kind: 'not_a_file', message: `is ${specialKind(info)}, not a regular file: only regular files are read` };
}

/** What a path that is not a regular file names, in words. */
export function specialKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** A UTF-16 byte-order mark (FF FE or FE FF): what some editors on Windows save "Unicode" text as. */
function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function decodeUtf8(bytes: Uint8Array): ReadTextResult {
  try {
    // ignoreBOM false (the default) strips a leading BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, failure: { kind: 'invalid_encoding', message: 'the file is not valid UTF-8 text' } };
  }
}

/** Why a path could not be opened (or resolved): no such file, a loop of links, a name too long... */
export function openFailure(error: unknown): ReadTextFailure {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'not_found', message: 'no such file' };
    case 'EISDIR':
      return IS_DIRECTORY;
    case 'ENXIO':
      // A socket, or a device with nothing behind it.
      return { kind: 'not_a_file', message: 'is not a regular file: only regular files are read' };
    case 'ELOOP':
      return { kind: 'not_found', message: 'its symbolic links lead in a loop, never to a file' };
    case 'ENAMETOOLONG':
      return { kind: 'not_found', message: 'the path (or one of its names) is too long for the file system' };
    case 'EACCES':
      return { kind: 'unreadable', message: 'cannot read the file: permission denied' };
    default:
      return readFailure(error);
  }
}

function readFailure(error: unknown): ReadTextFailure {
  if (errorCode(error) === 'EISDIR') return IS_DIRECTORY;
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unreadable', message: `cannot read the file: ${detail}` };
}
