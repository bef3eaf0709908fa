/**
 * The explorers' runs, in the terminal and in the page: a quick estimate, then refined to the
 * branches asked for (REFINED_BRANCHES unless `tui --runs` or the page's `runs` says otherwise);
 * the quick one never exceeds it. Measured on 2 cores with russia-2000 (28 Allies, 13 years):
 * ~45 ms and ~250 ms after an edit.
 */
export const QUICK_BRANCHES = 4_096;
export const REFINED_BRANCHES = 40_960;
/** Most branches an explorer refines to: it runs again after every edit (a few seconds on a school laptop). */
export const MAX_EXPLORER_BRANCHES = 1_000_000;

export function stagesFor(runs: number): number[] {
  return runs <= QUICK_BRANCHES ? [runs] : [QUICK_BRANCHES, runs];
}
