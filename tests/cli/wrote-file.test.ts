import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byteSize } from '../../src/report/format.js';
import { cli } from '../helpers/cli.js';

/** A command that writes a file says so on stderr, once, with the size; stdout stays the result's. */
describe('a written file is named on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article10-wrote-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const wrote = (file: string) => `article10: wrote ${file} (${byteSize(statSync(file).size)})\n`;

  it('run --out FILE: one line naming the file and its size, nothing on stdout', () => {
    const out = join(dir, 'results.txt');
    const r = cli(['run', 'russia-1990', '--runs', '40', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(wrote(out));
  });

  it('run --json --out FILE: the file is the JSON alone, the line on stderr', () => {
    const out = join(dir, 'results.json');
    const r = cli(['run', 'russia-1990', '--runs', '40', '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
    expect(r.stderr).toBe(wrote(out));
  });

  it('run --out - and no --out: no such line', () => {
    for (const args of [['--out', '-'], []]) {
      const r = cli(['run', 'russia-1990', '--runs', '40', '--json', ...args]);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('wrote');
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });

  it('report --out FILE says where the handout went', () => {
    const out = join(dir, 'handout.md');
    const r = cli(['report', 'russia-1990', '--runs', '40', '--sensitivity-runs', '20', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(wrote(out));
  });
});

describe('byteSize', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [4_200, '4.2 kB'],
    [12_340, '12 kB'],
    [999_999, '1.0 MB'],
    [3_100_000, '3.1 MB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(byteSize(bytes)).toBe(text);
  });
});
