/** How far a search for a branch that ends a given way looks (explain --outcome); no imports, so a command's options can name it. */

/** How many branches a search for an ending looks at, at most: enough for an outcome of 1 in 20,000 (about 99%). */
export const BRANCH_SEARCH_LIMIT = 100_000;

/** How many branches a search from `from` may look at: `limit`, or fewer near the last branch number. */
export function branchesToSearch(from: number, limit = BRANCH_SEARCH_LIMIT): number {
  // Past Number.MAX_SAFE_INTEGER branch numbers round, and a story would be told of the wrong branch.
  return Math.max(0, Math.min(limit, LAST_BRANCH - from + 1));
}

/** The last branch a story can be told of: past it branch numbers round to their neighbours. */
export const LAST_BRANCH = Number.MAX_SAFE_INTEGER;

/** A branch number as typed ("0", "12345"), or undefined: one place for the command line, the explorer and the page. */
export function parseBranchNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return /^\d+$/.test(trimmed) && n <= LAST_BRANCH ? n : undefined;
}
