import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, findBranch, traceBranch, type CompiledModel } from '../../src/engine/index.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

/** The first branch from `from` whose story ends with `exit`, by telling each story in turn. */
function firstTold(m: CompiledModel, seed: string, exit: string, from: number, limit: number): number | undefined {
  for (let b = from; b < from + limit; b++) if (traceBranch(m, seed, b).exit.exit === exit) return b;
  return undefined;
}

describe('finding a branch by how it ends', () => {
  test.each(['russia-2000-stands-in-line', 'russia-1990'])('%s: the branch found is the first whose story ends that way', async (name) => {
    const r = await loadScenarioFile(join(bundledScenariosDir(), `${name}.yaml`), { bundledDir: bundledScenariosDir() });
    if (!r.ok) throw new Error(`${name} does not load`);
    const m = compile(r.value.scenario);
    // From just before a chunk boundary (4,096), so the search crosses blocks and chunks.
    for (const exit of ['withdrawn', 'vetoed', 'map_stalled', 'no_application']) {
      expect(findBranch(m, 'find', (e) => e === exit, 4090, 300)).toBe(firstTold(m, 'find', exit, 4090, 300));
    }
    expect(findBranch(m, 'find', () => false, 0, 500)).toBeUndefined();
  });
});
