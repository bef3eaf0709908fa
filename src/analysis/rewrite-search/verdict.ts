import type { RewriteReport } from './run.js';

/**
 * What a search's answer is, told the same way in the text, the handouts, the explorer and the
 * page: the start already meets the target; a rewrite meets it; none does, and the closest moved
 * the share; or none moved the share at all, and the rewrite shown is only the furthest along the
 * funnel stages before the target (a distance that bought nothing). (Its own file: the page
 * reads it without the search.)
 */
export type RewriteVerdict = 'met_at_start' | 'found' | 'closest' | 'unmoved';

export function rewriteVerdict(r: Pick<RewriteReport, 'found'> & { readonly start: { readonly share: number }; readonly rewrite: { readonly changes: readonly unknown[]; readonly search: { readonly share: number } } }): RewriteVerdict {
  const rw = r.rewrite;
  if (r.found) return rw.changes.length === 0 ? 'met_at_start' : 'found';
  return rw.changes.length > 0 && rw.search.share !== r.start.share ? 'closest' : 'unmoved';
}
