import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { cachedLoad } from '../../src/scenario/load-cache.js';
import { loadFileInFull } from '../../src/scenario/load-in-full.js';
import { ROOT } from '../helpers/cli.js';

/** The cache `npm run build` wrote (npm test builds first). */
const CACHE = join(ROOT, 'dist', 'load-cache');
const BUNDLED = bundledScenariosDir();

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

describe('build-time cache of loaded bundled scenarios', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'article10-load-cache-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test.each(yamlFiles(BUNDLED).map((f) => relative(BUNDLED, f)))('%s: the cached load is exactly the full load', async (rel) => {
    const path = join(BUNDLED, rel);
    const cached = await cachedLoad(path, BUNDLED, [CACHE]);
    const full = await loadFileInFull(path, { bundledDir: BUNDLED });
    if (!full.ok) throw new Error(`${rel} does not load`);
    expect(cached).toBeDefined();
    expect(cached).toEqual(full.value);
  });

  test('a file whose text changed since the build is not taken from the cache', async () => {
    const copy = join(scratch, 'edited');
    cpSync(BUNDLED, copy, { recursive: true });
    const file = join(copy, 'russia-2000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('horizon: 2012', 'horizon: 2011'));
    expect(await cachedLoad(file, copy, [CACHE])).toBeUndefined();
    expect(await cachedLoad(join(copy, 'russia-1990.yaml'), copy, [CACHE])).toBeDefined();
  });

  test('a file whose parent in the extends chain changed is not taken from the cache', async () => {
    const copy = join(scratch, 'parent');
    cpSync(BUNDLED, copy, { recursive: true });
    const parent = join(copy, 'russia-2000.yaml');
    writeFileSync(parent, `${readFileSync(parent, 'utf8')}\n# edited\n`);
    const child = yamlFiles(copy).find((f) => readFileSync(f, 'utf8').includes('extends: russia-2000.yaml') || readFileSync(f, 'utf8').includes('extends: bundled:russia-2000'));
    expect(child).toBeDefined();
    expect(await cachedLoad(child!, copy, [CACHE])).toBeUndefined();
  });

  test('only absolute paths inside the bundled folder are looked up', async () => {
    expect(await cachedLoad('scenarios/russia-2000.yaml', BUNDLED, [CACHE])).toBeUndefined();
    const outside = join(scratch, 'russia-2000.yaml');
    cpSync(join(BUNDLED, 'russia-2000.yaml'), outside);
    expect(await cachedLoad(outside, BUNDLED, [CACHE])).toBeUndefined();
  });

  test('a damaged cache entry is ignored, not trusted', async () => {
    const cache = join(scratch, 'damaged-cache');
    cpSync(CACHE, cache, { recursive: true });
    const entry = join(cache, 'russia-2000.yaml.json');
    const path = join(BUNDLED, 'russia-2000.yaml');
    for (const damaged of ['{', 'null', '{"chain":"x"}', JSON.stringify({ chain: [{ file: 1 }], scenario: {}, warnings: [] })]) {
      writeFileSync(entry, damaged);
      expect(await cachedLoad(path, BUNDLED, [cache])).toBeUndefined();
    }
  });
});
