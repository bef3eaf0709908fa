import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import { backtestFiles } from './helpers.js';

describe('article10 backtest as a real process', () => {
  test('--json scores every bundled case with a fixed seed, byte-identical on a second run', () => {
    const args = ['backtest', '--runs', '2000', '--seed', '7', '--json'];
    const r = cli(args);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ seed: '7', runs: 2000, version: expect.any(String) });
    expect(doc.cases).toHaveLength(backtestFiles().length);
    expect(typeof doc.brier).toBe('number');
    expect(doc.definitions.brier).toMatch(/1 - pObserved/);
    for (const c of doc.cases) {
      expect(c).toMatchObject({ observed: { outcome: expect.any(String), year: expect.any(Number), source: expect.any(String) } });
      expect(c.pObserved).toBeGreaterThanOrEqual(0);
      expect(c.pObserved).toBeLessThanOrEqual(1);
    }
    expect(cli(args).stdout).toBe(r.stdout);
  });

  test('the table names each case and the Brier score; one case by name', () => {
    const r = cli(['backtest', 'poland-1999', '--runs', '1000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('backtest-poland-1999');
    expect(r.stdout).toMatch(/Brier score over 1 cases: \d\.\d{3}/);
  });

  test('--help exits 0; a scenario without `observed` is bad input (exit 2)', () => {
    const help = cli(['backtest', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: article10 backtest/);
    const r = cli(['backtest', 'russia-2000', '--runs', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/observed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
