import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli, startCli } from '../helpers/cli.js';

/**
 * Work that would take days stops before its first branch, as a real process: exit 2, its size
 * and how to go ahead on stderr, nothing on stdout, nothing written. Each is refused at once
 * (a test that ran them would not finish).
 */
const scratch = mkdtempSync(join(tmpdir(), 'article10-budget-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GRID = ['--vary', 'candidate.interest=0:1:100', '--vary', 'candidate.withdrawal=0:1:100'];

function refused(args: readonly string[], size: RegExp, confirmable = true): void {
  const out = join(scratch, `${args[0]}-${Math.random().toString(36).slice(2)}.json`);
  const r = cli([...args, '--json', '--out', out]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(size);
  if (confirmable) expect(r.stderr).toMatch(/give --yes to run it anyway/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
}

describe('over the budget: refused with its size', () => {
  test('a sweep of 10,000 points × 10^9 branches (10^13)', () => {
    refused(['sweep', 'russia-2000', ...GRID, '--runs', '1000000000'], /^article10: sweep: 10,000 points × 1,000,000,000 branches = 1\.0e13 branches: over the budget of 1\.0e10 branches \(about 58 days/);
  });

  test('a grid of a million points, even at --runs 1, is refused by the points limit', () => {
    refused(['sweep', 'russia-2000', '--vary', 'candidate.interest=0:1:1000', '--vary', 'candidate.withdrawal=0:1:1000', '--runs', '1'], /^article10: the grid has 1,000,000 points; the limit is 10,000/, false);
  });

  test('a discovery of 10^6 samples × 10^9 branches', () => {
    refused(['discover', 'russia-2000', '--samples', '1000000', '--runs', '1000000000'], /^article10: discover: 1,000,000 samples × 1,000,000,000 branches = 1\.0e15 branches: over the budget/);
  });

  test('a discovery whose hypercube would need a gigabyte, even at one branch a sample', () => {
    refused(['discover', 'russia-2000', '--samples', '1000000', '--runs', '1'], /^article10: discover: 1,000,000 samples × 1 branch = 1\.0e6 branches: its design holds 168,000,000 values \(1,344 MB\).*fewer --samples \(at most 119,047 with 145 parameters and 23 switches\)/);
    refused(['discover', 'russia-2000', '--samples', '1000000', '--runs', '1', '--no-switches'], /its design holds 145,000,000 values \(1,160 MB\).*fewer --samples \(at most 137,931 with 145 parameters\)/);
  });

  test('sensitivity at 10^9 branches a swing', () => {
    // 145 parameters and 23 rules and events: 1 + 2 × 168 swing runs, 8 × 169 Morris points.
    refused(['sensitivity', 'russia-2000', '--runs', '1000000000'], /^article10: sensitivity: 337 swing runs × 1,000,000,000 branches \+ 1,352 Morris points × 250,000,000 branches = 6\.8e11 branches: over the budget/);
  });

  test('run of eleven scenarios at 10^9 branches each', () => {
    refused(['run', ...Array(11).fill('russia-1954'), '--runs', '1000000000'], /^article10: run: 11 scenarios × 1,000,000,000 branches = 1\.1e10 branches: over the budget/);
  });

  test('a handout whose tornado alone is 10^11 branches', () => {
    refused(['report', 'russia-1954', '--audience', 'teacher', '--runs', '1000', '--sensitivity-runs', '1000000000'], /^article10: report: 1,000 branches \+ \d+ swing runs × 1,000,000,000 branches \+ a rewrite search of about [\d,]+ evaluations × 400 branches = [\d.]+e11 branches: over the budget/);
  });
});

describe('--yes', () => {
  test('lets the 10^13 sweep start: it states its size, runs until stopped, and writes nothing', async () => {
    const out = join(scratch, 'yes.json');
    // Stopped a moment after it states its size; a signal that comes before the command has
    // installed its handler (a loaded machine) ends it by default, also writing nothing: then again, later.
    for (const delay of [300, 1500, 5000]) {
      const { child, done } = startCli(['sweep', 'russia-2000', ...GRID, '--runs', '1000000000', '--workers', '1', '--yes', '--json', '--out', out], { timeoutMs: 60_000 });
      let stderr = '';
      child.stderr!.on('data', (d: string) => {
        stderr += d;
        if (stderr.includes('\n')) setTimeout(() => child.kill('SIGINT'), delay);
      });
      const r = await done;
      expect(r.stderr).toMatch(/^sweep: 10,000 points × 1,000,000,000 branches = 1\.0e13 branches\n/);
      expect(existsSync(out)).toBe(false);
      if (r.signal !== null) continue;
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toMatch(/interrupted by SIGINT; nothing was written\n$/);
      return;
    }
    throw new Error('the sweep never got far enough to handle SIGINT');
  }, 120_000);

  test('--help states the budget and --yes', () => {
    const main = cli(['--help']);
    expect(main.stdout).toMatch(/Work budget: a command that would run more than 1\.0e10 branches/);
    for (const command of ['run', 'compare', 'sweep', 'sensitivity', 'discover', 'backtest', 'report']) {
      expect(cli([command, '--help']).stdout, command).toMatch(/--yes\s+run even when the work is over the budget/);
    }
  });
});
