import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findBaseline } from '../../src/batch/baseline.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

test('an inherited baseline is found relative to the file that named it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'a10-baseline-'));
  const file = join(dir, 'mine.yaml');
  writeFileSync(file, 'extends: bundled:russia-2000-stands-in-line\nid: mine\ntitle: Mine\n');
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error('does not load');
  const found = await findBaseline(loaded.value);
  expect(found).toMatchObject({ kind: 'found', file: `${bundledScenariosDir()}russia-2000.yaml` });
});
