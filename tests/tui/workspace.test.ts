import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editorReducer, openEditor, type EditorAction, type EditorState } from '../../src/tui/state/editor.js';
import { fileWorkspace } from '../../src/tui/workspace.js';
import type { Scenario } from '../../src/model/scenario.js';
import { BUNDLED, load, SMALL_FIXTURE, tempDir, withoutName } from './files.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Edits made the way the UI makes them: through the reducer. */
function edit(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

const select = (key: string): EditorAction => ({ type: 'change', key, change: { kind: 'toggle' } });
const step = (key: string, direction: 1 | -1, big = false): EditorAction => ({ type: 'change', key, change: { kind: 'step', direction, big } });

/** A copy of the small fixture in a fresh folder (removed after the test), opened and edited once. */
async function editedSmallCopy(): Promise<{ dir: string; source: string; edited: Scenario }> {
  const { dir, remove } = tempDir();
  cleanup = remove;
  const source = join(dir, 'small.yaml');
  copyFileSync(SMALL_FIXTURE, source);
  const opened = await load(source);
  return { dir, source, edited: edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1)).scenario };
}

/** A workspace in a fresh folder, the bundled russia-2000 opened, and where a first save of it goes. */
async function bundledIn() {
  const { dir, remove } = tempDir();
  cleanup = remove;
  return { dir, workspace: fileWorkspace({ bundledDir: BUNDLED, cwd: dir }), opened: await load(join(BUNDLED, 'russia-2000.yaml')), first: join(dir, 'first.yaml') };
}

describe('saving edits (round trip through the loader)', () => {
  it('a bundled scenario saved elsewhere extends bundled:<id> and loads back as edited', async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    const opened = await load(join(BUNDLED, 'russia-2000.yaml'));
    const s = opened.scenario;
    const defaulted = s.allies.find((a) => a.defaulted);
    const edited = edit(
      openEditor(s, opened.file),
      step('candidate.acceptsStandardPath', 1, true),
      { type: 'change', key: 'candidate.interest', change: { kind: 'set', value: 0.4 } },
      select(`rule.${s.rules[0]!.id}`),
      select(`event.${s.events[0]!.id}.enabled`),
      step(`event.${s.events[0]!.id}.hazard`, -1),
      select(`ally.${s.allies[0]!.code}.objection`),
      step(`pre.${s.preconditions[0]!.id}.drift`, 1),
      ...(defaulted ? [step(`ally.${defaulted.code}.consent`, -1)] : []),
    ).scenario;
    const workspace = fileWorkspace({ bundledDir: BUNDLED, cwd: dir });
    const target = workspace.defaultSavePath(opened.file, s.id);
    expect(target).toBe(join(dir, 'russia-2000-edited.yaml'));

    const saved = await workspace.save(opened.file, edited, target);
    expect(saved).toMatchObject({ ok: true, id: 'russia-2000-edited', complete: false });
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/^# Saved by article10 tui/);
    expect(text).toContain('extends: bundled:russia-2000\n');
    expect(text).toContain('id: russia-2000-edited\n');
    expect(text).toMatch(/interest: \{ value: 0\.4, source: assumption, note: "?edited in the TUI; was /);
    // Only the differences: far shorter than the 700-line original.
    expect(text.split('\n').length).toBeLessThan(80);

    const reloaded = await load(target);
    expect(reloaded.scenario.id).toBe('russia-2000-edited');
    expect(withoutName(reloaded.scenario)).toEqual(withoutName(edited));
  });

  it('a user file saved next to itself extends it by relative path', async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    const source = join(dir, 'small.yaml');
    copyFileSync(SMALL_FIXTURE, source);
    const opened = await load(source);
    const edited = edit(openEditor(opened.scenario, opened.file), select('rule.cold-shoulder'), step('ally.UK.threat', 1)).scenario;
    const workspace = fileWorkspace({ bundledDir: BUNDLED, cwd: '/' });
    const target = workspace.defaultSavePath(source, 'small');
    expect(target).toBe(join(dir, 'small-edited.yaml'));
    expect(await workspace.save(source, edited, target)).toMatchObject({ ok: true, changes: 2 });
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('extends: small.yaml\n');
    expect(text).toContain('rules:\n  - id: cold-shoulder\n    enabled: false\n');
    expect(withoutName((await load(target)).scenario)).toEqual(withoutName(edited));
  });

  it('a save of a saved file: "(edited)" once in the title, an id from the file name, the command quoted, and a missing folder said as such', async () => {
    const { dir, workspace, opened, first } = await bundledIn();
    expect(await workspace.save(opened.file, edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1)).scenario, first)).toMatchObject({ ok: true, id: 'first' });
    const reopened = await load(first);
    const again = edit(openEditor(reopened.scenario, reopened.file), step('candidate.interest', 1)).scenario;
    const second = join(dir, 'Team B.yaml');
    const saved = await workspace.save(first, again, second);
    expect(saved).toMatchObject({ ok: true, id: 'team-b', title: `${opened.scenario.title} (edited)` });
    expect(readFileSync(second, 'utf8')).toContain("Run it with: npx article10 run 'Team B.yaml'");
    const missing = await workspace.save(first, again, join(dir, 'no-such-folder', 'x.yaml'));
    expect(missing).toEqual({ ok: false, message: `could not save ${join(dir, 'no-such-folder', 'x.yaml')}: there is no folder ${join(dir, 'no-such-folder')}` });
    // A file where the folder should be: said so, not as the system's ENOTDIR.
    const underFile = await workspace.save(first, again, join(first, 'x.yaml'));
    expect(underFile).toEqual({ ok: false, message: `could not save ${join(first, 'x.yaml')}: ${first} is not a folder` });
  });

  it('a save of a file that rewrites the one it extends, with no baseline: of its own, names that file as its baseline, so run measures it from the history the screen does', async () => {
    const { dir, workspace, opened, first } = await bundledIn();
    expect(await workspace.save(opened.file, edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1, true)).scenario, first)).toMatchObject({ ok: true, changes: 1 });
    // first.yaml extends the bundled file and names no baseline: it is measured from russia-2000, on screen and by run.
    expect(readFileSync(first, 'utf8')).not.toContain('baseline:');
    const reopened = await load(first);
    const onScreen = await workspace.findBaseline(first);
    expect(onScreen).toMatchObject({ kind: 'found', file: opened.file });
    const again = edit(openEditor(reopened.scenario, reopened.file), step('candidate.domesticOpposition', 1)).scenario;
    const second = join(dir, 'second.yaml');
    expect(await workspace.save(first, again, second)).toMatchObject({ ok: true, changes: 1 });
    const text = readFileSync(second, 'utf8');
    expect(text).toContain('extends: first.yaml\n');
    expect(text).toContain('baseline: bundled:russia-2000\n');
    // Measured from the history the status line measured from: both edits count.
    const measured = await workspace.findBaseline(second);
    expect(measured).toMatchObject({ kind: 'found' });
    expect(measured.kind === 'found' && measured.scenario.id).toBe('russia-2000');
    expect(withoutName((await load(second)).scenario)).toEqual(withoutName({ ...again, baseline: 'bundled:russia-2000' }));
  });

  it('a file saved where the source cannot be extended from is a complete copy', async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const source = join(dir, 'a', 'small.yaml');
    copyFileSync(SMALL_FIXTURE, source);
    const opened = await load(source);
    const edited = edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1)).scenario;
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, join(dir, 'b', 'mine.yaml'));
    expect(saved).toMatchObject({ ok: true, complete: true });
    const text = readFileSync(join(dir, 'b', 'mine.yaml'), 'utf8');
    expect(text).not.toContain('extends:');
    // Every Ally is listed in a complete copy, so none is marked as taken from allyDefaults.
    const listed = (s: typeof edited) => ({ ...withoutName(s), allies: s.allies.map((a) => ({ ...a, defaulted: false })) });
    expect(listed((await load(join(dir, 'b', 'mine.yaml'))).scenario)).toEqual(listed(edited));
  });

  it("a complete copy names the source's baseline from where it is saved, or leaves it out when it cannot be named from there", async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    mkdirSync(join(dir, 'a', 'parts'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    copyFileSync(SMALL_FIXTURE, join(dir, 'a', 'parts', 'base.yaml'));
    const source = join(dir, 'a', 'small.yaml');
    writeFileSync(source, `${readFileSync(SMALL_FIXTURE, 'utf8')}\nbaseline: parts/base.yaml\n`);
    const opened = await load(source);
    const edited = edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1)).scenario;
    const workspace = fileWorkspace({ bundledDir: BUNDLED });
    // Copied as written, "parts/base.yaml" would name a file beside the copy that is not there.
    // From dir/a/parts the same file is base.yaml; from dir/b it cannot be named, and is left out.
    expect(await workspace.save(source, edited, join(dir, 'a', 'parts', 'mine.yaml'))).toMatchObject({ ok: true, complete: true });
    expect(await workspace.save(source, edited, join(dir, 'b', 'mine.yaml'))).toMatchObject({ ok: true, complete: true });
    expect(readFileSync(join(dir, 'a', 'parts', 'mine.yaml'), 'utf8')).toMatch(/^baseline: base\.yaml$/m);
    expect(readFileSync(join(dir, 'b', 'mine.yaml'), 'utf8')).not.toMatch(/^baseline:/m);
    expect(await workspace.findBaseline(join(dir, 'a', 'parts', 'mine.yaml'))).toMatchObject({ kind: 'found', file: join(dir, 'a', 'parts', 'base.yaml') });
    expect(await workspace.findBaseline(join(dir, 'b', 'mine.yaml'))).toEqual({ kind: 'none' });
  });

  it('a save through a symbolic link to another folder, dangling or not, loads back as edited from where it was written', async () => {
    const { dir, source, edited } = await editedSmallCopy();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'old.yaml'), 'old');
    const listed = (s: typeof edited) => ({ ...withoutName(s), allies: s.allies.map((a) => ({ ...a, defaulted: false })) });
    for (const [link, to] of [['new.yaml', 'sub/new.yaml'], ['old.yaml', 'sub/old.yaml']] as const) {
      symlinkSync(to, join(dir, link));
      // The file lands in sub/, where small.yaml is not: `extends: small.yaml` would name no file.
      expect(await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, join(dir, link))).toMatchObject({ ok: true, complete: true });
      expect(readFileSync(join(dir, to), 'utf8')).not.toContain('extends:');
      expect(listed((await load(join(dir, link))).scenario)).toEqual(listed(edited));
    }
  });

  it('will not save over the source through a hard link to it, and leaves it as it was', async () => {
    const { dir, source, edited } = await editedSmallCopy();
    linkSync(source, join(dir, 'same.yaml'));
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, join(dir, 'same.yaml'));
    expect(saved).toEqual({ ok: false, message: `could not save ${join(dir, 'same.yaml')}: that is small.yaml, which the edits are based on; choose another name` });
    expect(readFileSync(source, 'utf8')).toBe(readFileSync(SMALL_FIXTURE, 'utf8'));
  });

  it('will not save over the file the source extends (it would extend its own edit)', async () => {
    const { dir, remove } = tempDir();
    cleanup = remove;
    copyFileSync(SMALL_FIXTURE, join(dir, 'base.yaml'));
    const source = join(dir, 'child.yaml');
    writeFileSync(source, 'extends: base.yaml\nid: child\n');
    const opened = await load(source);
    const edited = edit(openEditor(opened.scenario, opened.file), step('candidate.interest', 1)).scenario;
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, join(dir, 'base.yaml'));
    expect(saved).toMatchObject({ ok: false, message: expect.stringMatching(/that is base\.yaml, which the edits are based on/) });
    expect(readFileSync(join(dir, 'base.yaml'), 'utf8')).toBe(readFileSync(SMALL_FIXTURE, 'utf8'));
  });

  it('will not save over a read-only file', async () => {
    const { dir, source, edited } = await editedSmallCopy();
    const target = join(dir, 'locked.yaml');
    writeFileSync(target, 'kept\n');
    chmodSync(target, 0o444);
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, target);
    expect(saved).toEqual({ ok: false, message: `could not save ${target}: the file is read-only` });
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
  });

  it('will not wait for a reader of a named pipe: the save is refused at once and the pipe stays what it is', async () => {
    const { dir, source, edited } = await editedSmallCopy();
    const target = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [target]);
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, target);
    expect(saved).toEqual({ ok: false, message: `could not save ${target}: it is a named pipe that no program is reading; nothing was written` });
    expect(lstatSync(target).isFIFO()).toBe(true);
  }, 5000);

  it('a named pipe a program is reading gets the whole file', async () => {
    const { dir, source, edited } = await editedSmallCopy();
    const target = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [target]);
    const reading = readFile(target, 'utf8');
    const saved = await fileWorkspace({ bundledDir: BUNDLED }).save(source, edited, target);
    expect(saved).toMatchObject({ ok: true });
    expect(await reading).toMatch(/^# Saved by article10 tui[^]*extends: small\.yaml\n/);
    expect(lstatSync(target).isFIFO()).toBe(true);
  }, 5000);

  it('lists the bundled scenarios (no schema.json) and files from the command line', async () => {
    const list = await fileWorkspace({ bundledDir: BUNDLED, extraFiles: [SMALL_FIXTURE] }).listScenarios();
    const ids = list.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['russia-1954', 'russia-1990', 'russia-2000', 'small']));
    expect(list.every((e) => !e.file.endsWith('schema.json'))).toBe(true);
    expect(list.find((e) => e.id === 'russia-2000')?.year).toBe(2000);
  });
});
