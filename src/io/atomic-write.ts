import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeAll } from './write-all.js';

export interface AtomicWriteOptions {
  /** Aborting it stops the write before the rename: the temporary file is removed, the target untouched. */
  readonly signal?: AbortSignal;
  /** The mode (and, where allowed, the owner) of the file being replaced, for the new file to keep. */
  readonly keep?: { readonly mode: number; readonly uid: number; readonly gid: number };
}

/**
 * Writes `data` so that readers see the old file or the new one, never half of either: write a
 * temporary file in the same directory (rename is atomic only within one file system), flush it
 * to disk, then rename it over the target. On failure or abort the temporary file is removed and
 * the error is rethrown; if the process exits meanwhile (a second Ctrl-C), it is removed on exit.
 * Only for regular files: renaming over a device or a FIFO would replace it.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const { signal, keep } = options;
  signal?.throwIfAborted();
  const temp = join(dirname(path), temporaryName(basename(path)));
  pendingTemps.add(temp);
  watchExit();
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      if (keep !== undefined) {
        // Only root may give a file away; anyone else keeps the file as their own.
        await handle.chown(keep.uid, keep.gid).catch(() => undefined);
        await handle.chmod(keep.mode);
      }
      await writeAll(handle, typeof data === 'string' ? Buffer.from(data) : data, signal);
      await handle.sync();
    } finally {
      await handle.close();
    }
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
  await syncDirectory(dirname(path));
}

/** The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or units). */
const NAME_MAX_BYTES = 255;

/**
 * The temporary file's name: the target's, hidden, with a random suffix (two writers of the same
 * target must not share a temporary file). A target name near the limit leaves no room for the
 * suffix, so the copy in the temporary name is cut short: a 250-character --out was refused
 * with ENAMETOOLONG after the whole run, though a shell writes that name.
 */
function temporaryName(target: string): string {
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  const chars = [...target];
  while (chars.length > 0 && Buffer.byteLength(`.${chars.join('')}${suffix}`) > NAME_MAX_BYTES) chars.pop();
  return `.${chars.join('')}${suffix}`;
}

/** Temporary files being written now: removed if the process exits before they are renamed. */
const pendingTemps = new Set<string>();
let watchingExit = false;

/** One listener for all writers (many at once would trip Node's listener-leak warning). */
function watchExit(): void {
  if (watchingExit) return;
  watchingExit = true;
  process.on('exit', () => {
    for (const temp of pendingTemps) {
      try {
        unlinkSync(temp);
      } catch {
        // Already renamed or never created.
      }
    }
  });
}

/** Makes the rename itself durable. Not every platform can open a directory (Windows): best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is written and renamed; only the crash-durability of the rename is not guaranteed.
  }
}
