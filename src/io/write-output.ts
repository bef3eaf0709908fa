import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import type { OutputTarget } from './output-target.js';
import { writeAll } from './write-all.js';

/** How long opening a FIFO may wait for its reader before the wait is said. */
const WAIT_NOTICE_MS = 300;

export interface WriteOutputOptions {
  /** Aborting it stops the write: a file is left as it was, a device or FIFO gets no more. */
  readonly signal?: AbortSignal;
  /** Called when a FIFO has no reader yet, before the write waits for one (so the wait can be said). */
  readonly onWaitForReader?: () => void;
}

/**
 * Writes `data` to a target as its kind allows: a file (new or existing) atomically, through
 * a temporary file beside it, keeping an existing file's mode; a character device or a FIFO
 * directly, since renaming over one would replace it with a file. Whether a read-only file may
 * be replaced is the caller's decision, made before.
 */
export async function writeToTarget(target: OutputTarget, data: string | Uint8Array, options: WriteOutputOptions = {}): Promise<void> {
  switch (target.kind) {
    case 'new':
      return writeFileAtomic(target.path, data, options);
    case 'file':
      return writeFileAtomic(target.path, data, { ...options, keep: target });
    case 'stream':
      return writeDirect(target.path, typeof data === 'string' ? Buffer.from(data) : data, target.fifo, options);
    case 'refused':
      throw new Error(`it is ${target.what}, not a file`);
  }
}

async function writeDirect(path: string, data: Uint8Array, fifo: boolean, options: WriteOutputOptions): Promise<void> {
  const signal = options.signal;
  signal?.throwIfAborted();
  const handle = await openForWriting(path, fifo, signal, options.onWaitForReader);
  try {
    await writeAll(handle, data, signal);
  } finally {
    await handle.close();
  }
}

/**
 * Opens as a shell redirection would, but never creates or truncates (the thing is there and
 * stays what it is). Opening a FIFO waits for a reader; an abort meanwhile opens it for reading
 * here, which ends the wait, so an interrupt is never stuck behind a pipe nobody reads.
 */
async function openForWriting(path: string, fifo: boolean, signal: AbortSignal | undefined, onWait?: () => void): Promise<FileHandle> {
  const opening = open(path, constants.O_WRONLY | constants.O_NOCTTY);
  if (!fifo) return opening;
  // Still waiting after a moment: no reader has opened the pipe (a probe that opened and closed
  // it would end a reader already there with an empty read).
  const told = onWait === undefined ? undefined : setTimeout(onWait, WAIT_NOTICE_MS);
  void opening.then(() => clearTimeout(told), () => clearTimeout(told));
  if (signal === undefined) return opening;
  let reader: Promise<FileHandle | undefined> | undefined;
  const unblock = () => {
    reader = open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  };
  signal.addEventListener('abort', unblock, { once: true });
  try {
    return await opening;
  } finally {
    signal.removeEventListener('abort', unblock);
    await (await reader)?.close();
  }
}
