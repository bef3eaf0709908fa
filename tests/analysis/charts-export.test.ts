import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli, cliAsync } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'article10-charts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PNG's size from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('report --charts DIR', () => {
  test('the student handout\'s chart as SVG and PNG (twice its size, on white), each named on stderr', async () => {
    const dir = join(scratch, 'student');
    const r = await cliAsync(['report', 'russia-1990', '--compare', 'russia-1990-common-home', '--runs', '2000', '--charts', dir, '--out', join(scratch, 'student.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['outcomes.png', 'outcomes.svg']);
    const svg = readFileSync(join(dir, 'outcomes.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('Team B (this handout)');
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const png = pngSize(readFileSync(join(dir, 'outcomes.png')));
    expect(png.width).toBe(Math.round(2 * Number(w)));
    expect(png.height).toBe(Math.round(2 * Number(h)));
    for (const f of ['outcomes.svg', 'outcomes.png']) expect(r.stderr).toContain(`article10: wrote ${join(dir, f)} (`);
    // The PNG is drawn, not blank: a blank page of that size compresses to far less.
    expect(readFileSync(join(dir, 'outcomes.png')).length).toBeGreaterThan(5000);
  });

  test('the teacher\'s charts: outcomes, funnel, the comparison and the tornado', async () => {
    const dir = join(scratch, 'teacher');
    const r = await cliAsync(['report', 'russia-2000', '--compare', 'russia-2000-stands-in-line', '--audience', 'teacher', '--runs', '1000', '--sensitivity-runs', '100', '--charts', dir, '--out', join(scratch, 'teacher.md')], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['compare.png', 'compare.svg', 'funnel.png', 'funnel.svg', 'outcomes.png', 'outcomes.svg', 'tornado.png', 'tornado.svg']);
    // As long as the process is given (a report with a sensitivity run, on a busy machine).
  }, 150_000);

  test('a folder that is a file, that cannot be made, or that holds charts already (without --force) is refused before any work', () => {
    const file = join(scratch, 'file');
    writeFileSync(file, 'x');
    const full = join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'outcomes.png'), 'mine');
    for (const [args, message] of [
      [['--charts', file], /--charts .*: is a file, not a folder/],
      [['--charts', join(scratch, 'no', 'such')], /--charts .*: there is no folder/],
      [['--charts', full], /--charts .*: already holds outcomes\.png; give --force/],
    ] as const) {
      const r = cli(['report', 'russia-1954', '--runs', '100', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(join(full, 'outcomes.png'), 'utf8')).toBe('mine');
    expect(cli(['report', 'russia-1954', '--runs', '100', '--charts', full, '--force', '--out', join(scratch, 'forced.md')]).code).toBe(0);
    expect(readFileSync(join(full, 'outcomes.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  test('--force replaces read-only charts as it replaces a read-only --out, SVG and PNG alike, and they stay read-only', () => {
    const dir = join(scratch, 'read-only');
    mkdirSync(dir);
    for (const f of ['outcomes.svg', 'outcomes.png']) {
      writeFileSync(join(dir, f), 'mine');
      chmodSync(join(dir, f), 0o444);
    }
    const r = cli(['report', 'russia-1954', '--runs', '100', '--charts', dir, '--force', '--out', join(scratch, 'read-only.md')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'outcomes.svg'), 'utf8')).toMatch(/^<svg /);
    expect(readFileSync(join(dir, 'outcomes.png')).subarray(1, 4).toString()).toBe('PNG');
    for (const f of ['outcomes.svg', 'outcomes.png']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o444);
  });

  test('the charts never replace the --out or a scenario the handout reads, even with --force', () => {
    const dir = join(scratch, 'overlap');
    mkdirSync(dir);
    const out = cli(['report', 'russia-2000', '--runs', '100', '--charts', dir, '--format', 'md', '--out', join(dir, 'outcomes.svg')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--charts .*overlap: outcomes\.svg is also the --out file/);
    const input = join(dir, 'outcomes.png');
    writeFileSync(input, readFileSync(new URL('../../scenarios/russia-2000.yaml', import.meta.url)));
    const read = cli(['report', input, '--runs', '100', '--charts', dir, '--force']);
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/--charts .*overlap: outcomes\.png is a file this command reads or writes/);
    expect(readFileSync(input, 'utf8')).toContain('id: russia-2000');
    expect(readdirSync(dir)).toEqual(['outcomes.png']);
    // The same file reached through a linked folder, and a folder that is the --out, neither there yet.
    const real = join(scratch, 'real');
    mkdirSync(real);
    symlinkSync(real, join(scratch, 'linked'));
    const linked = cli(['report', 'russia-2000', '--runs', '100', '--charts', join(scratch, 'linked'), '--format', 'md', '--out', join(real, 'outcomes.svg')]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/outcomes\.svg is also the --out file/);
    const same = join(scratch, 'same');
    const folder = cli(['report', 'russia-2000', '--runs', '100', '--charts', same, '--out', same]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--charts .*same: is also the --out/);
    expect(existsSync(same)).toBe(false);
    expect(readdirSync(real)).toEqual([]);
  });

  test('the charts never replace the baseline a scenario rewrites, even with --force', () => {
    const dir = join(scratch, 'baseline-overlap');
    mkdirSync(dir);
    const baseline = join(dir, 'funnel.svg');
    writeFileSync(baseline, readFileSync(new URL('../../scenarios/russia-2000.yaml', import.meta.url)));
    const team = join(dir, 'team.yaml');
    writeFileSync(team, 'id: team\ntitle: Team\nextends: bundled:russia-2000\nbaseline: funnel.svg\n');
    const out = cli(['report', team, '--audience', 'teacher', '--runs', '100', '--sensitivity-runs', '50', '--charts', dir, '--force']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--charts .*baseline-overlap: funnel\.svg is a file this command reads or writes/);
    expect(readFileSync(baseline, 'utf8')).toContain('id: russia-2000');
    expect(readdirSync(dir).sort()).toEqual(['funnel.svg', 'team.yaml']);
  });
});
