import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOME_LABELS } from '../../src/model/outcome.js';
import { barRows, noBranchLines } from '../../src/tui/screens/projector.js';
import { sampleScenario } from '../helpers/sample-scenario.js';
import { BUNDLED, load } from './files.js';
import { KEY, noFiles, renderApp, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

/** The share printed beside an ending's label in capitals. */
const shareOf = (frame: string, label: string) => Number(new RegExp(`${label.toUpperCase().replace(/[()]/g, '\\$&')} +(\\d+\\.\\d)%`).exec(frame)?.[1]);

/** The projector view of a bundled file on a terminal of `width` × `height`, once its first results are drawn. */
async function projectorAt(file: string, width: number, height: number): Promise<string> {
  h = renderApp(await load(join(BUNDLED, file)), noFiles, undefined, undefined, 'projector');
  await h.resize(width, height);
  return h.waitForAt(width, height, /4,096 branches\n/);
}

describe('projector view', () => {
  it('b shows the results alone in large bars; the shares are the explorer\'s; Esc returns to the parameters', async () => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles);
    const explore = await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    expect(explore).toContain('Candidate');
    await h.press('b');
    const frame = await h.waitFor(/NEVER APPLIED +\d+\.\d%/);
    // Results only: no parameter list, no intervals.
    expect(frame).not.toContain('Candidate');
    expect(frame).not.toContain('95% CI');
    // Each ending reached has a thick bar: rows of full blocks under its label.
    const lines = frame.split('\n');
    const at = lines.findIndex((l) => l.startsWith('NEVER APPLIED'));
    expect(lines[at + 1]).toMatch(/^█+/);
    // The share is the one the explorer shows for the same run.
    const never = shareOf(frame, OUTCOME_LABELS.no_application);
    expect(explore).toContain(`${never.toFixed(1)}%`);
    expect(frame.split('\n').length).toBeLessThan(24);
    // The endings in the student handouts' words, so the projected screen and the pages agree.
    expect(frame).toMatch(/^JOINED NATO +|No branch: .*Joined NATO/m);
    expect(frame).not.toContain('INSTRUMENT DEPOSITED');
    await h.press(KEY.escape);
    await h.waitFor('Candidate');
  });

  it('an edited scenario is titled "(edited)", on the projector too: its numbers are not the file\'s', async () => {
    const s = sampleScenario();
    h = renderApp({ scenario: s, file: '/tmp/tui-test.yaml' }, noFiles);
    await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    expect(h.lastFrame()).not.toContain('(edited)');
    await h.press(KEY.right);
    await h.waitFor('● unsaved');
    expect(h.lastFrame()).toContain(`${s.title} (edited)`);
    await h.press('b');
    expect(await h.waitFor(/NEVER APPLIED +\d+\.\d%/)).toContain(`${s.title} (edited)`);
  });

  it('a title too long for the line keeps its "(edited)", on the projector and above it, at 80 and at 60 columns', async () => {
    const { scenario: s, file } = await load(join(BUNDLED, 'russia-1990.yaml'));
    h = renderApp({ scenario: s, file }, noFiles, undefined, undefined, 'projector');
    await h.resize(80, 24);
    await h.waitFor(/NEVER APPLIED +\d+\.\d%/);
    await h.press(KEY.escape);
    await h.waitFor('Candidate');
    await h.press(KEY.right);
    await h.waitFor('● unsaved');
    await h.press('b');
    for (const [width, height] of [[80, 24], [60, 17]] as const) {
      await h.resize(width, height);
      // At 60×17 every ending on a line of its own, its bar between label and share.
      const lines = (await h.waitForAt(width, height, /NEVER APPLIED\D+\d+\.\d%/)).split('\n');
      // The title marked "(edited)" is longer than either line: cut, it still says the numbers are not the file's.
      expect(`${s.title} (edited)`.length).toBeGreaterThan(width - 24);
      expect(lines[0], `${width} columns`).toMatch(/^article10 · 1990: .*… \(edited\) +● unsaved$/);
      expect(lines[1], `${width} columns`).toMatch(/^1990: .*… \(edited\) +[\d,]+ branches/);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('a saved file opened again, its title too long for the line, keeps its "(edited)" whole above the parameters', async () => {
    // A saved file's title ends "(edited)"; with nothing edited since, no "● unsaved" stands beside it.
    const { scenario: s, file } = await load(join(BUNDLED, 'russia-1990.yaml'));
    h = renderApp({ scenario: { ...s, title: `${s.title} (edited)` }, file }, noFiles);
    for (const [width, height] of [[80, 24], [60, 17]] as const) {
      await h.resize(width, height);
      const lines = (await h.waitForAt(width, height, /branches in \d+ ms/)).split('\n');
      expect(lines[0], `${width} columns`).toMatch(/^article10 · 1990: .*… \(edited\)$/);
      expect(lines[0]).not.toContain('● unsaved');
    }
  });

  it('tui --big opens on it', async () => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles, undefined, undefined, 'projector');
    const frame = await h.waitFor(/NEVER APPLIED +\d+\.\d%/);
    expect(frame).not.toContain('Candidate');
  });

  it('on the smallest terminal (60×17) with many endings reached, each is on a line of its own, with its bar and share, under the heading', async () => {
    const frame = await projectorAt('russia-1990.yaml', 60, 17);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(17);
    for (const label of ['JOINED', 'NEVER APPLIED', 'WITHDREW', 'STALLED', 'VETOED', 'NOT RATIFIED', 'PENDING']) expect(lines.some((l) => new RegExp(`^${label} .* (\\d+\\.\\d+%|<0\\.01%)$`).test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('VETOED'))).toMatch(/█/);
  });

  it('at 80×24 the endings no branch reaches are each named in full, on as many lines as they need', async () => {
    // russia-2000 reaches four endings and no branch reaches three: their line is wider than 80 columns.
    const frame = await projectorAt('russia-2000.yaml', 80, 24);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(frame).toContain('No branch: Joined NATO');
    expect(frame).toContain('Still undecided at the end');
    expect(frame).not.toMatch(/No branch: .*…/);
    expect(lines.find((l) => l.startsWith('NEVER APPLIED'))).toMatch(/\d+\.\d%$/);
  });

  it('the endings no branch reaches break between endings, never inside one', () => {
    const labels = ['Joined NATO', 'A parliament said no for good', 'Still undecided at the end'];
    expect(noBranchLines(labels, 80)).toEqual(['No branch: Joined NATO · A parliament said no for good', 'Still undecided at the end']);
    expect(noBranchLines(labels, 120)).toEqual(['No branch: Joined NATO · A parliament said no for good · Still undecided at the end']);
    expect(noBranchLines([], 80)).toEqual([]);
    for (const line of noBranchLines(labels, 40)) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('bars are as thick as the screen allows, never thinner than a row', () => {
    expect(barRows(3, 22)).toBe(3);
    expect(barRows(5, 22)).toBe(1);
    expect(barRows(7, 10)).toBe(1);
  });
});
