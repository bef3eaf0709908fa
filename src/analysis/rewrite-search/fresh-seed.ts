import type { RewriteReport } from './run.js';

/**
 * Whether the fresh seed finds the rewrite short of the target beyond chance: its interval lies
 * wholly on the wrong side. The search's own branches then favoured it, and more branches per
 * evaluation give an answer that holds. (Its own file: the page reads it without the search.)
 */
export function missesOnFreshSeed(r: Pick<RewriteReport, 'target' | 'threshold'> & { readonly rewrite: Pick<RewriteReport['rewrite'], 'verification'> }): boolean {
  const [low, high] = r.rewrite.verification.ci95;
  return r.target.includes('<=') ? low > r.threshold : high < r.threshold;
}
