/**
 * Edit distance where an insertion, a deletion, a substitution or a swap of two neighbouring
 * letters each cost 1 (optimal string alignment): "mte" is one edit from "met".
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const get = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      let d: number;
      if (i === 0 || j === 0) d = i + j;
      else {
        d = Math.min(get(i - 1, j) + 1, get(i, j - 1) + 1, get(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, get(i - 2, j - 2) + 1);
      }
      table[i * width + j] = d;
    }
  }
  return get(a.length, b.length);
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: within a third
 * of the word's length (at least 1, at most 3 edits). Case differences count as near misses.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  // The table grows with both lengths; a key this long is no typo of a field name.
  if (word.length > 64) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Lengths that differ by more than the limit cannot be close (and a long id would cost a large table).
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = candidate.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = nearest(word, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
