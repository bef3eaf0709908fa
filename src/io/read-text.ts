import { open } from 'node:fs/promises';
import { errorCode } from './error-code.js';

export type ReadTextFailure =
  | { readonly kind: 'not_found'; readonly message: string }
  | { readonly kind: 'is_directory'; readonly message: string }
  | { readonly kind: 'too_large'; readonly message: string }
  | { readonly kind: 'binary'; readonly message: string }
  | { readonly kind: 'invalid_encoding'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly message: string };

export type ReadTextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly failure: ReadTextFailure };

/**
 * Reads a UTF-8 text file, refusing what is not one: missing paths, directories, files over
 * `maxBytes` (checked before reading, so a huge file is never loaded), binary content (NUL
 * bytes) and invalid UTF-8. A leading byte-order mark is dropped. Never throws.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<ReadTextResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, failure: openFailure(error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, failure: { kind: 'is_directory', message: 'is a directory, not a file' } };
    if (info.size > maxBytes) {
      return { ok: false, failure: { kind: 'too_large', message: `the file is ${info.size} bytes; the limit is ${maxBytes} bytes` } };
    }
    // Read at most one byte past the limit: the size can change between stat and read.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, failure: { kind: 'too_large', message: `the file is over the limit of ${maxBytes} bytes` } };
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return { ok: false, failure: { kind: 'binary', message: 'the file contains NUL bytes: it is binary, not text' } };
    return decodeUtf8(bytes);
  } catch (error) {
    return { ok: false, failure: readFailure(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function decodeUtf8(bytes: Uint8Array): ReadTextResult {
  try {
    // ignoreBOM false (the default) strips a leading BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, failure: { kind: 'invalid_encoding', message: 'the file is not valid UTF-8 text' } };
  }
}

function openFailure(error: unknown): ReadTextFailure {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'not_found', message: 'no such file' };
    case 'EISDIR':
      return { kind: 'is_directory', message: 'is a directory, not a file' };
    default:
      return readFailure(error);
  }
}

function readFailure(error: unknown): ReadTextFailure {
  if (errorCode(error) === 'EISDIR') return { kind: 'is_directory', message: 'is a directory, not a file' };
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unreadable', message: `cannot read the file: ${detail}` };
}
