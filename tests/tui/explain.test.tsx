import { afterEach, describe, expect, it } from 'vitest';
import { compile, traceBranch } from '../../src/engine/index.js';
import { tellStory } from '../../src/analysis/explain/story.js';
import { load, SMALL_FIXTURE } from './files.js';
import { KEY, noFiles, renderApp, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

async function openExplain() {
  const opened = await load(SMALL_FIXTURE);
  h = renderApp(opened, noFiles);
  await h.waitFor(/4,096 branches in \d+ ms/);
  await h.press('e');
  await h.waitFor('Branch 0 · seed 1');
  return opened.scenario;
}

describe('explain screen', () => {
  it('tells branch 0 year by year, with the sources of each year resolved', async () => {
    const scenario = await openExplain();
    const story = tellStory(compile(scenario), '1', traceBranch(compile(scenario), '1', 0));
    const years = new Set(story.lines.map((l) => l.year)).size;
    const first = h!.lastFrame();
    expect(first).toContain(`year 1 of ${years}`);
    expect(first).toContain(story.outcome);
    expect(first).toContain(story.lines[0]!.text.slice(0, 40));
    expect(first).toContain(`Sources of ${story.lines[0]!.year}`);
    await h!.press(KEY.down);
    await h!.waitFor(`year 2 of ${years}`);
    await h!.press('G');
    const end = await h!.waitFor('(end)');
    expect(end).toContain(`Whole story: ${story.sources.map((s) => s.id).join(', ')}`);
    expect(end).toContain(story.lines[story.lines.length - 1]!.text.slice(0, 30));
  });

  it('marks the current year in the year column (bold and colour vanish under NO_COLOR), and moves the mark with it', async () => {
    const scenario = await openExplain();
    const story = tellStory(compile(scenario), '1', traceBranch(compile(scenario), '1', 0));
    const [first, second] = [...new Set(story.lines.map((l) => l.year))];
    expect(h!.lastFrame()).toMatch(new RegExp(`^${first} ›`, 'm'));
    await h!.press(KEY.down);
    const frame = await h!.waitFor('year 2 of');
    expect(frame).toMatch(new RegExp(`^${second} ›`, 'm'));
    expect(frame).toMatch(new RegExp(`^${first}  `, 'm'));
  });

  it('→ goes to the next branch, b to a numbered one, o to the next with an outcome', async () => {
    await openExplain();
    await h!.press(KEY.right);
    await h!.waitFor('Branch 1 · seed 1');
    await h!.press('b');
    await h!.waitFor('Branch number:');
    await h!.type('42');
    await h!.press(KEY.enter);
    await h!.waitFor('Branch 42 · seed 1');
    await h!.press('o');
    await h!.waitFor('Next branch ending:');
    await h!.press('1');
    const found = await h!.waitFor(/branch (\d+): the next that ends "Joined/);
    const branch = Number(/branch (\d+): the next/.exec(found)![1]);
    expect(branch).toBeGreaterThan(42);
    expect(found).toContain(`Branch ${branch} · seed 1 · Joined`);
    await h!.press('f');
    await h!.waitFor(new RegExp(`branch (?!${branch}:)\\d+: the next that ends "Joined`));
    await h!.press(KEY.escape);
    await h!.waitFor('Outcomes');
  });

  it('b takes any branch the command line takes, up to the last one; → stops there', async () => {
    await openExplain();
    await h!.press('b');
    await h!.waitFor('Branch number:');
    await h!.type('9007199254740991');
    await h!.press(KEY.enter);
    await h!.waitFor('Branch 9007199254740991 · seed 1');
    // Past it, branch numbers round to their neighbours: → stays on the last one.
    await h!.press(KEY.right);
    await h!.press(KEY.left);
    await h!.waitFor('Branch 9007199254740990 · seed 1');
    await h!.press('b');
    await h!.type('9007199254740992');
    await h!.press(KEY.enter);
    // Refused with the reason: the number is whole and not negative, but past the last branch.
    await h!.waitFor('a branch number: a whole number from 0 to 9,007,199,254,740,991');
  });

  it('explains the edited scenario, not the file', async () => {
    await openExplain();
    await h!.press(KEY.escape);
    await h!.waitFor('Outcomes');
    // Interest to 0: the leadership never applies in any branch.
    await h!.press(KEY.enter);
    await h!.waitFor('RU interest (0 to 1) =');
    await h!.press(KEY.backspace, KEY.backspace, KEY.backspace);
    await h!.type('0');
    await h!.press(KEY.enter, 'e');
    const frame = await h!.waitFor('Branch 0 · seed 1');
    expect(frame).toContain('Never applied');
  });
});
