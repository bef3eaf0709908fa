import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insideFolder, LOAD_CACHE_DIR, loadCacheName, type LoadCacheEntry } from './load-cache.js';
import type { Origin } from './issue.js';
import { loadScenarioFile } from './load.js';
import { PARSE_CACHE_FILE, placeIn, textKey } from './parse-cache.js';
import { parseScenarioText } from './parse-yaml.js';

/**
 * Build step (run by `npm run build` from dist/): parses every bundled scenario file once and
 * writes dist/parse-cache.json, then loads each in full into dist/load-cache/. Files
 * that do not parse or load are left out: they will report their problems when read.
 */
const scenarios = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const dist = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const files = yamlFiles(scenarios);
const trees: Record<string, unknown> = {};
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenarioText(text, file);
  if (parsed.ok) trees[textKey(text)] = placeIn(parsed.value, '');
}
writeFileSync(dist(PARSE_CACHE_FILE), JSON.stringify(trees));

mkdirSync(dist(LOAD_CACHE_DIR), { recursive: true });
for (const file of files) {
  const loaded = await loadScenarioFile(file, { bundledDir: scenarios });
  if (!loaded.ok) continue;
  const chain = loaded.value.chain.map((f) => ({ file: insideFolder(scenarios, f), key: textKey(readFileSync(f, 'utf8')) }));
  if (chain.some((c) => c.file === undefined)) continue;
  const { scenario, warnings, document, baselineAt } = loaded.value;
  // Where `baseline:` is written, by its file's place in the bundled folder (the folder moves when installed).
  const at = baselineAt === undefined ? undefined : { ...baselineAt, file: insideFolder(scenarios, baselineAt.file) };
  if (at !== undefined && at.file === undefined) continue;
  const entry: LoadCacheEntry = { chain: chain as LoadCacheEntry['chain'], scenario, warnings, document, ...(at === undefined ? {} : { baselineAt: at as Origin }) };
  writeFileSync(join(dist(LOAD_CACHE_DIR), loadCacheName(chain[0]!.file!)), JSON.stringify(entry));
}
