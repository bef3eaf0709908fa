import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { placeIn, textKey } from '../../src/scenario/parse-cache.js';
import { parseScenarioText } from '../../src/scenario/parse-yaml.js';

const CACHE = fileURLToPath(new URL('../../dist/parse-cache.json', import.meta.url));
const bundled = readdirSync(bundledScenariosDir()).filter((f) => f.endsWith('.yaml'));

describe('the build-time parse cache of bundled scenarios', () => {
  test('a tree stored without a file name and placed again equals a fresh parse', () => {
    for (const name of bundled) {
      const file = `${bundledScenariosDir()}${name}`;
      const parsed = parseScenarioText(readFileSync(file, 'utf8'), file);
      if (!parsed.ok) throw new Error(name);
      expect(placeIn(placeIn(parsed.value, ''), file)).toEqual(parsed.value);
    }
  });

  test.runIf(existsSync(CACHE))('the built cache holds exactly what parsing gives, keyed by the text', () => {
    const cache = JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, unknown>;
    for (const name of bundled) {
      const file = `${bundledScenariosDir()}${name}`;
      const text = readFileSync(file, 'utf8');
      const parsed = parseScenarioText(text, file);
      if (!parsed.ok) throw new Error(name);
      expect(cache[textKey(text)], name).toEqual(placeIn(parsed.value, ''));
    }
  });

  test('a changed text has another key, so it can never hit a stale entry', () => {
    expect(textKey('id: a\n')).not.toBe(textKey('id: b\n'));
  });
});
