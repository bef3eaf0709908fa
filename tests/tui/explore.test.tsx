import { afterEach, describe, expect, it } from 'vitest';
import { KEY, noFiles, renderApp, type Harness } from './harness.js';
import { sampleScenario } from '../helpers/sample-scenario.js';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { fileWorkspace } from '../../src/tui/workspace.js';
import { BUNDLED, load } from './files.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const open = () => (h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles));
const refined = () => h!.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
/** The share shown on an outcome's row, e.g. "Never applied ... 55.2%". */
const share = (frame: string, label: string) => new RegExp(`${label}[^%\\n]*?(\\d+\\.\\d)%`).exec(frame)?.[1];
/** The value shown on a parameter's row. */
const value = (frame: string, label: string) => new RegExp(`${label} +\\*?(~?-?[\\d.]+|on|off|veto|holdout)`).exec(frame)?.[1];

describe('explore screen', () => {
  it('draws parameters, outcomes with intervals, the funnel, years, blockers and the status line', async () => {
    open();
    const frame = await refined();
    for (const text of ['Candidate', 'Preconditions', 'Outcomes', '95% CI', 'Funnel', '└ Applied', 'Accession year', 'Top blockers', 'tui-test', 'seed 1']) {
      expect(frame).toContain(text);
    }
    expect(frame.split('\n').length).toBeLessThan(24);
    expect(frame.split('\n').at(-1)).toMatch(/^←→ change .*\? help  q quit$/);
    expect(frame).toContain('source S31: Guardian');
  });

  it('at the smallest size (60×17) no row is cut to "…" or drawn over another: headings and intervals go first', async () => {
    open();
    await refined();
    await h!.resize(60, 17);
    const frame = await h!.waitForAt(60, 17, /Interested +\d+\.\d%\s*$/m);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(17);
    // Each row of the results ends with its share or its step, not with an interval cut short or a heading's leftovers.
    for (const label of ['Never applied', 'Withdrew', 'Interested', '└ Applied']) {
      const row = lines.find((l) => l.includes(label))!;
      expect(row, label).toMatch(/(\d+\.\d%|\d+%|–)\s*$/);
    }
    expect(lines.filter((l) => /…\s*$/.test(l) && /\d%/.test(l))).toEqual([]);
    // With room, the headings and the intervals come back.
    await h!.resize(80, 24);
    const wide = await h!.waitFor('95% CI');
    expect(wide).toContain('Funnel (probability tree)');
  });

  it('at every height from the smallest up, no row of the results is drawn over another: one row for the accession years is one line of blocks', async () => {
    open();
    await refined();
    const { year, horizon } = sampleScenario().decisionPoint;
    for (let rows = 17; rows <= 26; rows++) {
      await h!.resize(60, rows);
      const lines = (await h!.waitForAt(60, rows, /Interested +\d+\.\d%/)).split('\n');
      const interested = lines.find((l) => l.includes('Interested'))!;
      expect(interested, `60×${rows}`).toMatch(/Interested +\d+\.\d%\s*$/);
      // The years as blocks end with the horizon, not with the leftovers of a heading drawn under them.
      const blocks = lines.find((l) => l.includes(`${year} `) && l.includes(` ${horizon}`));
      if (blocks !== undefined) expect(blocks, `60×${rows}`).toMatch(new RegExp(` ${horizon}$`));
    }
  });

  it('a terminal too small says so in full, within its width, and the explorer comes back as it was when it grows', async () => {
    open();
    await refined();
    await h!.resize(50, 12);
    const frame = await h!.waitFor('q quits');
    const said = frame.replace(/\n/g, ' ');
    expect(said).toContain('needs at least 60×17 characters');
    expect(said).toContain('this terminal is 50×12');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    await h!.press('l');
    await h!.resize(80, 24);
    const back = await h!.waitFor('Candidate');
    expect(value(back, 'RU interest')).toBe('0.30');
    await h!.press('q');
    await h!.waitForExit();
  });

  it('a terminal too small for a while loses nothing on screen (a branch explained, a value being typed), shows a question, and q there quits, asking first', async () => {
    open();
    await refined();
    const shrinkAndGrow = async () => {
      await h!.resize(50, 12);
      await h!.waitFor('q quits');
      await h!.resize(80, 24);
    };
    await h!.press('e');
    await h!.waitFor('Branch 0 ');
    await h!.press(KEY.right, KEY.right, KEY.right);
    await h!.waitFor('Branch 3 ');
    await shrinkAndGrow();
    await h!.waitForAt(80, 24, /year \d+ of \d+/);
    expect(h!.lastFrame()).toContain('Branch 3 ');
    // A value half typed is still there, and so is its prompt while the terminal is small.
    await h!.press(KEY.escape);
    await h!.waitFor('Candidate');
    await h!.press(KEY.enter);
    await h!.waitFor('RU interest (0 to 1) = 0.3▏');
    await h!.type('0.4');
    await h!.waitFor('RU interest (0 to 1) = 0.4▏');
    await h!.resize(50, 12);
    expect(await h!.waitFor('q quits')).toContain('RU interest (0 to 1) = 0.4▏');
    await h!.resize(80, 24);
    await h!.waitForAt(80, 24, 'Candidate');
    expect(h!.lastFrame()).toContain('RU interest (0 to 1) = 0.4▏');
    await h!.press(KEY.enter);
    await h!.waitFor(/RU interest +\*0\.40/);
    // Too small with unsaved changes: q asks where it can be seen, and the answer quits.
    await h!.resize(50, 12);
    await h!.waitFor('q quits');
    await h!.press('q');
    const asked = await h!.waitFor('Unsaved changes');
    for (const line of asked.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    await h!.press('y');
    await h!.waitForExit();
  });

  it('→ raises the selected value, the results move, u undoes both, r redoes', async () => {
    open();
    const before = await refined();
    expect(value(before, 'RU interest')).toBe('0.30');
    await h!.press(KEY.shiftRight, KEY.shiftRight);
    const after = await h!.waitFor(/RU interest +\*0\.50/);
    expect(after).toContain('● unsaved');
    const moved = await refined();
    expect(share(moved, 'Never applied')).not.toBe(share(before, 'Never applied'));
    await h!.press('u', 'u');
    const undone = await h!.waitFor(/RU interest +0\.30/);
    expect(undone).not.toContain('● unsaved');
    expect(share(await refined(), 'Never applied')).toBe(share(before, 'Never applied'));
    await h!.press('r');
    await h!.waitFor(/RU interest +\*0\.40/);
  });

  it('a Ctrl key is not its letter: Ctrl-L (a redraw elsewhere) changes no value, Ctrl-U no undo, Ctrl-Y answers no question', async () => {
    const CTRL = { l: '\x0c', u: '\x15', y: '\x19', r: '\x12' };
    open();
    await refined();
    // Each followed by a key that shows: once it has acted, the Ctrl key before it has too.
    await h!.press(CTRL.l, CTRL.r, KEY.down);
    const after = await h!.waitFor(/› RU opposition/);
    expect(value(after, 'RU interest')).toBe('0.30');
    expect(after).not.toContain('● unsaved');
    await h!.press(KEY.up, KEY.right);
    await h!.waitFor(/RU interest +\*0\.31/);
    await h!.press(CTRL.u, KEY.down);
    expect(await h!.waitFor(/› RU opposition/)).toMatch(/RU interest +\*0\.31/);
    // The question on quitting takes its own keys only: Ctrl-Y is not y, "quit without saving".
    await h!.press('q');
    await h!.waitFor('Unsaved changes');
    await h!.press(CTRL.y, 'n');
    await h!.waitUntil((f) => !f.includes('Unsaved changes'), 'the question answered');
    expect(h!.exited()).toBe(false);
    // In a prompt Ctrl-U still clears the line.
    await h!.press(KEY.enter);
    await h!.waitFor('RU opposition (0 to 1) = 0▏');
    await h!.press(KEY.right, CTRL.u);
    await h!.waitFor('RU opposition (0 to 1) = ▏');
  });

  it('steps by 0.01, and by 0.1 with Shift or a capital letter', async () => {
    open();
    await refined();
    await h!.press(KEY.right);
    await h!.waitFor(/RU interest +\*0\.31/);
    await h!.press('L');
    await h!.waitFor(/RU interest +\*0\.41/);
    // Back at the file's value: unmarked, with the file's source again.
    await h!.press(KEY.shiftLeft, 'h');
    await h!.waitFor(/RU interest +0\.30/);
    expect(h!.lastFrame()).toContain('source S31');
  });

  it('Enter types an exact value; a bad one is refused and the prompt stays', async () => {
    open();
    await refined();
    await h!.press(KEY.down, KEY.down, KEY.enter);
    await h!.waitFor('RU standard path (0 to 1) =');
    await h!.press(KEY.backspace, KEY.backspace, KEY.backspace);
    await h!.type('1.5');
    await h!.press(KEY.enter);
    await h!.waitFor('not a number from 0 to 1');
    for (let i = 0; i < 3; i++) await h!.press(KEY.backspace);
    await h!.type('60%');
    await h!.press(KEY.enter);
    const frame = await h!.waitFor(/RU standard path +\*0\.60/);
    // A typed value replaces the distribution and becomes the user's assumption.
    expect(frame).toContain('= 0.6');
    expect(frame).toContain('source assumption');
  });

  it('the prompt opens with the value selected: the first character typed replaces it, → keeps it to edit', async () => {
    open();
    await refined();
    await h!.press(KEY.enter);
    await h!.waitFor('RU interest (0 to 1) = 0.3▏');
    await h!.type('0.35');
    await h!.waitFor('RU interest (0 to 1) = 0.35▏');
    await h!.press(KEY.enter);
    await h!.waitFor(/RU interest +\*0\.35/);
    // A percent replaces it too, and means a share.
    await h!.press(KEY.enter);
    await h!.type('45%');
    await h!.press(KEY.enter);
    await h!.waitFor(/RU interest +\*0\.45/);
    // An arrow keeps the value and types after it.
    await h!.press(KEY.enter, KEY.right);
    await h!.type('5');
    await h!.waitFor('RU interest (0 to 1) = 0.455▏');
  });

  it('keys read back to back, before any render, each act on the state the key before left', async () => {
    open();
    await refined();
    // Enter selects the row the two ↓ reached; the prompt it opens takes the keys after it.
    await h!.burst(KEY.down, KEY.down, KEY.enter, KEY.backspace, KEY.backspace, KEY.backspace, '0', '.', '6', KEY.enter);
    const frame = await h!.waitFor(/RU standard path +\*0\.60/);
    expect(value(frame, 'RU interest')).toBe('0.30');
    // q right after an edit sees the edit: it asks about the unsaved change.
    await h!.burst(KEY.right, 'q');
    await h!.waitFor('Unsaved changes');
    expect(h!.exited()).toBe(false);
  });

  it('keys that arrive in one chunk act one by one: a pasted value and Enter, Ctrl-U then text', async () => {
    open();
    await refined();
    await h!.press(KEY.down, KEY.down);
    // The selection on screen first, then Enter, so that only the chunks below test chunks.
    await h!.waitFor('› RU standard path');
    await h!.press(KEY.enter);
    await h!.waitFor('RU standard path (0 to 1) =');
    // Clear the line and type a value, all in one chunk, then paste a line ending in Enter.
    await h!.press('\x1512');
    await h!.waitFor('RU standard path (0 to 1) = 12');
    await h!.press('\x7f\x7f0.6\r');
    const frame = await h!.waitFor(/RU standard path +\*0\.60/);
    expect(frame).toContain('source assumption');
    // Two keys in one chunk: k k moves up twice, from the standard path to the interest.
    await h!.press('kk');
    await h!.waitFor(/› RU interest/);
  });

  it('a long paste into a prompt is taken as text at once, not thousands of keys each waiting for a render', async () => {
    open();
    await refined();
    await h!.press(KEY.enter);
    await h!.waitFor('RU interest (0 to 1) =');
    // 5,000 characters and Enter in one chunk: refused as a value, and the prompt answers at once.
    await h!.press(`\x15${'7'.repeat(5000)}\r`);
    await h!.waitFor('not a number from 0 to 1', 3000);
    // The keys after it act as typed: Ctrl-U, a value and Enter set it.
    await h!.press('\x150.42\r');
    await h!.waitFor(/RU interest +\*0\.42/, 3000);
    // Outside a prompt, keys in one chunk still act one by one.
    await h!.press('jj');
    await h!.waitFor(/› RU standard path/, 3000);
  }, 20_000);

  it('a distribution moves as a whole', async () => {
    open();
    await refined();
    await h!.press(KEY.down, KEY.down);
    await h!.waitFor('0.1–0.3–0.5');
    await h!.press(KEY.right);
    const frame = await h!.waitFor('0.11–0.31–0.51');
    expect(frame).toMatch(/RU standard path +\*~0\.31/);
  });

  it('space switches a rule off and the results change; x restores it', async () => {
    open();
    const before = await refined();
    await h!.press(KEY.tab, KEY.tab, KEY.tab, KEY.tab);
    await h!.waitFor(/› istanbul-link +on/);
    await h!.press(' ');
    await h!.waitFor(/istanbul-link +\*off/);
    const after = await refined();
    expect(share(after, 'Joined')).not.toBe(share(before, 'Joined'));
    await h!.press('x');
    await h!.waitFor(/istanbul-link +on/);
  });

  it("a rule's and an event's effect sizes are listed, edited and marked like any value; x restores one", async () => {
    open();
    const before = await refined();
    await h!.press(KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.down);
    let frame = await h!.waitFor(/› istanbul-link effect 1 +-0\.20/);
    // Its source is the effect's own.
    expect(frame).toContain('source S30');
    await h!.press('H', 'H');
    await h!.waitFor(/istanbul-link effect 1 +\*-0\.40/);
    const after = await refined();
    expect(share(after, 'Joined')).not.toBe(share(before, 'Joined'));
    await h!.press(KEY.end);
    frame = await h!.waitFor(/› chechnya2 effect 1 +-0\.10/);
    await h!.press('x');
    await h!.press(KEY.up, KEY.up, KEY.up);
    await h!.press('x');
    await h!.waitFor(/istanbul-link effect 1 +-0\.20/);
  });

  it('space switches an Ally between veto and holdout, which adds its lift', async () => {
    open();
    await refined();
    await h!.press(KEY.tab, KEY.tab, KEY.tab);
    await h!.press(KEY.down, KEY.down);
    await h!.waitFor(/› BE objection +veto/);
    await h!.press(' ');
    const frame = await h!.waitFor(/BE objection +\*holdout/);
    expect(frame).toContain('BE lift');
  });

  it('p pins a baseline: outcomes show their change from it', async () => {
    open();
    await refined();
    await h!.press('p');
    await h!.waitFor('pinned: tui-test');
    expect(h!.lastFrame()).toContain('Δ pin');
    expect(h!.lastFrame()).toMatch(/Joined .*\s0\.0\s*$/m);
    await h!.press('L', 'L');
    await h!.waitFor(/RU interest +\*0\.50/);
    const frame = await refined();
    expect(frame).toMatch(/Never applied .*[−+]\d+\.\d\s*$/m);
    await h!.press('p');
    await h!.waitFor('baseline unpinned');
    expect(h!.lastFrame()).not.toContain('Δ pin');
  });

  it('? lists every key; any key goes back', async () => {
    open();
    await refined();
    await h!.press('?');
    const frame = await h!.waitFor('Everywhere');
    for (const text of ['Shift-← Shift-→', 'undo, redo', 'pin the current results']) expect(frame).toContain(text);
    // A blank line between one section's keys and the next section's heading.
    const lines = frame.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('Parameters and results')) - 1]).toBe('');
    await h!.press(KEY.escape);
    await h!.waitFor('Outcomes');
  });

  it('q quits at once when nothing changed', async () => {
    open();
    await refined();
    await h!.press('q');
    await h!.waitForExit();
    expect(h!.farewell()).toBe('');
  });

  it('q asks first when there are unsaved changes; n stays, y quits', async () => {
    open();
    await refined();
    await h!.press(KEY.right);
    // The edit on screen first: q then asks, as a user who sees the change would.
    await h!.waitFor('● unsaved');
    await h!.press('q');
    await h!.waitFor('Unsaved changes');
    expect(h!.lastFrame()).toContain('s save, then quit');
    // What a second Ctrl-C does is said where it is asked.
    expect(h!.lastFrame()).toContain('Ctrl-C again: quit without saving');
    await h!.press('n');
    expect(h!.exited()).toBe(false);
    await h!.press('q');
    await h!.waitFor('Unsaved changes');
    await h!.press('y');
    await h!.waitForExit();
    expect(h!.farewell()).toContain('without saving');
  });

  it('a failed run shows its error and keeps the edits', async () => {
    const runner = { seed: '1', stages: [4_096], start: (_s: unknown, _w: unknown, listener: (u: unknown) => void) => listener({ kind: 'error', message: 'worker exploded' }), cancel() {}, latest: () => undefined };
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles, runner as never);
    await h.waitFor('Run failed: worker exploded');
    await h.press(KEY.right);
    await h.waitFor(/RU interest +\*0\.31/);
    await h.waitFor('Run failed: worker exploded');
  });

  it('--set values are the first edit on the file as opened: marked, in the rewrite distance, and undone with u', async () => {
    const file = join(BUNDLED, 'russia-2000.yaml');
    const asWritten = await load(file);
    const sets = await loadScenarioFile(file, { bundledDir: BUNDLED, sets: ['candidate.acceptsStandardPath=0.8'] });
    if (!sets.ok) throw new Error('cannot set');
    h = renderApp({ ...asWritten, sets: { scenario: sets.value.scenario, label: '--set candidate.acceptsStandardPath=0.8' } }, fileWorkspace({ bundledDir: BUNDLED }));
    await h!.waitFor(/RU standard path +\*0\.80/);
    const frame = await h!.waitFor(/rewrite \d+\.\d ·/);
    expect(frame).toMatch(/rewrite 18\.7 ·/);
    expect(frame).toContain('(edited)');
    await h!.press('u');
    await h!.waitFor('undid: --set candidate.acceptsStandardPath=0.8');
    const undone = await h!.waitFor(/rewrite 0\.0 ·/);
    expect(undone).not.toMatch(/RU standard path +\*/);
  });

  it("the procedure's own numbers are listed under Process, edited and marked like any value", async () => {
    open();
    await refined();
    await h!.press(KEY.tab);
    const frame = await h!.waitFor(/› +prep years +/);
    expect(frame).toContain('Process');
    // A row with no owner starts where the Candidate rows do: the marker, one space, its name.
    expect(frame).toMatch(/^› prep years /m);
    expect(frame).toMatch(/^ {2}readiness /m);
    await h!.press(KEY.right);
    await h!.waitFor(/prep years +\*/);
    await h!.press('x');
    await h!.waitFor(/› +prep years +[^* ]/);
  });
});
