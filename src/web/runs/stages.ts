import { MAX_EXPLORER_BRANCHES, REFINED_BRANCHES } from '../../batch/stages.js';

/**
 * The page's runs, as in the terminal's explorer (src/batch/stages.ts): a quick estimate, then
 * refined, always on the same seed. The user may ask for another number of branches (a URL's
 * `runs`), which becomes the refined stage.
 */
export { stagesFor } from '../../batch/stages.js';
export const DEFAULT_BRANCHES = REFINED_BRANCHES;
/** Most branches the page runs for one scenario, as the terminal's explorer. */
export const MAX_PAGE_BRANCHES = MAX_EXPLORER_BRANCHES;
export const DEFAULT_SEED = '1';
/** Branches per range handed to a worker: a cancelled run holds a worker for at most one. */
export const SLICE = 4_096;
