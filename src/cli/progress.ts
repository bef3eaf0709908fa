import { roughDuration } from '../batch/work-limits.js';
import { integer } from '../report/format.js';

/** How long a run goes before it guesses the time left: sooner, the guess is mostly start-up. */
const GUESS_AFTER_MS = 2000;

/**
 * The progress line: the share done, the branches, and once the run has gone on long enough to
 * tell, the time left at the pace so far (a file of many Allies, rules and events can take
 * milliseconds a branch, so the branch count alone does not say when it ends).
 */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const line = `${label}: ${Math.floor((100 * done) / total)}% (${integer(done)} of ${integer(total)} branches)`;
  if (elapsedMs < GUESS_AFTER_MS || done <= 0 || done >= total) return line;
  return `${line}, about ${roughDuration(((total - done) * elapsedMs) / done / 1000)} left`;
}

/** Progress on stderr, only when a person is watching it. */
export function progressReporter(total: number, label: string): ((done: number) => void) & { end(): void } {
  const live = process.stderr.isTTY === true;
  const start = performance.now();
  let last = 0;
  return Object.assign(
    (done: number) => {
      if (!live) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      // Erase to the end of the line: the new line may be shorter than the last.
      process.stderr.write(`\r${progressLine(label, done, total, now - start)}\u001b[K`);
    },
    {
      end() {
        if (live) process.stderr.write('\r\u001b[2K');
      },
    },
  );
}
