import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
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

  it('throws when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.txt'), 'data')).rejects.toThrow(/ENOENT/);
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
