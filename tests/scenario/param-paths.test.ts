import { describe, expect, test } from 'vitest';
import { compile } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import { getParam, scenarioParams, setParam } from '../../src/scenario/param-paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { rangeProblem } from '../../src/scenario/param-kinds.js';

const load = async (name: string) => {
  const r = await loadScenarioFile(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.scenario;
};

describe('parameter paths', () => {
  test('every parameter the engine compiles has a path analyses can read and write', async () => {
    const s = await load('russia-2000');
    const compiled = compile(s);
    const paths = new Set(scenarioParams(s).map((e) => e.path));
    for (const p of compiled.params.paths) expect(paths, p).toContain(p);
  });

  test('setParam changes exactly one value and leaves the original alone', async () => {
    const s = await load('russia-2000');
    const t = setParam(s, 'allies.US.consent', fixed(0.99, 'test'))!;
    expect(getParam(t, 'allies.US.consent')).toEqual(fixed(0.99, 'test'));
    expect(getParam(s, 'allies.US.consent')).not.toEqual(fixed(0.99, 'test'));
    const changed = scenarioParams(t).filter((e, i) => e.param !== scenarioParams(s)[i]!.param);
    expect(changed.map((e) => e.path)).toEqual(['allies.US.consent']);
  });

  test('an unknown path gives undefined, never a new field', async () => {
    const s = await load('russia-2000');
    expect(setParam(s, 'allies.US.charisma', fixed(1))).toBeUndefined();
    expect(setParam(s, '__proto__.polluted', fixed(1))).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a value of an open range past a million', () => {
  test('is told as a file tells it (1,000,000), in a --vary, a --range and a design alike', () => {
    expect(rangeProblem('nonNegative', 2e6)).toBe('2000000 is past 1,000,000, far beyond anything the model can tell apart');
    expect(rangeProblem('real', -2e6)).toBe('-2000000 is past -1,000,000, far beyond anything the model can tell apart');
    expect(rangeProblem('real', 1e6)).toBeUndefined();
  });
});
