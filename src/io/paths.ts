import { existsSync } from 'node:fs';
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
