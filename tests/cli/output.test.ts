import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, UsageError } from '../../src/cli/errors.js';
import { checkOtherOutput, checkOutFolder, checkOutPath, emit } from '../../src/cli/output.js';

/** An --out that cannot be written is a message, not an internal error with a stack trace. */
describe('--out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article10-out-'));
  const beside = mkdtempSync(join(tmpdir(), 'article10-out-file-'));
  writeFileSync(join(beside, 'notes.txt'), 'kept');

  it.each([
    ['', '--out needs a file name'],
    [join(dir, 'missing', 'out.json'), `--out ${join(dir, 'missing', 'out.json')}: there is no folder ${join(dir, 'missing')}`],
    [dir, `--out ${dir}: is a folder; name a file in it`],
    // A file where the folder should be: not "there is no folder", which sends the user looking for one.
    [join(beside, 'notes.txt', 'out.json'), `--out ${join(beside, 'notes.txt', 'out.json')}: ${join(beside, 'notes.txt')} is a file, not a folder`],
  ])('%j is refused before any work', async (out, message) => {
    const refused = checkOutPath(out);
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(message);
  });

  it('a dangling symbolic link that leads into a folder that is not there says so', async () => {
    const link = join(dir, 'dangling.json');
    symlinkSync('nowhere/out.json', link);
    try {
      await expect(checkOutPath(link)).rejects.toThrow(`--out ${link}: leads to ${join(dir, 'nowhere', 'out.json')}, but there is no folder ${join(dir, 'nowhere')}`);
    } finally {
      rmSync(link);
    }
  });

  it('a file in an existing folder, or no --out at all, passes', async () => {
    await expect(checkOutPath(join(dir, 'out.json'))).resolves.toBeUndefined();
    await expect(checkOutPath(undefined)).resolves.toBeUndefined();
  });

  it('a read-only file is refused at the write too, unless the checked --out came with --force', async () => {
    const out = join(dir, 'locked.json');
    writeFileSync(out, 'kept');
    chmodSync(out, 0o444);
    try {
      await checkOutPath(undefined);
      await expect(emit('{}\n', out)).rejects.toThrow(`--out ${out}: the file is read-only; give --force to replace it`);
      expect(readFileSync(out, 'utf8')).toBe('kept');
      await checkOutPath(out, { force: true });
      await emit('{}\n', out);
      expect(readFileSync(out, 'utf8')).toBe('{}\n');
    } finally {
      rmSync(out, { force: true });
    }
  });

  it('a write that fails anyway (the folder went away during the run) is exit 1 with the reason', async () => {
    const out = join(dir, 'gone', 'out.json');
    const failed = emit('{}\n', out).catch((error: unknown) => error);
    const error = await failed;
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(ExitCode.failure);
    expect((error as UsageError).message).toMatch(new RegExp(`^cannot write ${out}: ENOENT: .*; the file was left as it was$`));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an output besides --out', () => {
  it('is refused when the --out is a dangling symbolic link that leads to it: both would be written to one file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-other-'));
    try {
      symlinkSync('saved.yaml', join(dir, 'link.txt'));
      const refused = checkOtherOutput('--save', join(dir, 'saved.yaml'), { reads: [], writes: [join(dir, 'link.txt')] });
      await expect(refused).rejects.toThrow(UsageError);
      await expect(refused).rejects.toThrow(`--save ${join(dir, 'saved.yaml')}: is also the --out file (${join(dir, 'link.txt')})`);
      // And the other way round: the --save a dangling link to the --out.
      await expect(checkOtherOutput('--save', join(dir, 'link.txt'), { reads: [], writes: [join(dir, 'saved.yaml')] })).rejects.toThrow('is also the --out file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a file where its folder should be is named as a file, for --save as for a kit folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-other-'));
    try {
      const notes = join(dir, 'notes.txt');
      writeFileSync(notes, 'kept');
      await expect(checkOtherOutput('--save', join(notes, 'x.yaml'), { reads: [], writes: [undefined] })).rejects.toThrow(`--save ${join(notes, 'x.yaml')}: ${notes} is a file, not a folder`);
      await expect(checkOutFolder('--out', join(notes, 'kit'), ['a.yaml'], false)).rejects.toThrow(`--out ${join(notes, 'kit')}: ${notes} is a file, not a folder`);
      expect(readFileSync(notes, 'utf8')).toBe('kept');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
