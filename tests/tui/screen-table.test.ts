import { describe, expect, test } from 'vitest';
import { appBinding, GLOBAL_KEYS, helpSections, hintLine } from '../../src/tui/keys.js';
import { SCREENS, type ScreenName } from '../../src/tui/screens/table.js';
import { PARAMETER_GROUPS } from '../../src/tui/state/parameters.js';

/** The screens are one table: the App draws from it, the help and the hint line are read from it. */
const NAMES = Object.keys(SCREENS) as ScreenName[];

describe('the table of screens', () => {
  test('the help names every group Tab moves through', () => {
    const tab = SCREENS.explore.keys.find((k) => k.keys.startsWith('Tab'));
    for (const group of PARAMETER_GROUPS) expect(tab?.does).toContain(group);
  });

  test('every jump goes to a screen that leads back: by Esc, or the help by any key', () => {
    for (const name of NAMES) {
      for (const k of SCREENS[name].keys) {
        if (k.to === undefined) continue;
        expect(k.to === 'help' || SCREENS[k.to].back !== undefined, `${name}: ${k.keys}`).toBe(true);
      }
      const back = SCREENS[name].back;
      if (back !== undefined) expect(NAMES).toContain(back);
    }
  });

  test('a key the App acts on is one key, says what it does, and is taken once per screen', () => {
    for (const name of NAMES) {
      const pressed = [...GLOBAL_KEYS, ...SCREENS[name].keys].filter((k) => k.press !== undefined);
      for (const k of pressed) {
        expect(k.press, `${name}: ${k.keys}`).toHaveLength(1);
        expect((k.to === undefined) !== (k.act === undefined), `${name}: ${k.keys} jumps or acts`).toBe(true);
        expect(k.keys.split(/[ ,]+/), `${name}: ${k.keys}`).toContain(k.press);
      }
      expect(new Set(pressed.map((k) => k.press)).size, name).toBe(pressed.length);
    }
  });

  test('the App finds a screen\'s jumps and actions, the help from anywhere but the help, and nothing else', () => {
    expect(appBinding(SCREENS, 'explore', 'c')?.to).toBe('debate');
    expect(appBinding(SCREENS, 'explore', 's')?.act).toBe('save');
    expect(appBinding(SCREENS, 'explore', 'f')?.to).toBe('front');
    // On the front, t and Enter are the screen's own.
    expect(appBinding(SCREENS, 'front', 't')).toBeUndefined();
    expect(appBinding(SCREENS, 'debate', 'c')).toBeUndefined();
    expect(appBinding(SCREENS, 'debate', '?')?.to).toBe('help');
    expect(appBinding(SCREENS, 'help', '?')).toBeUndefined();
    expect(appBinding(SCREENS, 'explore', 'x')).toBeUndefined();
  });

  test('every hint has its own place on its screen\'s line', () => {
    for (const name of NAMES) {
      const orders = SCREENS[name].keys.flatMap((k) => k.hints ?? []).map((h) => h.order).sort((a, b) => a - b);
      expect(orders, name).toEqual(orders.map((_, i) => i + 1));
    }
  });
});

describe('read from the table', () => {
  test('the hint line at 80 columns, most useful first, Esc where it goes back, then help and quit', () => {
    expect(Object.fromEntries(NAMES.map((n) => [n, hintLine(SCREENS, n, 80)]))).toEqual({
      explore: '←→ change  ⏎ set  s save  c compare  w rewrite  e explain  p pin  ? help  q quit',
      explain: '↓↑ year  ←→ branch  o outcome  b number  f again  Esc back  ? help  q quit',
      debate: 'a/b choose team  x reset teams  ↑↓ scroll  Esc back  ? help  q quit',
      rewrite: '↑↓ scroll  Esc back  ? help  q quit',
      front: '↑↓ choose  ⏎ apply  t target  Esc back  ? help  q quit',
      picker: '↑↓ select  ⏎ open  Esc back  ? help  q quit',
      team: '↑↓ select  ⏎ choose  Esc back  ? help  q quit',
      projector: 'Esc back  ? help  q quit',
      help: '↑↓ scroll  any other key: back  q quit',
    });
  });

  test('at 80 columns the explorer keeps save, rewrite and explain in view, and ? for the rest', () => {
    const line = hintLine(SCREENS, 'explore', 80);
    expect(line.length).toBeLessThanOrEqual(80);
    for (const hint of ['s save', 'w rewrite', 'e explain', '? help']) expect(line).toContain(hint);
  });

  test('a narrow terminal drops hints from the end, never the ways out (back, help and quit); a wide one shows them all', () => {
    expect(hintLine(SCREENS, 'explore', 30)).toBe('←→ change  ? help  q quit');
    expect(hintLine(SCREENS, 'debate', 30)).toBe('Esc back  ? help  q quit');
    expect(hintLine(SCREENS, 'debate', 60)).toBe('a/b choose team  x reset teams  Esc back  ? help  q quit');
    expect(hintLine(SCREENS, 'explore', 200)).toBe('←→ change  ⏎ set  s save  c compare  w rewrite  e explain  p pin  ␣ switch  u/r undo  d scenarios  ↑↓ select  f what it takes  ? help  q quit');
  });

  test('the help lists the keys everywhere, then each titled screen\'s, in the table\'s order', () => {
    const sections = helpSections(SCREENS);
    expect(sections.map((s) => s.title)).toEqual(['Everywhere', 'Parameters and results', 'Explain a branch', 'Debate view (c)', 'Rewrite (w)', 'What would it take (f)', 'Decision points']);
    for (const s of sections) for (const k of s.keys) expect(k.does, `${s.title}: ${k.keys}`).not.toBe('');
    // Every key the App jumps with is in the help.
    const listed = sections.flatMap((s) => s.keys.map((k) => k.press));
    for (const name of NAMES) for (const k of SCREENS[name].keys) if (k.press !== undefined && SCREENS[name].title !== undefined) expect(listed).toContain(k.press);
  });
});
