import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/issue.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

/** The shipped scenarios load with the default bundled folder, without a single issue. */
describe.runIf(files.length > 0)('bundled scenarios', () => {
  it.each(files)('%s loads', async (name) => {
    const result = await loadScenarioFile(`${SCENARIOS}${name}`);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });
});
