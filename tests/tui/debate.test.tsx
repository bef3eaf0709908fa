import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { SHORT_OUTCOME_LABELS } from '../../src/tui/labels.js';
import { fileWorkspace } from '../../src/tui/workspace.js';
import { sampleScenario } from '../helpers/sample-scenario.js';
import { BUNDLED, load } from './files.js';
import { KEY, noFiles, renderApp, testRunner, tick, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const refined = () => h!.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
/** The rewrite score on the status line. */
const score = (frame: string) => Number(/rewrite (\d+\.\d) ·/.exec(frame)?.[1]);
/** A debate row: share in A, share in B, B − A and its interval. */
const row = (label: string) => new RegExp(`${label} .*?(\\d+\\.\\d)% .*?(\\d+\\.\\d)% +([+−]?\\d+\\.\\d) +\\[([+−]?\\d+\\.\\d), ([+−]?\\d+\\.\\d)\\]`);
const debateDone = () => h!.waitFor(/Debate on 4,096 paired branches .* \d+ ms\n/);
/** Each outcome has a row of the debate table or is named in the row that folds those neither team reached. */
function expectEveryOutcome(frame: string) {
  const folded = /^\+\d+ outcomes neither team reached: (.*)$/m.exec(frame)?.[1]?.split(', ') ?? [];
  for (const o of OUTCOMES) {
    const label = SHORT_OUTCOME_LABELS[o];
    expect(new RegExp(`^${label} +\\d`, 'm').test(frame) || folded.includes(label), `${label} in:\n${frame}`).toBe(true);
  }
}

async function openCounterfactual() {
  const opened = await load(join(BUNDLED, 'russia-2000-stands-in-line.yaml'));
  h = renderApp(opened, fileWorkspace({ bundledDir: BUNDLED }));
  return opened;
}

describe('rewrite distance in the explorer', () => {
  it('a counterfactual shows its distance from its baseline file; an edit makes it grow; w lists the changes', async () => {
    const opened = await openCounterfactual();
    const baseline = await load(join(BUNDLED, 'russia-2000.yaml'));
    const first = await h!.waitFor(/rewrite \d+\.\d ·/);
    const before = score(first);
    expect(before.toFixed(1)).toBe(rewriteDistance(baseline.scenario, opened.scenario).score.toFixed(1));
    expect(before).toBeGreaterThan(1);
    // RU interest, the first parameter, ten steps up: a value the counterfactual left as history had it.
    await h!.press('L');
    await h!.waitFor(/RU interest +\*~0\.30/);
    const after = score(h!.lastFrame());
    expect(after).toBeGreaterThan(before);
    await h!.press('w');
    const listing = await h!.waitFor('What changes');
    expect(listing).toContain('against its baseline russia-2000');
    expect(listing).toContain(`score ${after.toFixed(1)}`);
    for (const text of ['candidate.acceptsStandardPath', 'candidate.interest: triangular(0.1, 0.2, 0.35) -> triangular(0.2, 0.3, 0.45)', 'rules.no-queue: on -> off']) {
      expect(listing).toContain(text);
    }
    expect(listing.split('\n').length).toBeLessThan(24);
    await h!.press(KEY.escape);
    await h!.waitFor('Candidate');
  });

  /** The opened file with no baseline, one edit made (0.3 -> 0.4 on a fixed value: one default unit, 0.1, on a probability), and the rewrite screen open on it. */
  async function rewriteOfOneEdit(): Promise<{ app: Harness; frame: string }> {
    const app = (h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles));
    await app.waitFor('rewrite 0.0 ·');
    await app.press('L');
    await app.waitFor('rewrite 1.0 ·');
    await app.press('w');
    return { app, frame: await app.waitFor('candidate.interest: 0.3 -> 0.4') };
  }

  it('Esc and a key typed as one chunk (as Alt+key) leave the view, then act', async () => {
    const { app } = await rewriteOfOneEdit();
    // ESC then e in one write: back to the parameters, then e opens the story (explain).
    await app.press('\x1be');
    const frame = await app.waitFor(/Branch \d+|branch \d+/);
    expect(frame).not.toContain('What changes');
  });

  it('without a baseline file, the edits to the opened file are the rewrite', async () => {
    const { app, frame } = await rewriteOfOneEdit();
    expect(frame).toContain('names no baseline and extends none');
    // u is the parameters' key: back there first, then undo.
    await app.press(KEY.escape, 'u');
    await app.waitFor('rewrite 0.0 ·');
  });

  it('the first keys on a screen just opened reach that screen only, not the one it replaced', async () => {
    const { app } = await rewriteOfOneEdit();
    // → and u change and undo on the parameters' screen; here they do nothing.
    await app.press('L', 'u');
    await tick(300);
    expect(app.lastFrame()).toContain('rewrite 1.0 ·');
    expect(app.lastFrame()).toContain('candidate.interest: 0.3 -> 0.4');
  });
});

describe('debate view', () => {
  it('c shows team A and team B side by side with differences and paired intervals; an edit lists its assumption; Esc returns', async () => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles);
    await refined();
    await h.press('c');
    let frame = await debateDone();
    expect(frame).toContain('A  tui-test (as opened)');
    expect(frame).toContain('B  tui-test (on screen)');
    expect(frame).toMatch(/Outcome +A +B +B − A +95% interval/);
    // The same scenario on both sides: exactly no difference.
    expect(row('Never applied').exec(frame)?.slice(3)).toEqual(['0.0', '0.0', '0.0']);
    expect(frame).toContain('none: both teams make the same assumptions');
    expect(frame).toContain('They do not part: no stage and no outcome differs');
    expect(frame.split('\n').length).toBeLessThan(24);
    await h.press(KEY.escape);
    await h.waitFor('Candidate');

    await h.press('L', 'L');
    await h.waitFor(/RU interest +\*0\.50/);
    await h.press('c');
    await h.waitFor('B  tui-test (edited)');
    frame = await debateDone();
    expect(frame).toContain('candidate.interest: 0.3 -> 0.5');
    const [, a, b, d, lo, hi] = row('Never applied').exec(frame)!;
    expect(Number(b)).toBeLessThan(Number(a));
    expect(d).toMatch(/^−/);
    // The paired interval holds the difference and excludes 0.
    const num = (s: string) => Number(s.replace('−', '-'));
    expect(num(lo!)).toBeLessThanOrEqual(num(d!));
    expect(num(hi!)).toBeGreaterThanOrEqual(num(d!));
    expect(num(hi!)).toBeLessThan(0);
    expect(frame).toMatch(/They part at: \w/);
    await h.press(KEY.escape);
    await h.waitFor('Candidate');
  });

  it("a counterfactual is debated against its baseline; b chooses team B from the files, x resets", async () => {
    await openCounterfactual();
    await h!.waitFor(/rewrite \d+\.\d ·/);
    await h!.press('c');
    let frame = await debateDone();
    expect(frame).toContain('A  russia-2000 (baseline)');
    expect(frame).toContain('B  russia-2000-stands-in-line (on screen)');
    expect(frame).toContain('rules.no-queue: on -> off');
    expect(row('Never applied').exec(frame)?.[3]).toMatch(/^−\d/);
    // A blocker that differs names the ending it caused, as compare's table does (at 80
    // columns; the blockers need rows a 24-row terminal gives to the outcomes).
    await h!.resize(80, 40);
    await h!.waitForAt(80, 40, /^ +[\d.]+% +[\d.]+% +[+−][\d.]+ +RU +Never applied +Putin/m);
    await h!.resize(100, 24);
    await h!.press('b');
    await h!.waitFor('Team B: choose a scenario');
    await h!.waitFor('› 2000  russia-2000-stands-in-line');
    await h!.press(KEY.down);
    await h!.waitFor('› 2000  russia-2000 ');
    await h!.press(KEY.enter);
    frame = await h!.waitFor(/B  russia-2000 \(.*russia-2000\.yaml\)/);
    // The message line names the team just chosen.
    expect(frame).toMatch(/^team B: \S*russia-2000\.yaml/m);
    frame = await h!.waitFor('none: both teams make the same assumptions');
    await h!.press('x');
    await h!.waitFor('B  russia-2000-stands-in-line (on screen)');
  });

  it('the pin is team A, and ? lists the keys', async () => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles);
    await refined();
    await h.press('p', KEY.right, 'c');
    // Each wait is for both texts of a frame: under load a screen can be drawn in more than one frame.
    const both = (a: string, b: string | RegExp) => h!.waitUntil((f) => f.includes(a) && (typeof b === 'string' ? f.includes(b) : b.test(f)), `${a} with ${String(b)}`);
    await both('A  tui-test (pinned)', 'candidate.interest: 0.3 -> 0.31');
    await h.press('?');
    // Esc from a team's list goes back to the debate view, not to the parameters, and the help says so.
    await both('Everywhere', /Esc +back to the parameters \(or the debate view\); cancel a prompt/);
    await h.press(KEY.pageDown);
    await both('c                         debate view', 'w                         the rewrite');
    await h.press(KEY.pageDown);
    await both('Debate view (c)', "choose team A's or team B's scenario");
  });

  it('at the smallest size (60×17) the table keeps its column heads: the heading goes first', async () => {
    const a = await load(join(BUNDLED, 'russia-2000.yaml'));
    const b = await load(join(BUNDLED, 'russia-2000-stands-in-line.yaml'));
    h = renderApp(b, fileWorkspace({ bundledDir: BUNDLED }), testRunner(), a);
    await h.resize(60, 24);
    await h.press('c');
    await debateDone();
    await h.resize(60, 17);
    const frame = await h.waitForAt(60, 17, /^They part at/m);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(17);
    expect(lines.some((l) => /^Outcome +A +B +B − A +95% interval/.test(l))).toBe(true);
    expect(frame).not.toContain('Debate on');
    // The outcomes neither team reached fold into one row that names them, which makes room for an assumption that differs, scrolled with ↑↓.
    expect(frame).toMatch(/^\+2 outcomes neither team reached: Not ratified, Pending$/m);
    expectEveryOutcome(frame);
    const heading = lines.findIndex((l) => l.startsWith('Assumptions that differ'));
    expect(lines[heading]).toContain('↑↓ scroll');
    expect(lines[heading + 1]).toMatch(/^ {2}candidate\./);
    await h.press(KEY.down);
    const first = lines[heading + 1]!;
    const afterHeading = () => {
      const rows = h!.lastFrame().split('\n');
      return rows[rows.findIndex((l) => l.startsWith('Assumptions that differ')) + 1];
    };
    for (let waited = 0; afterHeading() === first && waited < 5_000; waited += 10) await tick(10);
    expect(afterHeading()).not.toBe(first);
    // With room, the heading comes back.
    await h.resize(60, 24);
    await h.waitFor('Debate on');
  });

  it('at 60×17 with a kit\'s teams, no outcome is left off: one that neither team reached alone keeps its row', async () => {
    const a = await load(join(BUNDLED, 'kits', '1990', 'team-a.yaml'));
    const b = await load(join(BUNDLED, 'kits', '1990', 'team-b.yaml'));
    h = renderApp(b, fileWorkspace({ bundledDir: BUNDLED }), testRunner(), a);
    await h.resize(60, 24);
    await h.press('c');
    await debateDone();
    await h.resize(60, 17);
    const frame = await h.waitForAt(60, 17, /^Assumptions that differ/m);
    expect(frame.split('\n').length).toBeLessThanOrEqual(17);
    // Not ratified is 0.0% in both at 4,096 branches; alone, folding it would free no row, so it stays.
    expect(frame).toMatch(/^Not ratified +0\.0% +0\.0%/m);
    expectEveryOutcome(frame);
  });

  it('two files on the command line: the second on screen as team B, the first as team A, as the message line says', async () => {
    const a = await load(join(BUNDLED, 'russia-2000.yaml'));
    const b = await load(join(BUNDLED, 'russia-2000-stands-in-line.yaml'));
    h = renderApp(b, fileWorkspace({ bundledDir: BUNDLED }), testRunner(), a);
    const first = await h.waitFor('debate (c): team A');
    expect(first).toContain('article10 · ' + b.scenario.title);
    expect(first).toMatch(/debate \(c\): team A \S*russia-2000\.yaml against team B, the scenario on screen/);
    await h.press('c');
    await h.waitFor(/A  russia-2000 \(.*russia-2000\.yaml\)/);
    await h.waitFor('B  russia-2000-stands-in-line (on screen)');
    // Team A chosen from the files, then reset: back to the file from the command line, and the message line follows.
    await h.press('a');
    await h.waitFor('Team A: choose a scenario');
    await h.waitFor('› 2000  russia-2000-stands-in-line');
    await h.press(KEY.up);
    await h.waitFor('› 2000  russia-2000-istanbul-kept');
    await h.press(KEY.enter);
    const chosen = await h.waitFor(/^team A: \S*russia-2000-istanbul-kept\.yaml/m);
    expect(chosen).not.toContain('debate (c): team A');
    expect(chosen).not.toMatch(/A  russia-2000 \(.*russia-2000\.yaml\)/);
    await h.press('x');
    await h.waitFor(/A  russia-2000 \(.*russia-2000\.yaml\)/);
    await h.waitFor(/teams reset: A is \S*russia-2000\.yaml, B the scenario on screen/);
  });

  it('the funnel\'s table is headed "Funnel: reached" in full where the outcome labels are short, and stays within the width', async () => {
    const a = await load(join(BUNDLED, 'russia-2000.yaml'));
    const b = await load(join(BUNDLED, 'russia-2000-istanbul-kept.yaml'));
    h = renderApp(b, fileWorkspace({ bundledDir: BUNDLED }), testRunner(), a);
    await refined();
    await h.press('c');
    for (const [width, height] of [[100, 32], [80, 40], [60, 40]] as const) {
      await h.resize(width, height);
      const lines = (await h.waitForAt(width, height, /^Funnel.* A +B +B − A +95% interval$/m)).split('\n');
      const head = lines.find((l) => l.startsWith('Funnel'))!;
      expect(head, `${width} columns`).toMatch(/^Funnel(: reached)? /);
      if (width >= 80) expect(head).toMatch(/^Funnel: reached /);
    }
  });
});
