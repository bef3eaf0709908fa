import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/scenario.js';

export const BUNDLED = bundledScenariosDir();
export const SMALL_FIXTURE = fileURLToPath(new URL('../fixtures/tui/small.yaml', import.meta.url));

/** A fresh temporary folder and a function that removes it. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'article10-tui-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function load(file: string): Promise<{ scenario: Scenario; file: string; warnings: string[] }> {
  const result = await loadScenarioFile(file, { bundledDir: BUNDLED });
  if (!result.ok) throw new Error(`cannot load ${file}: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.value;
}

/** A scenario without the fields a saved file sets for itself. */
export function withoutName(s: Scenario): Omit<Scenario, 'id' | 'title'> {
  const { id: _id, title: _title, ...rest } = s;
  return rest;
}
