import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { inspectOutput } from '../../src/io/output-target.js';
import { writeToTarget, type WriteOutputOptions } from '../../src/io/write-output.js';
import { readTextFile } from '../../src/io/read-text.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'article10-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const path = join(dir, 'out.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('throws and cleans up when the target cannot be written', async () => {
    const target = join(dir, 'a-directory');
    await writeFile(join(dir, 'keep.txt'), 'x');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a-directory', 'keep.txt']);
  });

  it('writes a target whose name is as long as the file system allows, though the temporary name would not fit', async () => {
    for (const name of [`${'a'.repeat(250)}.json`, `${'é'.repeat(125)}.md`]) {
      const path = join(dir, name);
      await writeFileAtomic(path, 'data');
      expect(await readFile(path, 'utf8')).toBe('data');
    }
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('throws when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.txt'), 'data')).rejects.toThrow(/ENOENT/);
  });
});

/** Writes to what `path` names now, as the command line and the TUI do. */
async function writeOutput(path: string, data: string | Uint8Array, options: WriteOutputOptions = {}): Promise<void> {
  await writeToTarget(await inspectOutput(path), data, options);
}

describe('writeToTarget', () => {
  it('keeps the mode of the file it replaces', async () => {
    const path = join(dir, 'private.json');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeOutput(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('stopped by its signal during the write: the target as it was, no temporary file', async () => {
    const path = join(dir, 'out.json');
    await writeFile(path, 'old');
    const controller = new AbortController();
    // Aborted before the first slice is written: the temporary file is created, then must go.
    const writing = writeOutput(path, 'x'.repeat(5 << 20), { signal: controller.signal });
    controller.abort();
    await expect(writing).rejects.toThrow(/abort/i);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('writes a FIFO directly: the reader gets the data and the FIFO stays a FIFO', async () => {
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reading = readFile(fifo, 'utf8');
    const data = 'y'.repeat(3 << 20);
    await writeOutput(fifo, data);
    expect(await reading).toBe(data);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['out.fifo']);
  });

  it('writes through a symbolic link: the file it leads to is replaced, the link kept', async () => {
    await writeFile(join(dir, 'results-1.json'), 'old');
    await symlink('results-1.json', join(dir, 'latest.json'));
    await writeOutput(join(dir, 'latest.json'), 'new');
    expect(await readlink(join(dir, 'latest.json'))).toBe('results-1.json');
    expect(await readFile(join(dir, 'results-1.json'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['latest.json', 'results-1.json']);
  });

  it('writes through a dangling symbolic link, as a shell redirection does: the file is created where it points, the link kept', async () => {
    await mkdir(join(dir, 'runs'));
    await symlink('runs/results-2.json', join(dir, 'latest.json'));
    await symlink('latest.json', join(dir, 'current.json'));
    await writeOutput(join(dir, 'current.json'), 'new');
    expect(await readlink(join(dir, 'current.json'))).toBe('latest.json');
    expect(await readlink(join(dir, 'latest.json'))).toBe('runs/results-2.json');
    expect(await readFile(join(dir, 'runs', 'results-2.json'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['current.json', 'latest.json', 'runs']);
  });

  it('a dangling link in a folder reached through a link leads from the real folder: `..` is its parent, not the link\'s', async () => {
    // linked -> a/b; a/b/out.json -> ../input.yaml leads to a/input.yaml (not there), never to the input.yaml beside `linked`.
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'input.yaml'), 'input');
    await symlink('a/b', join(dir, 'linked'));
    await symlink('../input.yaml', join(dir, 'a', 'b', 'out.json'));
    await writeOutput(join(dir, 'linked', 'out.json'), 'new');
    expect(await readFile(join(dir, 'input.yaml'), 'utf8')).toBe('input');
    expect(await readFile(join(dir, 'a', 'input.yaml'), 'utf8')).toBe('new');
    expect(await readlink(join(dir, 'a', 'b', 'out.json'))).toBe('../input.yaml');
  });
});

describe('inspectOutput', () => {
  it('a file with no write bit for anyone is read-only, for root too', async () => {
    const path = join(dir, 'locked.json');
    await writeFile(path, 'x');
    await chmod(path, 0o444);
    expect(await inspectOutput(path)).toMatchObject({ kind: 'file', readOnly: true, mode: 0o444 });
  });

  it('tells a new file, a file, a FIFO and a folder apart', async () => {
    await writeFile(join(dir, 'file'), 'x');
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(await inspectOutput(join(dir, 'none'))).toMatchObject({ kind: 'new' });
    expect(await inspectOutput(join(dir, 'file'))).toMatchObject({ kind: 'file', readOnly: false });
    expect(await inspectOutput(join(dir, 'fifo'))).toMatchObject({ kind: 'stream', fifo: true });
    expect(await inspectOutput(dir)).toMatchObject({ kind: 'refused', what: 'a folder' });
  });
});

describe('readTextFile', () => {
  it('drops a byte-order mark', async () => {
    const path = join(dir, 'bom.yaml');
    await writeFile(path, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('id: x\n')]));
    expect(await readTextFile(path, 1000)).toEqual({ ok: true, text: 'id: x\n' });
  });

  it('names each kind of failure', async () => {
    await writeFile(join(dir, 'big'), 'x'.repeat(11));
    await writeFile(join(dir, 'nul'), 'a\0b');
    await writeFile(join(dir, 'latin1'), Buffer.from([0xe9]));
    const kinds = await Promise.all(
      [join(dir, 'nope'), dir, join(dir, 'big'), join(dir, 'nul'), join(dir, 'latin1'), join(dir, 'big', 'below')].map(async (p) => {
        const r = await readTextFile(p, 10);
        return r.ok ? 'ok' : r.failure.kind;
      }),
    );
    expect(kinds).toEqual(['not_found', 'is_directory', 'too_large', 'binary', 'invalid_encoding', 'not_found']);
  });
});
