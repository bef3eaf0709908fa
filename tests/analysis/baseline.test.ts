import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findBaseline } from '../../src/analysis/rewrite/baseline.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/load.js';

/** A scenario of one's own in a fresh folder, extending a bundled one. */
async function mine(bundled: string): Promise<LoadedScenario> {
  const file = join(mkdtempSync(join(tmpdir(), 'a10-baseline-')), 'mine.yaml');
  writeFileSync(file, `extends: bundled:${bundled}\nid: mine\ntitle: Mine\n`);
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error('does not load');
  return loaded.value;
}

test('an inherited baseline is found relative to the file that named it', async () => {
  const found = await findBaseline(await mine('russia-2000-stands-in-line'));
  expect(found).toMatchObject({ kind: 'found', file: `${bundledScenariosDir()}russia-2000.yaml` });
});

test('a baseline outside the folder is refused without being opened: no line of it is shown', async () => {
  const loaded = await mine('russia-2000');
  for (const written of ['/etc/passwd', '../../../../../../etc/passwd', 'bundled:../../../../etc/passwd']) {
    // As if the check at load time had been skipped: finding the baseline refuses it again.
    const found = await findBaseline({ ...loaded, scenario: { ...loaded.scenario, baseline: written } });
    expect(found.kind, written).toBe('broken');
    if (found.kind === 'broken') expect(found.problems.join('\n')).not.toMatch(/root:|\/bin\/|nologin/);
  }
});

test('a baseline that is missing is said at the line that names it, not at 0:0', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'a10-baseline-')), 'mine.yaml');
  writeFileSync(file, 'extends: bundled:russia-2000\nid: mine\ntitle: Mine\nbaseline: nonexistent.yaml\n');
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error('does not load');
  const found = await findBaseline(loaded.value);
  expect(found.kind).toBe('broken');
  if (found.kind === 'broken') expect(found.problems).toEqual([expect.stringMatching(/mine\.yaml:4:11: baseline: baseline "nonexistent\.yaml": no such file/)]);
});
