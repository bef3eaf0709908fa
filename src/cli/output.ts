import { stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { integer } from '../report/format.js';
import { ExitCode, UsageError } from './errors.js';

/**
 * Writes a command's result to --out (atomically: the old file or the new one, never half) or
 * stdout. A file that cannot be written is a message and exit 1, not an internal error.
 */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return;
  }
  try {
    await writeFileAtomic(out, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${out}: ${reason}; the file was left as it was`, ExitCode.failure);
  }
}

/**
 * Refuses an --out that can never be written, before any work: an empty name, a folder that
 * does not exist, a folder where the file should be (or a name ending with a slash), or
 * something other than a file there.
 * Called for every command.
 */
export async function checkOutPath(out: unknown): Promise<void> {
  if (out === undefined) return;
  if (typeof out !== 'string' || out.trim() === '') throw new UsageError('--out needs a file name');
  const folder = dirname(resolve(out));
  const [folderInfo, info] = await Promise.all([stat(folder).catch(() => undefined), stat(out).catch(() => undefined)]);
  if (folderInfo?.isDirectory() !== true) throw new UsageError(`--out ${out}: there is no folder ${folder}`);
  if (info?.isDirectory() === true) throw new UsageError(`--out ${out}: is a folder; name a file in it`);
  if (out.endsWith('/') || out.endsWith(sep)) throw new UsageError(`--out ${out}: ends with a slash, so it names a folder; name a file`);
  // The atomic write renames a new file over the target: that would replace a device such as
  // /dev/null or /dev/stdout, a pipe or a socket with a plain file.
  if (info !== undefined && !info.isFile()) throw new UsageError(`--out ${out}: is not a regular file (a device, pipe or socket); leave --out off to print to stdout`);
}

/** Progress on stderr, only when a person is watching it. */
export function progressReporter(total: number, label: string): ((done: number) => void) & { end(): void } {
  const live = process.stderr.isTTY === true;
  let last = 0;
  const report = Object.assign(
    (done: number) => {
      if (!live) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      process.stderr.write(`\r${label}: ${Math.floor((100 * done) / total)}% (${integer(done)} of ${integer(total)} branches)`);
    },
    {
      end() {
        if (live) process.stderr.write('\r\u001b[2K');
      },
    },
  );
  return report;
}
