/**
 * The page's runs: a quick estimate, then refined, as in the terminal's explorer (4,096 then
 * 40,960 branches), always on the same seed. The user may ask for another number of branches
 * (a URL's `runs`), which becomes the refined stage; the quick one never exceeds it.
 */
export const QUICK_BRANCHES = 4_096;
export const DEFAULT_BRANCHES = 40_960;
/** Most branches the page runs for one scenario: a few seconds on a school laptop. */
export const MAX_PAGE_BRANCHES = 1_000_000;
export const DEFAULT_SEED = '1';
/** Branches per range handed to a worker: a cancelled run holds a worker for at most one. */
export const SLICE = 4_096;

export function stagesFor(runs: number): number[] {
  return runs <= QUICK_BRANCHES ? [runs] : [QUICK_BRANCHES, runs];
}
