import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralValue, fixed, support, type Param } from '../../src/model/distribution.js';
import { editorReducer, isDirty, openEditor, selectedItem, type EditorAction } from '../../src/tui/state/editor.js';
import { exactParam, markEdited, parseValue, shiftParam, tidy } from '../../src/tui/state/edits.js';
import { itemsOf, PROBABILITY } from '../../src/tui/state/parameters.js';
import { NUMBER_KINDS } from '../../src/model/catalog/numbers.js';
import { sampleScenario } from '../helpers/sample-scenario.js';

const LEVEL_DRIFT = NUMBER_KINDS.drift.edit;

const tri: Param = { dist: { kind: 'triangular', min: 0.1, mode: 0.3, max: 0.5 }, source: 'S31' };

describe('shiftParam', () => {
  it('moves a fixed value and stops at the edge', () => {
    expect(shiftParam(fixed(0.3), 0.01, PROBABILITY).dist).toEqual({ kind: 'fixed', value: 0.31 });
    expect(shiftParam(fixed(0.95), 0.1, PROBABILITY).dist).toEqual({ kind: 'fixed', value: 1 });
    expect(shiftParam(fixed(0.01, 'S1'), -0.1, LEVEL_DRIFT).source).toBe('S1');
  });

  it('moves a distribution as a whole and never past the range', () => {
    expect(shiftParam(tri, 0.1, PROBABILITY).dist).toEqual({ kind: 'triangular', min: 0.2, mode: 0.4, max: 0.6 });
    expect(shiftParam(tri, 0.7, PROBABILITY).dist).toEqual({ kind: 'triangular', min: 0.6, mode: 0.8, max: 1 });
    const flat: Param = { dist: { kind: 'uniform', min: 0, max: 1 } };
    expect(shiftParam(flat, 0.1, PROBABILITY)).toBe(flat);
  });

  it('keeps every kind of distribution valid and inside the range (property)', () => {
    const dist = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ kind: 'fixed' as const, value })),
      fc.double({ min: 0, max: 1, noNaN: true }).map((p) => ({ kind: 'bernoulli' as const, p })),
      fc.tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true })).map(([min, max]) => ({ kind: 'uniform' as const, min, max })),
      fc.tuple(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0.3, max: 0.6, noNaN: true }), fc.double({ min: 0.6, max: 1, noNaN: true })).map(([min, mode, max]) => ({ kind: 'triangular' as const, min, mode, max })),
      fc.tuple(fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true })).map(([alpha, beta]) => ({ kind: 'beta' as const, alpha, beta, min: 0, max: 1 })),
      fc.tuple(fc.double({ min: 0.2, max: 0.8, noNaN: true }), fc.double({ min: 0.01, max: 0.3, noNaN: true })).map(([mean, sd]) => ({ kind: 'normal' as const, mean, sd, min: 0, max: 1 })),
    );
    fc.assert(
      fc.property(dist, fc.double({ min: -1, max: 1, noNaN: true }), (d, delta) => {
        const moved = shiftParam({ dist: d }, delta, PROBABILITY).dist;
        const [lo, hi] = support(moved);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        if (moved.kind === 'triangular') expect(moved.min <= moved.mode && moved.mode <= moved.max).toBe(true);
        if (moved.kind === 'beta') expect(moved.alpha > 0 && moved.beta > 0).toBe(true);
        // It moves the way it was pushed (or not at all).
        expect(Math.sign(Math.round((centralValue(moved) - centralValue(d)) * 1e6)) || 0).toBeOneOf([0, Math.sign(delta)]);
      }),
    );
  });
});

describe('markEdited and parseValue', () => {
  it('an edited value becomes an assumption that remembers what it replaced, once', () => {
    const once = markEdited(tri, shiftParam(tri, 0.1, PROBABILITY));
    expect(once.source).toBe('assumption');
    expect(once.note).toBe('edited in the TUI; was triangular 0.1–0.3–0.5 [S31]');
    expect(markEdited(once, shiftParam(once, 0.1, PROBABILITY)).note).toBe(once.note);
  });

  it('the web explorer names itself in the note, and a value edited in either is not marked twice', () => {
    const web = markEdited(tri, shiftParam(tri, 0.1, PROBABILITY), 'the web explorer');
    expect(web.note).toBe('edited in the web explorer; was triangular 0.1–0.3–0.5 [S31]');
    expect(markEdited(web, shiftParam(web, 0.1, PROBABILITY)).note).toBe(web.note);
  });

  it('a slider moves a value by any amount, a distribution as a whole, within its range, as one edit', () => {
    const s = sampleScenario();
    const item = itemsOf(s).find((i) => i.kind === 'number' && i.key.endsWith('interest'))!;
    const state = editorReducer(openEditor(s, 'sample.yaml', [], 'the web explorer'), { type: 'change', key: item.key, change: { kind: 'shift', by: 0.137 } });
    expect(state.undo).toHaveLength(1);
    const before = centralValue((s.candidate.interest as Param).dist);
    expect(centralValue(state.scenario.candidate.interest.dist)).toBeCloseTo(Math.min(1, before + 0.137), 5);
    expect(state.scenario.candidate.interest.note).toMatch(/^edited in the web explorer; was /);
    const far = editorReducer(state, { type: 'change', key: item.key, change: { kind: 'shift', by: 5 } });
    expect(Math.max(...support(far.scenario.candidate.interest.dist))).toBeLessThanOrEqual(1);
    expect(editorReducer(editorReducer(far, { type: 'undo' }), { type: 'undo' }).scenario).toEqual(s);
  });

  it('reads numbers and percentages within the range, nothing else', () => {
    expect(parseValue('0.35', PROBABILITY)).toEqual({ ok: true, value: 0.35 });
    expect(parseValue('35%', PROBABILITY)).toEqual({ ok: true, value: 0.35 });
    expect(parseValue(' 35 % ', PROBABILITY)).toEqual({ ok: true, value: 0.35 });
    expect(parseValue('-0.02', LEVEL_DRIFT)).toEqual({ ok: true, value: -0.02 });
    // "-0" is 0: set, it is saved as 0, not as -0.
    const zero = exactParam({ dist: { kind: 'fixed', value: 0.8 } }, (parseValue('-0', PROBABILITY) as { value: number }).value).dist;
    expect(Object.is((zero as { value: number }).value, 0)).toBe(true);
    expect(Object.is(tidy(-1e-9), 0)).toBe(true);
    // A power of ten, as a scenario file and --set take it: 1e-3 is a number from 0 to 1.
    expect(parseValue('1e-3', PROBABILITY)).toEqual({ ok: true, value: 0.001 });
    expect(parseValue('2.5E-1', PROBABILITY)).toEqual({ ok: true, value: 0.25 });
    expect(parseValue('-2e-2', LEVEL_DRIFT)).toEqual({ ok: true, value: -0.02 });
    for (const bad of ['1.5', '-0.1', 'abc', '', '0x1', 'NaN', 'Infinity', '%', '150%', '1e308', '1e', 'e3', '1e-3e1']) expect(parseValue(bad, PROBABILITY)).toEqual({ ok: false, problem: 'not a number from 0 to 1' });
  });

  it('refuses a percent on a value that is not from 0 to 1, saying so', () => {
    const months = NUMBER_KINDS.months.edit;
    expect(parseValue('35%', months)).toEqual({ ok: false, problem: 'a percent fits only a value from 0 to 1; type a number from 0 to 240' });
    expect(parseValue('2%', LEVEL_DRIFT)).toMatchObject({ ok: false, problem: expect.stringMatching(/^a percent fits only/) });
    expect(parseValue('35', months)).toEqual({ ok: true, value: 35 });
  });
});

describe('editorReducer', () => {
  const run = (...actions: EditorAction[]) => actions.reduce(editorReducer, openEditor(sampleScenario(), '/x.yaml'));
  const right: EditorAction = { type: 'change', change: { kind: 'step', direction: 1, big: false } };

  it('an edit marks it unsaved; undo back to the saved point clears the mark; redo sets it again', () => {
    expect(isDirty(run())).toBe(false);
    expect(isDirty(run(right))).toBe(true);
    expect(isDirty(run(right, { type: 'undo' }))).toBe(false);
    expect(run(right, { type: 'undo' }).scenario).toEqual(sampleScenario());
    expect(isDirty(run(right, { type: 'undo' }, { type: 'redo' }))).toBe(true);
  });

  it('after a save, the saved point moves: undoing past it is unsaved again', () => {
    const saved = run(right, { type: 'saved', to: '/y.yaml', id: 'y', note: 'saved' });
    expect(isDirty(saved)).toBe(false);
    expect(saved.scenario.id).toBe('y');
    expect(isDirty(editorReducer(saved, { type: 'undo' }))).toBe(true);
  });

  it('a change that changes nothing adds no history, only a note', () => {
    const state = run({ type: 'change', change: { kind: 'toggle' } });
    expect(state.undo).toEqual([]);
    expect(state.note).toMatch(/is a number/);
  });

  it("lists each effect's size under its rule or event, says what it does, and edits it within a shift's range", () => {
    const s = sampleScenario();
    const items = itemsOf(s);
    const rule = items.find((i) => i.key === 'rule.istanbul-link.effects.0')!;
    expect(rule).toMatchObject({ kind: 'number', group: 'Rules', field: 'effect 1', path: ['rules', 0, 'effects', 0, 'delta'] });
    expect(rule.detail).toContain('shift of consent on every Ally');
    expect(items.find((i) => i.key === 'event.chechnya2.effects.0')!.detail).toContain('shift of interest; same, for good.');
    // A shift may go below zero, down to −1.
    const state = editorReducer(openEditor(s, 'sample.yaml', [], 'the web explorer'), { type: 'change', key: rule.key, change: { kind: 'shift', by: -5 } });
    const delta = (state.scenario.rules[0]!.effects[0] as { delta: Param }).delta;
    expect(delta.dist).toEqual({ kind: 'fixed', value: -1 });
    expect(isDirty(state)).toBe(true);
  });

  it('moves the selection by rows, to the ends and by group', () => {
    const items = itemsOf(sampleScenario());
    expect(selectedItem(run())?.key).toBe(items[0]!.key);
    expect(selectedItem(run({ type: 'select', move: { by: 2 } }))?.key).toBe(items[2]!.key);
    expect(selectedItem(run({ type: 'select', move: { by: -5 } }))?.key).toBe(items[0]!.key);
    expect(selectedItem(run({ type: 'select', move: { to: 'last' } }))?.key).toBe(items[items.length - 1]!.key);
    expect(selectedItem(run({ type: 'select', move: { group: 1 } }))?.group).toBe('Process');
    expect(selectedItem(run({ type: 'select', move: { group: 1 } }))?.key).toBe('process.standardPath.minYears');
    const next = { type: 'select', move: { group: 1 } } as const;
    expect(selectedItem(run(next, next, next, { type: 'select', move: { group: -1 } }))?.key).toBe('pre.a.level');
  });
});
