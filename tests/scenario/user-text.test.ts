import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidateAt, nameWithCode } from '../../src/model/names.js';
import { resolveSource, SOURCES } from '../../src/model/sources.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

/** Every string a reader sees, with where it sits: all string fields except ids and codes. */
function texts(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'id' && k !== 'code') texts(v, `${path}.${k}`, out);
  return out;
}

/** What an author's note or a typing slip looks like in a text a user reads. */
function slips(text: string): string[] {
  const found: string[] = [];
  if (/\bseeds?\s+\d{3}/i.test(text)) found.push('seed note');
  if (/(?<!\.)\.\.(?!\.)/.test(text)) found.push('".."');
  if (/,,/.test(text)) found.push('",,"');
  if (/\)\s*\(/.test(text)) found.push('") ("');
  return found;
}

describe('texts users read', () => {
  it.each(files)('%s has no author notes or doubled punctuation', async (name) => {
    const result = await loadScenarioFile(`${SCENARIOS}${name}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const bad = texts(result.value.scenario, name, []).flatMap(([at, t]) => slips(t).map((s) => `${at}: ${s} in ${JSON.stringify(t)}`));
    expect(bad).toEqual([]);
  });

  it('labels start with a capital, as they may start a sentence', async () => {
    const bad: string[] = [];
    for (const name of files) {
      const result = await loadScenarioFile(`${SCENARIOS}${name}`);
      if (!result.ok) continue;
      const s = result.value.scenario;
      const labels = [s.decisionPoint.label, ...s.events.map((e) => e.label), ...s.preconditions.map((p) => p.label), ...s.rules.map((r) => r.text)];
      for (const l of labels) if (/^[a-z]/.test(l.trim())) bad.push(`${name}: ${l}`);
    }
    expect(bad).toEqual([]);
  });

  it('the source list names documents, not seed files, with no doubled punctuation', () => {
    const bad = Object.entries(SOURCES).flatMap(([id, c]) => slips(c).map((s) => `${id}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('a citation with a comma inside parentheses stays one citation', () => {
    expect(resolveSource('S5 (§2, R)').map((c) => c.id)).toEqual(['S5']);
    expect(resolveSource('S19 (U), S20; assumption').map((c) => c.id)).toEqual(['S19', 'S20', 'assumption']);
  });

  it('the candidate is named as of the year, and a name with a code has single parentheses', () => {
    expect(candidateAt('Soviet Union (Russia from 1991-12)', 1991)).toBe('Soviet Union');
    expect(candidateAt('Soviet Union (Russia from 1991-12)', 1997)).toBe('Russia');
    expect(candidateAt('Russia', 1997)).toBe('Russia');
    expect(nameWithCode('Germany (West Germany until 1990)', 'DE')).toBe('Germany (West Germany until 1990; DE)');
    expect(nameWithCode('France', 'FR')).toBe('France (FR)');
  });
});
