import { produce } from 'immer';
import { describe, expect, test } from 'vitest';
import { flipSwitchIn, parseSwitchPath, switchPath, switchState, withSwitches } from '../../src/scenario/switch-paths.js';
import { loadBundled } from '../helpers/bundled-scenarios.js';

describe('rules and events as switches', () => {
  test('a switch path names a rule or an event, not a value inside one', () => {
    expect(parseSwitchPath('rules.baker-dream')).toEqual({ kind: 'rules', id: 'baker-dream' });
    expect(parseSwitchPath(switchPath('events', 'chechnya2'))).toEqual({ kind: 'events', id: 'chechnya2' });
    for (const other of ['rules.baker-dream.effects.0.delta', 'allies.US.consent', 'rules', 'rules.', '__proto__.x']) expect(parseSwitchPath(other)).toBeUndefined();
  });

  test('read, set and flipped alike on a scenario and on a draft, and nothing else moves', async () => {
    const s = await loadBundled('russia-1990');
    const rule = s.rules[0]!;
    const path = switchPath('rules', rule.id);
    expect(switchState(s, path)).toBe(rule.enabled);
    expect(switchState(s, 'rules.no-such-rule')).toBeUndefined();
    const flipped = withSwitches(s, (p, on) => (p === path ? !on : on));
    expect(switchState(flipped, path)).toBe(!rule.enabled);
    expect(flipped.rules.slice(1)).toEqual(s.rules.slice(1));
    expect(flipped.events.every((e, i) => e === s.events[i])).toBe(true);
    expect(switchState(s, path)).toBe(rule.enabled);
    const drafted = produce(s, (d) => flipSwitchIn(d, path));
    expect(drafted.rules).toEqual(flipped.rules);
    expect(produce(s, (d) => flipSwitchIn(d, 'rules.no-such-rule'))).toBe(s);
  });
});
