import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import { BACKTESTS, backtestFiles } from './helpers.js';

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
    // The log score with its floor, the reference and the skill, overall and for each era.
    expect(doc.logScoreFloor).toBe(0.001);
    expect(doc.definitions.logScore).toMatch(/0\.001/);
    for (const key of ['logScore', 'referenceBrier', 'referenceLogScore', 'brierSkill', 'logSkill']) expect(typeof doc[key], key).toBe('number');
    expect(doc.byEra.map((e: { era: string }) => e.era)).toEqual(['1949-1994', '1995-1998', '1999-2021', '2022-']);
    expect(doc.byEra.reduce((s: number, e: { cases: number }) => s + e.cases, 0)).toBe(doc.cases.length);
    expect(doc.reliability).toHaveLength(6);
    for (const c of doc.cases) {
      expect(c).toMatchObject({ observed: { outcome: expect.any(String), year: expect.any(Number), source: expect.any(String) } });
      expect(c.pObserved).toBeGreaterThanOrEqual(0);
      expect(c.pObserved).toBeLessThanOrEqual(1);
      expect(c.logScore).toBeCloseTo(-Math.log(Math.max(c.pObserved, 0.001)), 8);
      expect(c.reference.p).toBeGreaterThan(0);
      expect(c.reference.p).toBeLessThan(1);
      expect(c.era).toMatch(/^(1949-1994|1995-1998|1999-2021|2022-)$/);
    }
    const poland = doc.cases.find((c: { scenario: string }) => c.scenario === 'backtest-poland-1999');
    expect(poland).toMatchObject({ era: '1949-1994', observedDate: '1999-03-12', observed: { date: '1999-03-12' } });
    expect(cli(args).stdout).toBe(r.stdout);
  });

  test('a case by the id the table prints; an unknown name lists the bundled cases', () => {
    const byId = cli(['backtest', 'backtest-poland-1999', '--runs', '200']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toContain('backtest-poland-1999');
    const unknown = cli(['backtest', 'no-such-case', '--runs', '200']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-case: no bundled backtest case or scenario of that name');
    expect(unknown.stderr).toContain('poland-1999');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  test('a case given twice, by name and by path, is refused: it would be scored twice and be its own reference', () => {
    const twice = cli(['backtest', 'poland-1999', 'scenarios/backtests/poland-1999.yaml', '--runs', '200']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^article10: backtest-poland-1999 is given twice \(.*poland-1999\.yaml and scenarios\/backtests\/poland-1999\.yaml\): each case is scored once\n$/);
    expect(twice.stdout).toBe('');
  });

  test('a copy of a case that kept its id, given beside the case, is told to take an id of its own', () => {
    // How a new case starts: poland-1999.yaml copied as the model, not yet renamed.
    const dir = mkdtempSync(join(tmpdir(), 'article10-copy-'));
    try {
      const copy = join(dir, 'my-case.yaml');
      copyFileSync(join(BACKTESTS, 'poland-1999.yaml'), copy);
      const r = cli(['backtest', copy, 'poland-1999', '--runs', '200']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${copy} and `);
      expect(r.stderr).toContain('are both backtest-poland-1999');
      expect(r.stderr).toContain('give each file its own `id:`');
      expect(r.stderr).not.toContain('is given twice');
      expect(r.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a stall the record gives before the horizon is scored with a warning, and its share by then is not printed as a 0% no branch could beat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-stall-'));
    try {
      const file = join(dir, 'georgia-later.yaml');
      writeFileSync(file, readFileSync(join(BACKTESTS, 'georgia-2008.yaml'), 'utf8').replace('  horizon: 2020', '  horizon: 2024'));
      const warning = 'observed: map_stalled is how a branch stands at the horizon (2024), while the record is given at 2020';
      expect(cli(['validate', file]).stdout).toContain(warning);
      const json = cli(['backtest', file, '--runs', '500', '--json']);
      expect(JSON.parse(json.stdout).cases[0].warnings.some((w: string) => w.startsWith(warning))).toBe(true);
      const r = cli(['backtest', file, '--runs', '500']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/backtest-georgia-2008: map_stalled, an ending reached only at the horizon, by 2024 \d/);
      expect(r.stdout).not.toContain('map_stalled by 2020 0.0%');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the table names each case and the Brier score; one case by name', () => {
    const r = cli(['backtest', 'poland-1999', '--runs', '1000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('backtest-poland-1999');
    expect(r.stdout).toMatch(/Brier score over 1 case: \d\.\d{3}/);
    expect(r.stdout).toMatch(/log score: \d\.\d{3}/);
    // One case, alone in its era: the reference is 50/50, so its scores are 0.250 and 0.693.
    expect(r.stdout).toMatch(/^ {2}all +1 +\d\.\d{3} +0\.250 +-?[+]?\d\.\d{2} +\d\.\d{3} +0\.693 /m);
    expect(r.stdout).toMatch(/^ {2}1949-1994 +1 /m);
    expect(r.stdout).toContain('1999-03');
  });

  test('a case with no other case of its era in the run says that its reference is a coin flip, and how to set it against the bundled record', () => {
    const alone = cli(['backtest', 'poland-1999', '--runs', '200', '--no-misses']);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout.replace(/\s+/g, ' ')).toContain('ref. P is 1/2 for backtest-poland-1999: no other case of its era in this run answers its question');
    expect(alone.stdout).toContain('article10 list --backtests');
    expect(JSON.parse(cli(['backtest', 'poland-1999', '--runs', '200', '--no-misses', '--json']).stdout).cases[0].reference).toMatchObject({ p: 0.5, others: 0 });
    // Greece 1952 answers Poland's question (a member within five years) and Poland answers Greece's.
    const beside = cli(['backtest', 'poland-1999', 'greece-1952', '--runs', '200', '--no-misses']);
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.stdout).not.toContain('ref. P is 1/2');
    const doc = JSON.parse(cli(['backtest', 'poland-1999', 'greece-1952', '--runs', '200', '--no-misses', '--json']).stdout);
    expect(doc.cases.map((c: { reference: { others: number } }) => c.reference.others)).toEqual([1, 1]);
  });

  test('with every bundled case in the run, a case whose only others of its era are co-candidates is not told to add the bundled cases', () => {
    // Bulgaria, Romania and Slovenia (1995-1998) were invited together, as were Finland and Sweden (2022-).
    for (const args of [[], ['scenarios/backtests/']]) {
      const all = cli(['backtest', ...args, '--runs', '100', '--no-misses']);
      expect(all.code, all.stderr).toBe(0);
      const text = all.stdout.replace(/\s+/g, ' ');
      expect(text).toContain('ref. P is 1/2 for backtest-bulgaria-2004, backtest-finland-2023, backtest-romania-2004, backtest-slovenia-2004, backtest-sweden-2024: no other case of its era in this run answers its question (a co-candidate\'s, invited in the same round, does not count), so the skill is against a coin flip.');
      expect(text).not.toContain('give the other bundled cases');
    }
    // A bundled case alone is pointed to the run of them all, not to the folder that holds it (given twice).
    const alone = cli(['backtest', 'poland-1999', '--runs', '100', '--no-misses']).stdout.replace(/\s+/g, ' ');
    expect(alone).toContain('give the other bundled cases with it to set it against their record (`article10 backtest` with no case runs them all;');
  });

  test('--help exits 0; a scenario without `observed` is bad input (exit 2)', () => {
    const help = cli(['backtest', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: article10 backtest/);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain("each case's reference forecast (ref. P) is read from the other cases given with it");
    const r = cli(['backtest', 'russia-2000', '--runs', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/observed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--rewrite adds, for each case the forecast missed, the least rewrite of its inputs, in the text and in --json', () => {
    // Albania 2009 gets a few per cent: a miss at any seed.
    const r = cli(['backtest', 'albania-2009', '--runs', '500', '--rewrite', '--no-misses', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.cases[0].pObserved).toBeLessThan(0.5);
    expect(doc.missRewrites).toHaveLength(1);
    expect(doc.missRewrites[0]).toMatchObject({ scenario: 'backtest-albania-2009', target: 'joined >= 50% by 2009', found: expect.any(Boolean), start: { runs: 500 } });
    const text = cli(['backtest', 'albania-2009', '--runs', '500', '--rewrite', '--no-misses']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('What each miss would have needed');
    expect(text.stdout).toContain('backtest-albania-2009 (P(obs)');
    expect(cli(['backtest', 'albania-2009', '--runs', '500', '--no-misses', '--json']).stdout).toContain('"missRewrites": null');
  });
});
