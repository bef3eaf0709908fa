import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSE_CACHE_FILE, placeIn, textKey } from './parse-cache.js';
import { parseScenarioText } from './parse-yaml.js';

/**
 * Build step (run by `npm run build` from dist/): parses every bundled scenario file once and
 * writes dist/parse-cache.json. Files that do not parse are left out: they will report their
 * problems when read.
 */
const scenarios = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const out = fileURLToPath(new URL(`../${PARSE_CACHE_FILE}`, import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const entries: Record<string, unknown> = {};
for (const file of yamlFiles(scenarios)) {
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenarioText(text, file);
  if (parsed.ok) entries[textKey(text)] = placeIn(parsed.value, '');
}
writeFileSync(out, JSON.stringify(entries));
