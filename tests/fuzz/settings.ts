/**
 * How hard the fuzzers hunt, read once for all of them. The seed is fixed so CI sees the same
 * cases every time; to hunt with fresh ones, outside `npm test`:
 *   ARTICLE10_FUZZ_SEED=random ARTICLE10_FUZZ_SCALE=10 npx vitest run --config tests/vitest.config.ts tests/fuzz
 * A failure prints its seed and path; pass that seed back (ARTICLE10_FUZZ_SEED=<n>) to replay it,
 * then keep the case as a test of its own.
 */
export const FUZZ_SCALE = Number(process.env['ARTICLE10_FUZZ_SCALE'] ?? 1);
const seedSetting = process.env['ARTICLE10_FUZZ_SEED'] ?? '20260413';
export const FUZZ_SEED = seedSetting === 'random' ? Date.now() % 2 ** 31 : Number(seedSetting);
