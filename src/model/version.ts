/** Results carry this version: same scenario + seed + version gives the same bytes. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
