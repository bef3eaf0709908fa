import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes a command's result to --out (atomically: the old file or the new one, never half) or stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return;
  }
  await writeFileAtomic(out, text);
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
      process.stderr.write(`\r${label}: ${Math.floor((100 * done) / total)}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} branches)`);
    },
    {
      end() {
        if (live) process.stderr.write('\r\u001b[2K');
      },
    },
  );
  return report;
}
