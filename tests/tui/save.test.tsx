import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileWorkspace } from '../../src/tui/workspace.js';
import { BUNDLED, load, SMALL_FIXTURE, tempDir } from './files.js';
import { KEY, renderApp, tick, type Harness } from './harness.js';

let h: Harness | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  h?.unmount();
  cleanup?.();
});

/** The small fixture copied into a temporary folder, opened in the app with that folder as the working folder. */
async function openCopy(): Promise<{ dir: string; source: string }> {
  const { dir, remove } = tempDir();
  cleanup = remove;
  const source = join(dir, 'small.yaml');
  copyFileSync(SMALL_FIXTURE, source);
  h = renderApp(await load(source), fileWorkspace({ bundledDir: BUNDLED, cwd: dir }));
  await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
  return { dir, source };
}

/** A fresh copy, one step of the first parameter, saved under the name offered; the frame that says so. */
async function saveOneEdit(): Promise<{ dir: string; frame: string }> {
  const { dir } = await openCopy();
  await h!.press(KEY.right, 's');
  await h!.waitFor('Save changes to: small-edited.yaml');
  await h!.press(KEY.enter);
  return { dir, frame: await h!.waitFor('saved 1 change to small-edited.yaml') };
}

describe('saving from the UI', () => {
  it('s asks for a name (default <id>-edited.yaml next to the source), writes the differences, clears the marker', async () => {
    const { dir, frame } = await saveOneEdit();
    expect(frame).not.toContain('● unsaved');
    const text = readFileSync(join(dir, 'small-edited.yaml'), 'utf8');
    expect(text).toContain('extends: small.yaml\n');
    expect(text).toContain('candidate:\n  interest: { value: 0.41, source: assumption');
    const reloaded = await load(join(dir, 'small-edited.yaml'));
    expect(reloaded.scenario.candidate.interest.dist).toEqual({ kind: 'fixed', value: 0.41 });
    expect(reloaded.scenario.id).toBe('small-edited');
  });

  it('after a save the title is the saved file\'s, "(edited)" once; undoing every edit unmarks it, and a save then is not titled "(edited)"', async () => {
    const { dir, frame: saved } = await saveOneEdit();
    const title = (file: string) => /^title: "?(.*?)"?$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    expect(title('small-edited.yaml')).toBe('Small test scenario (edited)');
    expect(saved.split('\n')[0]).toBe('article10 · Small test scenario (edited)');
    await h!.press('u');
    const undone = await h!.waitFor('● unsaved');
    expect(undone.split('\n')[0]).toMatch(/^article10 · Small test scenario +● unsaved$/);
    await h!.press('s');
    await h!.waitFor('Save changes to: small-edited.yaml');
    await h!.press(KEY.enter);
    await h!.waitFor('saved 0 changes to small-edited.yaml');
    expect(title('small-edited.yaml')).toBe('Small test scenario');
  });

  it('after a save, the list of scenarios marks the saved file as the one open, and selects it', async () => {
    await openCopy();
    await h!.press(KEY.right, 's');
    await h!.waitFor('Save changes to: small-edited.yaml');
    await h!.press(KEY.enter);
    await h!.waitFor('saved 1 change to small-edited.yaml');
    await h!.press('d');
    const list = await h!.waitFor(/small-edited.*\(open\)/);
    expect(list).toMatch(/› .*small-edited.*\(open\)/);
    expect(list.match(/\(open\)/g)).toHaveLength(1);
  });

  it('will not write over the file it came from, and asks before overwriting another', async () => {
    const { dir } = await openCopy();
    await h!.press(KEY.right, 's');
    await h!.waitFor('Save changes to:');
    for (let i = 0; i < 'small-edited.yaml'.length; i++) await h!.press(KEY.backspace);
    await h!.type('small.yaml');
    await h!.press(KEY.enter);
    await h!.waitFor('that is the file it came from');
    for (let i = 0; i < 'small.yaml'.length; i++) await h!.press(KEY.backspace);
    copyFileSync(SMALL_FIXTURE, join(dir, 'other.yaml'));
    await h!.type('other.yaml');
    await h!.press(KEY.enter);
    await h!.waitFor('other.yaml exists.');
    await h!.press('n');
    expect(readFileSync(join(dir, 'other.yaml'), 'utf8')).toBe(readFileSync(SMALL_FIXTURE, 'utf8'));
    expect(h!.lastFrame()).toContain('● unsaved');
  });

  it('a name typed with ~/ goes to the home folder, as in a shell, not to a folder named "~"', async () => {
    const { dir, remove } = tempDir();
    const home = tempDir();
    cleanup = () => {
      remove();
      home.remove();
    };
    copyFileSync(SMALL_FIXTURE, join(dir, 'small.yaml'));
    h = renderApp(await load(join(dir, 'small.yaml')), fileWorkspace({ bundledDir: BUNDLED, cwd: dir, home: home.dir }));
    await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    await h.press(KEY.right, 's');
    await h.waitFor('Save changes to:');
    for (let i = 0; i < 'small-edited.yaml'.length; i++) await h.press(KEY.backspace);
    await h.type('~/mine.yaml');
    await h.press(KEY.enter);
    await h.waitFor(`saved a complete copy with your changes to ${join(home.dir, 'mine.yaml')}`);
    expect(existsSync(join(home.dir, 'mine.yaml'))).toBe(true);
    expect(existsSync(join(dir, '~'))).toBe(false);
  });

  it('quitting with unsaved changes can save first', async () => {
    const { dir } = await openCopy();
    await h!.press(KEY.right, 'q');
    await h!.waitFor('Unsaved changes');
    await h!.press('s');
    await h!.waitFor('Save changes to: small-edited.yaml');
    await h!.press(KEY.enter);
    await h!.waitForExit();
    expect(h!.farewell()).toContain('changes saved in');
    expect(existsSync(join(dir, 'small-edited.yaml'))).toBe(true);
  });
});

describe('switching decision points', () => {
  it('d lists the bundled scenarios; Enter opens one (after asking when there are unsaved changes)', async () => {
    await openCopy();
    await h!.press(KEY.right, 'd');
    const list = await h!.waitFor('russia-1990');
    expect(list).toContain('russia-1954');
    expect(list).toMatch(/small +Small test scenario \(open\)/);
    // The open file is selected first; russia-2000 is just above it.
    // One step at a time: on busy cores a press shows a frame later, and pressing on a stale frame overshoots.
    for (let i = 0; i < 10 && !/› 2000 +russia-2000 /.test(h!.lastFrame()); i++) {
      const before = h!.lastFrame();
      await h!.press(KEY.up);
      for (let waited = 0; h!.lastFrame() === before && waited < 5_000; waited += 10) await tick(10);
    }
    await h!.press(KEY.enter);
    await h!.waitFor('Unsaved changes');
    await h!.press('y');
    const opened = await h!.waitFor("article10 · 2000: Putin asks 'why not?'");
    expect(opened).not.toContain('● unsaved');
    await h!.waitFor('russia-2000 · 2000–2012');
  });

  it('says which file it opened as the user would type it: from the working folder, not from the root', async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    const source = join(dir, 'small.yaml');
    copyFileSync(SMALL_FIXTURE, source);
    h = renderApp(await load(source), fileWorkspace({ bundledDir: BUNDLED, cwd: dirname(BUNDLED) }));
    await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    await h.press('d');
    await h.waitFor('russia-1990');
    for (let i = 0; i < 10 && !/› 2000 +russia-2000 /.test(h.lastFrame()); i++) {
      const before = h.lastFrame();
      await h.press(KEY.up);
      for (let waited = 0; h.lastFrame() === before && waited < 5_000; waited += 10) await tick(10);
    }
    await h.press(KEY.enter);
    const frame = await h.waitFor(/^opened /m);
    expect(frame).toMatch(/^opened scenarios\/russia-2000\.yaml$/m);
  });
});
