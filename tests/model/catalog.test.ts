import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/engine/index.js';
import { EffectCode } from '../../src/engine/codes.js';
import { EFFECT_KINDS, EFFECTS, type EffectKindSpec } from '../../src/model/catalog/effects.js';
import { NUMBER_KINDS, type NumberKind } from '../../src/model/catalog/numbers.js';
import { entriesOf, isNumberEntry, resolveParamPath, SCOPE_NAMES } from '../../src/model/catalog/parameters.js';
import type { Effect, Scenario } from '../../src/model/scenario.js';
import { effectToAuthoring } from '../../src/scenario/authoring.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { toEffect } from '../../src/scenario/normalize-rules.js';
import { scenarioParams } from '../../src/scenario/param-paths.js';
import { effectSchema } from '../../src/scenario/schema.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const BUNDLED = [
  ...readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).map((f) => `${SCENARIOS}${f}`),
  ...readdirSync(`${SCENARIOS}backtests`).map((f) => `${SCENARIOS}backtests/${f}`),
];

async function load(file: string): Promise<Scenario> {
  const r = await loadScenarioFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.scenario;
}

/** An effect of each kind, as a file writes it, naming what the sample scenario has. */
function sampleEffect(kind: (typeof EFFECT_KINDS)[number]): Record<string, unknown> {
  const spec: EffectKindSpec = EFFECTS[kind];
  const effect: Record<string, unknown> = { kind };
  const names = { allies: ['US', 'UK'], ally: 'US', precondition: 'democracy', event: 'coup' };
  if (spec.target !== undefined) effect[spec.target] = names[spec.target];
  if (spec.size !== undefined) effect[spec.size.field] = { dist: 'triangular', min: 0, mode: 0.1, max: 0.2, source: 'S1' };
  return effect;
}

describe('the catalog of parameters and effect kinds', () => {
  test.each(BUNDLED.map((f) => [f.slice(SCENARIOS.length)]))('%s: the engine compiles exactly the catalog paths of the rules and events that are on', async (name) => {
    const s = await load(`${SCENARIOS}${name}`);
    const off = [...s.rules.filter((r) => !r.enabled).map((r) => `rules.${r.id}.`), ...s.events.filter((e) => !e.enabled).map((e) => `events.${e.id}.`)];
    const catalog = scenarioParams(s)
      .map((e) => e.path)
      .filter((p) => !off.some((prefix) => p.startsWith(prefix)));
    expect([...compile(s).params.paths].sort()).toEqual([...catalog].sort());
    for (const path of catalog) expect(resolveParamPath(path), path).toBeDefined();
  });

  test('a path of the wrong shape names nothing', () => {
    for (const path of ['candidate', 'candidate.charisma', 'allies.US', 'allies.US.weights', 'rules.x.effects.one.delta', 'process.standardPath', 'nato.cohesion']) {
      expect(resolveParamPath(path), path).toBeUndefined();
    }
    expect(resolveParamPath('allies.US.weights.istanbul')).toMatchObject({ scope: 'ally', owner: 'US', precondition: 'istanbul' });
    expect(resolveParamPath('events.coup.effects.2.months')).toEqual({ scope: 'event', owner: 'coup', effect: 2, field: 'months' });
  });

  test('every value the explorer edits has a kind with editing steps inside its range', () => {
    for (const scope of SCOPE_NAMES) {
      for (const entry of entriesOf(scope).filter(isNumberEntry)) {
        const kind: NumberKind = NUMBER_KINDS[entry.number];
        if (entry.edit === undefined) continue;
        expect(kind.edit, `${scope}.${entry.field}`).toBeDefined();
        if (kind.range === 'probability') expect([kind.edit!.min, kind.edit!.max]).toEqual([0, 1]);
      }
    }
  });

  test('an effect size field means one kind of number whatever the effect', () => {
    const byField = new Map<string, string>();
    for (const kind of EFFECT_KINDS) {
      const size = (EFFECTS[kind] as EffectKindSpec).size;
      if (size === undefined) continue;
      expect(byField.get(size.field) ?? size.number, `${kind}.${size.field}`).toBe(size.number);
      byField.set(size.field, size.number);
    }
  });

  test('the engine has a code for every effect kind, and no other', () => {
    expect(Object.keys(EffectCode).sort()).toEqual([...EFFECT_KINDS].sort());
    expect(new Set(Object.values(EffectCode)).size).toBe(EFFECT_KINDS.length);
  });

  test.each(EFFECT_KINDS.map((k) => [k]))('an effect of kind %s is read, loaded and written back as it was written', (kind) => {
    const written = sampleEffect(kind);
    const parsed = effectSchema.safeParse(written);
    expect(parsed.success).toBe(true);
    const loaded: Effect = toEffect(parsed.data!);
    expect(loaded.kind).toBe(kind);
    expect(effectToAuthoring(loaded)).toEqual(written);
  });

  test('scenarios/FORMAT.md documents every effect kind as the catalog declares it', () => {
    const format = readFileSync(`${SCENARIOS}FORMAT.md`, 'utf8');
    const rows = format.split('\n').filter((line) => /^\| [a-zA-Z]+ \|/.test(line) && !line.startsWith('| kind |'));
    const documented = rows.filter((row) => (EFFECT_KINDS as readonly string[]).includes(row.split('|')[1]!.trim()));
    for (const kind of EFFECT_KINDS) {
      const spec: EffectKindSpec = EFFECTS[kind];
      const target = spec.target === undefined ? [] : [spec.target === 'allies' ? 'allies: all or [codes]' : spec.targetOptional ? `${spec.target} (optional)` : spec.target];
      const fields = [...target, ...(spec.size === undefined ? [] : [spec.size.field])].join(', ');
      expect(documented, kind).toContain(`| ${kind} | ${fields} | ${spec.inRule} | ${spec.inEvent} |`);
    }
  });
});
