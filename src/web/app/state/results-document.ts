import { rewriteDistance } from '../../../analysis/rewrite/rewrite-distance.js';
import type { Results } from '../../../model/results.js';
import type { Scenario } from '../../../model/scenario.js';
import { stableJson } from '../../../report/json.js';

/**
 * The page's results as `article10 run --json` prints them: the results and, when the scenario
 * rewrites another (its baseline, or the file it extends), the rewrite distance from it. For a
 * bundled scenario as written, at the same seed and branches, the same bytes.
 */
export function resultsDocument(results: Results, scenario: Scenario, rewriteFrom: Scenario | undefined): string {
  return stableJson(rewriteFrom === undefined ? results : { ...results, rewrite: rewriteDistance(rewriteFrom, scenario) });
}
