import { afterEach, describe, expect, it } from 'vitest';
import { fileWorkspace } from '../../src/tui/workspace.js';
import { BUNDLED, load, SMALL_FIXTURE } from './files.js';
import { KEY, renderApp, tick, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

/** The rewrite score on the status line. */
const score = (frame: string) => Number(/rewrite (\d+\.\d) ·/.exec(frame)?.[1]);
const refined = () => h!.waitFor(/4,096 branches in \d+ ms(?!, refining)/);

async function openSmall() {
  h = renderApp(await load(SMALL_FIXTURE), fileWorkspace({ bundledDir: BUNDLED }));
  await refined();
}

/** Waits until the frame no longer shows `text`. */
async function gone(text: string) {
  for (let i = 0; i < 2000 && h!.lastFrame().includes(text); i++) await tick(10);
  expect(h!.lastFrame()).not.toContain(text);
}

/** Types a target at the `t` prompt of the front view. */
async function target(text: string) {
  await h!.press('t');
  await h!.waitFor('Target (an outcome or stage');
  await h!.type(text);
  await h!.press(KEY.enter);
}

describe('what would it take (f)', () => {
  it('f searches the front of the scenario on screen; a target it already meets is said so', async () => {
    await openSmall();
    await h!.press('f');
    const frame = await h!.waitFor(/What would it take: joined >= 30%, from the scenario on screen +\d+ evaluations/);
    expect(frame).toContain('The scenario on screen already meets joined >= 30%');
    expect(frame).toMatch(/› +1 +0\.00 +\d+\.\d% +\(no change: its share on the search.s branches\)/);
    // Esc goes back; Enter on "as on screen" changes nothing.
    await h!.press(KEY.enter);
    expect(h!.lastFrame()).not.toContain('● unsaved');
    await h!.press(KEY.escape);
    await h!.waitFor('RU interest');
  });

  it('Down pressed while the search runs moves nothing, and Enter once it is done applies a point without a crash', async () => {
    await openSmall();
    await h!.press('f');
    await target('joined>=0.6');
    await h!.waitFor(/What would it take: joined >= 60%.*searching…/);
    await h!.press(KEY.down, KEY.down);
    const found = await h!.waitFor(/What would it take: joined >= 60%.* \d+ evaluations/, 60_000);
    // A row is chosen: the default one, the keys before the rows changed nothing.
    expect(found).toMatch(/^› +\d+ +\d+\.\d\d/m);
    await h!.press(KEY.enter);
    await h!.waitFor(/rewrite for joined >= 60%: (\d+ changes?|0 changes), distance|RU interest/);
    expect(h!.lastFrame()).not.toMatch(/TypeError|Cannot read/);
  });

  it('a refused target whose reason is longer than the line shows it whole under the prompt, the screen giving up rows until the prompt closes', async () => {
    await openSmall();
    await h!.resize(80, 24);
    await h!.press('f');
    await h!.waitFor(/\d+ evaluations/);
    await target('foo>=0.3');
    // The reason names every outcome and stage a target may use, the last one too.
    const frame = await h!.waitFor(/pending_at_horizon, interested, applied, invited, ratified\s*$/m);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.at(-1)).toMatch(/^↑↓ choose .*q quit$/);
    expect(lines.at(-2)).toMatch(/seed 1 · 4,096 branches/);
    expect(lines.findIndex((l) => l.startsWith('Target (an outcome or stage'))).toBe(lines.length - 6);
    await h!.press(KEY.escape);
    await gone('Target (an outcome or stage');
    expect(h!.lastFrame()).not.toContain('is not an outcome');
    expect(h!.lastFrame().split('\n').length).toBe(lines.length);
  });

  it('t sets another target (a bad one is refused with the reason); the search shows its progress, then the front; Enter applies the chosen point as one edit and u undoes it', async () => {
    await openSmall();
    expect(score(await h!.waitFor(/rewrite \d+\.\d ·/))).toBe(0);
    await h!.press('f');
    await h!.waitFor(/\d+ evaluations/);
    await target('joined=0.6');
    await h!.waitFor('target must look like outcome>=share');
    await h!.press(KEY.escape);
    // Esc closes the prompt; the next key must not reach it on its way out.
    await gone('Target (an outcome or stage');
    await target('joined>=0.6');
    await h!.waitFor(/What would it take: joined >= 60%.*searching… \d+ of ~\d+/);
    const found = await h!.waitFor(/What would it take: joined >= 60%.* \d+ evaluations/, 60_000);
    expect(found).toMatch(/Least rewrite: distance \d+\.\d\d|Not within distance 8/);
    // The front: the scenario as it is first, then each point costlier and further.
    const rows = [...found.matchAll(/^[› ] +(\d+) +(\d+\.\d\d) +(\d+\.\d)%/gm)].map((m) => ({ n: Number(m[1]), distance: Number(m[2]), share: Number(m[3]) }));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]!.distance).toBe(0);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.distance).toBeGreaterThanOrEqual(rows[i - 1]!.distance);
      expect(rows[i]!.share).toBeGreaterThan(rows[i - 1]!.share);
    }
    // The last point, then one up: Enter applies that one.
    await h!.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.up);
    const picked = rows[rows.length - 2]!;
    // Each key is handed on after the render of the one before: wait for the last.
    expect(await h!.waitFor(new RegExp(`› +${picked.n} +${picked.distance.toFixed(2)}`))).toMatch(new RegExp(`› +${picked.n} +${picked.distance.toFixed(2)}`));
    await h!.press(KEY.enter);
    const applied = await h!.waitFor(/rewrite for joined >= 60%: \d+ changes?, distance/);
    expect(applied).toContain('● unsaved');
    expect(applied).toContain('RU interest');
    // The status line measures the scenario on screen against the file as opened: the point's own distance.
    expect(score(applied)).toBeCloseTo(picked.distance, 1);
    await h!.press('u');
    const undone = await h!.waitFor('undid: rewrite for joined >= 60%');
    expect(undone).not.toContain('● unsaved');
    expect(score(undone)).toBe(0);
    await h!.press('r');
    await h!.waitFor('redid: rewrite for joined >= 60%');
    expect(score(h!.lastFrame())).toBeCloseTo(picked.distance, 1);
  });

  it('at 60 columns the settings and the answer wrap, and the chosen point whose row cuts its changes lists them in full under the table', async () => {
    await openSmall();
    await h!.resize(60, 30);
    await h!.press('f');
    await target('joined>=0.6');
    const found = await h!.waitForAt(60, 30, /What would it take: joined >= 60%.* \d+ evaluations/);
    // Every word of the settings is there, on two lines, not cut at the edge.
    expect(found).toContain('(article10 rewrite searches wider)');
    expect(found).not.toMatch(/a quick se…|Enter applie…/);
    // The last point is the furthest, with the most changes: at 60 columns its row cuts them.
    for (let i = 0; i < 12; i++) await h!.press(KEY.down);
    const last = await h!.waitForAt(60, 30, /^› +\d+ +\d+\.\d\d +\d+\.\d% +.*…$/m);
    const n = /^› +(\d+)/m.exec(last)![1];
    const detail = await h!.waitForAt(60, 30, new RegExp(`^Point ${n}, its (\\d+) changes?:$`, 'm'));
    const count = Number(new RegExp(`^Point ${n}, its (\\d+) changes?:$`, 'm').exec(detail)![1]);
    const listed = detail.split('\n').slice(detail.split('\n').findIndex((l) => l.startsWith(`Point ${n},`)) + 1).slice(0, count);
    expect(listed).toHaveLength(count);
    for (const line of listed) expect(line).toMatch(/^ {2}\S+ [+−-]?\d+(\.\d+)? (sd|× \d+(\.\d+)?)$|^ {2}\S+: (on|off)/);
  });
});

