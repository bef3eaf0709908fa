import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { integer } from '../report/format.js';
import { ExitCode, UsageError } from './errors.js';

/**
 * Writes a command's result to --out (atomically: the old file or the new one, never half) or
 * stdout. A file that cannot be written is a message and exit 1, not an internal error. A long
 * document may come in chunks, written one after another rather than joined first.
 */
export async function emit(text: string | readonly string[], out: string | undefined): Promise<void> {
  if (out === undefined) {
    for (const chunk of typeof text === 'string' ? [text] : blocks(text)) {
      await new Promise<void>((resolve, reject) => process.stdout.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    return;
  }
  try {
    await writeFileAtomic(out, typeof text === 'string' ? text : blocks(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${out}: ${reason}; the file was left as it was`, ExitCode.failure);
  }
}

/** Many small chunks as blocks of about a megabyte: fewer writes, and never one giant string. */
function* blocks(chunks: readonly string[], size = 1 << 20): Generator<string> {
  let block: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    block.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield block.join('');
      block = [];
      length = 0;
    }
  }
  if (block.length > 0) yield block.join('');
}

/**
 * Refuses an --out that can never be written, before any work: an empty name, a folder that
 * does not exist, or a folder where the file should be. Called for every command.
 */
export async function checkOutPath(out: unknown): Promise<void> {
  if (out === undefined) return;
  if (typeof out !== 'string' || out.trim() === '') throw new UsageError('--out needs a file name');
  const folder = dirname(resolve(out));
  const [folderInfo, info] = await Promise.all([stat(folder).catch(() => undefined), stat(out).catch(() => undefined)]);
  if (folderInfo?.isDirectory() !== true) throw new UsageError(`--out ${out}: there is no folder ${folder}`);
  if (info?.isDirectory() === true) throw new UsageError(`--out ${out}: is a folder; name a file in it`);
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
