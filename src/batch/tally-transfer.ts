import type { Tally } from '../engine/index.js';
import type { SerializedTally } from './protocol.js';

/** The count arrays of a Tally (blockerYearSum has the shape of blockers). */
export const ARRAY_FIELDS = ['exits', 'funnel', 'tracks', 'exitYears', 'joinMonths', 'inviteMonths', 'joinLags', 'blockers', 'blockerYearSum', 'objectors'] as const;

/** Zeroes a tally, to be filled again: a worker keeps one per model rather than allocating one per task. */
export function clearTally(t: Tally): void {
  t.runs = 0;
  for (const f of ARRAY_FIELDS) t[f].fill(0);
}

/**
 * A tally as it crosses between threads: only its non-zero cells. The arrays of blockers by
 * Ally and reason are large and mostly zero; sent whole, every task of a long run would leave
 * ~150 kB of buffers behind, and memory would grow with the number of branches.
 */
export function serializeTally(t: Tally): SerializedTally {
  const arrays: Record<string, SerializedTally['arrays'][string]> = {};
  for (const f of ARRAY_FIELDS) {
    const a = t[f];
    let nonZero = 0;
    for (let j = 0; j < a.length; j++) if (a[j] !== 0) nonZero++;
    const index = new Int32Array(nonZero);
    const value = new Float64Array(nonZero);
    for (let j = 0, k = 0; j < a.length; j++) {
      if (a[j] === 0) continue;
      index[k] = j;
      value[k++] = a[j]!;
    }
    arrays[f] = { length: a.length, index, value };
  }
  return { runs: t.runs, arrays };
}

/** total += the tally a worker sent; throws if it does not have the shape of `total`. */
export function mergeSerializedInto(total: Tally, s: SerializedTally): void {
  for (const f of ARRAY_FIELDS) {
    const sent = s.arrays[f];
    const into = total[f];
    if (sent === undefined || !(sent.index instanceof Int32Array) || !(sent.value instanceof Float64Array) || sent.length !== into.length || sent.index.length !== sent.value.length) {
      throw new Error(`worker returned a tally without ${f} of the expected shape`);
    }
    for (let k = 0; k < sent.index.length; k++) {
      const j = sent.index[k]!;
      if (j < 0 || j >= into.length) throw new Error(`worker returned a tally without ${f} of the expected shape`);
      into[j]! += sent.value[k]!;
    }
  }
  total.runs += s.runs;
}
