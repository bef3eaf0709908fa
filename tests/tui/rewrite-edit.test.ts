import { produce } from 'immer';
import { describe, expect, test } from 'vitest';
import { scenarioLevers } from '../../src/analysis/rewrite-search/levers.js';
import { rewriteEdit } from '../../src/tui/state/rewrite-edit.js';
import { getParam } from '../../src/scenario/param-paths.js';
import { switchPath, switchState } from '../../src/scenario/switch-paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { BACKTESTS } from '../backtest/helpers.js';

/** A case with Allies on allyDefaults and a rule: North Macedonia's. */
async function northMacedonia() {
  const r = await loadScenarioFile(`${BACKTESTS}/north-macedonia-2020.yaml`);
  if (!r.ok) throw new Error('north-macedonia-2020.yaml does not load');
  return r.value.scenario;
}

describe('a rewrite applied in the explorer', () => {
  test('moves each value as the search did, makes a defaulted Ally\'s values its own, and flips each switch: one edit', async () => {
    const s = await northMacedonia();
    const ally = s.allies.find((a) => a.defaulted)!;
    const rule = s.rules[0]!;
    const path = `allies.${ally.code}.consent`;
    const levers = new Map(scenarioLevers(s, [], []).map((l) => [l.path, l]));
    expect(levers.get(path)?.kind).toBe('param');
    const action = rewriteEdit(s, levers, { shifts: [{ path, z: 1 }], flips: [switchPath('rules', rule.id)] }, 'rewrite');
    expect(action.type).toBe('edit');
    if (action.type !== 'edit') return;
    const after = produce(s, action.recipe);
    expect(after.allies.find((a) => a.code === ally.code)!.defaulted).toBe(false);
    expect(getParam(after, path)!.dist).not.toEqual(getParam(s, path)!.dist);
    expect(switchState(after, switchPath('rules', rule.id))).toBe(!rule.enabled);
    // Nothing else moves: every other Ally stays as it was.
    expect(after.allies.filter((a) => a.code !== ally.code)).toEqual(s.allies.filter((a) => a.code !== ally.code));
  });

  test('the start itself is nothing to apply', async () => {
    const s = await northMacedonia();
    const levers = new Map(scenarioLevers(s, [], []).map((l) => [l.path, l]));
    expect(rewriteEdit(s, levers, { shifts: [], flips: [] }, 'rewrite')).toMatchObject({ type: 'note' });
  });
});
