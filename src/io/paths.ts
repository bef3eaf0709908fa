import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled scenarios folder. Code runs from src/<layer>/ (tests), dist/<layer>/ or a
 * shared chunk in dist/, so look one and two levels up.
 */
export function bundledScenariosDir(): string {
  for (const rel of ['../scenarios/', '../../scenarios/', '../../../scenarios/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}FORMAT.md`)) return dir;
  }
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

export const DEFAULT_SCENARIO = 'russia-2000.yaml';

/** The built web explorer (`npm run web` writes web-dist/ at the package's root); undefined when it is not built. */
export function builtPageDir(): string | undefined {
  for (const rel of ['../web-dist/', '../../web-dist/', '../../../web-dist/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return undefined;
}

/** The folder of the bundled backtest cases, and the prefix of their bundled names (`backtests/poland-1999`). */
export const BACKTESTS_FOLDER = 'backtests';

/** The bundled backtest cases: scenarios/backtests/*.yaml (files directly in it, sorted). */
export function backtestsDir(): string {
  return join(bundledScenariosDir(), BACKTESTS_FOLDER);
}

export async function bundledBacktests(): Promise<string[]> {
  const dir = backtestsDir();
  return (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));
}
