import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cli, cliAsync, CLI } from '../helpers/cli.js';

const BUNDLED = ['russia-1954', 'russia-1990', 'russia-2000'];

describe('article10 as a real process', () => {
  test.each(['run', 'validate', 'list', 'explain', 'sources', 'schema'])('%s --help explains itself and exits 0', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: article10 /);
    expect(r.stdout).toContain('Options:');
  });

  // Each command once took any number of words and dropped those past its own arguments: `compare a b c` compared a and b.
  test.each([
    ['compare', 'russia-2000', 'russia-1990', 'russia-1954'],
    ['explain', 'russia-2000', 'russia-1990', '--branch', '0'],
    ['sweep', 'russia-2000', 'russia-1990', '--vary', 'candidate.interest=0:1:2'],
    ['list', 'russia-2000'],
    ['schema', 'scenario.yaml'],
  ])('%s with a word past its arguments is refused, not dropped', (...args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: too many arguments for '${args[0]}'\\.`));
  });

  test('no command prints the default scenario summary when stdin is not a terminal', () => {
    const r = cli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('russia-2000');
    expect(r.stdout).toContain('Outcomes');
    expect(r.stdout).toContain('Funnel');
    expect(r.stdout).toContain('Top blockers');
  });

  test.each(BUNDLED)('run %s --json gives the documented fields', (name) => {
    const r = cli(['run', name, '--runs', '3000', '--seed', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ scenario: name, seed: '5', runs: 3000, version: expect.any(String) });
    const shares = Object.values(doc.outcomes as Record<string, { share: number; ci95: number[] }>);
    expect(shares.reduce((s, o) => s + o.share, 0)).toBeCloseTo(1, 9);
    for (const o of shares) expect(o.ci95).toHaveLength(2);
    expect(doc.funnel.map((f: { stage: string }) => f.stage)).toEqual(['interested', 'applied', 'invited', 'ratified', 'joined']);
    expect(Array.isArray(doc.blockers)).toBe(true);
  });

  test.concurrent.each(BUNDLED)('%s: the same seed gives byte-identical JSON on 1, 2 and 4 worker threads', async (name) => {
    // 70,000 branches are two pool tasks of unequal size: one thread alone, or two finishing in
    // either order. One scenario also runs twice on 4 threads.
    const run = (workers: number) => cliAsync(['run', name, '--runs', '70000', '--seed', 'w', '--workers', String(workers), '--json']);
    const outputs = await Promise.all((name === 'russia-2000' ? [1, 2, 4, 4] : [1, 2, 4]).map(run));
    for (const o of outputs) expect(o.code, o.stderr).toBe(0);
    for (const o of outputs.slice(1)) expect(o.stdout).toBe(outputs[0]!.stdout);
  });

  test('--set changes a value and the run says what it used', () => {
    const base = JSON.parse(cli(['run', 'russia-2000', '--runs', '4000', '--json']).stdout);
    const eager = JSON.parse(cli(['run', 'russia-2000', '--runs', '4000', '--json', '--set', 'candidate.interest=1', '--set', 'candidate.domesticOpposition=0']).stdout);
    expect(eager.funnel[1].share).toBeGreaterThan(base.funnel[1].share);
    expect(eager.outcomes.no_application.share).toBe(0);
  });

  test('--csv prints a header and one row per scenario', () => {
    const r = cli(['run', ...BUNDLED, '--runs', '1000', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^scenario,seed,runs,joined_share,/);
  });

  test('--out writes the file and prints nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a10-'));
    const out = join(dir, 'r.json');
    const r = cli(['run', 'russia-1990', '--runs', '1000', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario).toBe('russia-1990');
  });

  test('explain tells a branch year by year with sources', () => {
    const r = cli(['explain', 'russia-2000', '--branch', '3', '--seed', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Branch 3 of /);
    expect(r.stdout).toMatch(/\n2000 {2}/);
    expect(r.stdout).toContain('Outcome:');
    expect(r.stdout).toMatch(/Sources\n {2}S\d+ /);
  });

  test('explain --outcome finds a branch that ends that way', () => {
    const r = cli(['explain', 'russia-1954', '--outcome', 'vetoed', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const story = JSON.parse(r.stdout);
    expect(story.outcome).toBe('Invitation vetoed');
  });

  test('list shows every bundled decision point', () => {
    const r = cli(['list']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of BUNDLED) expect(r.stdout).toContain(name);
  });

  test('list --backtests names every backtest case by the name run and backtest take, with what happened', () => {
    const cases = readdirSync(join(CLI, '..', '..', '..', 'scenarios', 'backtests')).filter((f) => f.endsWith('.yaml'));
    const r = cli(['list', '--backtests', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; observed: { outcome: string; year: number } | null }[];
    expect(rows.map((x) => x.name)).toEqual(cases.map((f) => `backtests/${f.replace(/\.yaml$/, '')}`).sort());
    expect(rows.find((x) => x.name === 'backtests/poland-1999')?.observed).toEqual({ outcome: 'joined', year: 1999, date: '1999-03-12' });
    expect(rows.every((x) => x.observed !== null)).toBe(true);
    // A name as listed is one `run` opens.
    const one = cli(['run', rows[0]!.name, '--runs', '100', '--json']);
    expect(one.code, one.stderr).toBe(0);
    const text = cli(['list', '--backtests']);
    expect(text.stdout).toMatch(/^backtests\/georgia-2008 +2008 .* +2020 +map_stalled by 2020$/m);
    expect(cli(['list']).stdout).toContain('npx article10 list --backtests');
  });

  test('validate accepts every bundled file', () => {
    const r = cli(['validate', ...BUNDLED]);
    expect(r.code, r.stderr).toBe(0);
  });

  test('validate and run count every problem of a long list, those not shown too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a10-many-'));
    const file = join(dir, 'many.yaml');
    // 60 unknown fields: 50 are listed, the other 10 counted.
    writeFileSync(file, Array.from({ length: 60 }, (_, i) => `unknown${i}: 1`).join('\n') + '\n');
    for (const args of [['validate', file], ['run', file]]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.at(-2)).toMatch(/^… \d+ more problems not shown$/);
      const shown = lines.length - 2;
      const more = Number(/… (\d+) more/.exec(lines.at(-2)!)![1]);
      expect(lines.at(-1)).toMatch(new RegExp(`\\b${shown + more} problems\\b`));
    }
  });

  test('sources prints a citation and refuses an unknown id', () => {
    expect(cli(['sources', 'S31']).stdout).toMatch(/^S31 +Guardian/);
    expect(cli(['sources', 'S999']).code).toBe(2);
  });

  test('sources with an unknown id among known ones prints no half list', () => {
    const r = cli(['sources', 'S31', 'S999', '0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('article10: unknown source ids "S999", "0" (article10 sources lists them all)\n');
  });

  test('NO_COLOR output has no escape sequences', () => {
    const r = cli(['run', 'russia-2000', '--runs', '1000'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('warnings beside output for machines', () => {
  test('run, compare and sweep with --csv say each warning on stderr with the file it is about', async () => {
    // A file whose Allies fall back on allyDefaults: a warning it always has.
    const file = join(import.meta.dirname, '..', 'bad-inputs', '_support', 'valid.yaml');
    const runs = ['--runs', '50', '--csv'];
    const results = await Promise.all([cliAsync(['run', file, ...runs]), cliAsync(['compare', file, file, ...runs]), cliAsync(['sweep', file, '--vary', 'candidate.interest=0.1:0.5:2', ...runs])]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(new RegExp(`^warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 25 Allies use allyDefaults`));
    }
  });
});

describe('bad usage and bad input exit 2 with a message and no stack trace', () => {
  const bad = (args: string[], pattern: RegExp) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    return r;
  };
  test.each([
    ['0', /--runs must be at least 1/],
    ['-5', /--runs must be a whole number/],
    ['1.5', /--runs must be a whole number/],
    ['lots', /--runs must be a whole number/],
    ['99999999999999', /--runs may be at most/],
  ])('--runs %s', (value, pattern) => {
    bad(['run', 'russia-2000', '--runs', value], pattern);
  });

  test('a bad count of branches for another option names that option', () => {
    bad(['sensitivity', 'russia-2000', '--morris-runs', '1.5'], /^article10: --morris-runs must be a whole number of branches, got "1\.5"/);
    bad(['report', 'russia-2000', '--sensitivity-runs', '0'], /^article10: --sensitivity-runs must be at least 1, got 0/);
  });

  test('kit states its work when it is large, as every command does, before it starts', () => {
    // Stopped as soon as it is under way: the statement comes first, and nothing is written.
    const out = join(tmpdir(), `never-made-kit-${process.pid}`);
    const r = spawnSync(process.execPath, [CLI, 'kit', '1990', '--out', out, '--runs', '30000000'], { encoding: 'utf8', timeout: 8_000, killSignal: 'SIGINT', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toMatch(/^kit: the comparison and two handouts, 4 × 30,000,000 branches = 1\.2e8 branches/);
    expect(existsSync(out)).toBe(false);
  });

  test('an unknown command', () => bad(['fly'], /unknown command/));
  test('tui with three scenarios', () => bad(['tui', 'russia-1990', 'russia-2000', 'russia-2008'], /at most two scenarios/));
  test('an unknown option', () => bad(['run', 'russia-2000', '--fast'], /unknown option/));
  test('a missing scenario file', () => bad(['run', 'no/such/file.yaml'], /no\/such\/file\.yaml/));
  test('--set on a path that does not exist', () => bad(['run', 'russia-2000', '--set', 'candidate.charisma=1'], /candidate\.charisma/));
  test('--json and --csv together', () => bad(['run', 'russia-2000', '--json', '--csv'], /choose one/));
  test('explain without a branch', () => bad(['explain', 'russia-2000'], /--branch/));

  test('a malformed scenario: file:line:column, field path, nothing written to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a10-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: bad\ntitle: Bad\ndecisionPoint:\n  year: 2000\n  horizon: 2010\n  label: x\n  context: x\ncandidate:\n  name: R\n  code: RU\n  interest: 1.7\npreconditions: []\n');
    const out = join(dir, 'out.json');
    const r = bad(['run', file, '--json', '--out', out], /bad\.yaml:11:\d+: candidate\.interest/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('sources', () => {
  test("a scenario's own R-sources: found with --scenario, and the hint to give it without", () => {
    const without = cli(['sources', 'R2']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("R1, R2 ... are a scenario file's own sources: add --scenario <file>");
    const withFile = cli(['sources', 'R2', 'S7', '--scenario', 'russia-1990']);
    expect(withFile.code, withFile.stderr).toBe(0);
    expect(withFile.stdout).toMatch(/^R2 {3}Standard reference, not rechecked for the fact sheet: August 1991 coup attempt/m);
    expect(withFile.stdout).toMatch(/^S7 {3}Senate Treaty Doc 105-36/m);
    expect(cli(['sources', 'R99', '--scenario', 'russia-1990']).stderr).toContain('unknown source id "R99" in the fact sheet and in russia-1990');
  });
});

describe('--set leaves its trace', () => {
  test('run --set measures the rewrite from the file as written, in the text, --json and --csv; without it, none', () => {
    const args = ['run', 'russia-2000', '--runs', '500', '--set', 'candidate.acceptsStandardPath=0.8'];
    expect(cli(args).stdout).toMatch(/^Rewrite distance from russia-2000: 18\.7 .*candidate\.acceptsStandardPath triangular\(0\.02, 0\.08, 0\.2\) -> 0\.8/m);
    const doc = JSON.parse(cli([...args, '--json']).stdout);
    expect(doc.rewrite.changes.map((c: { path: string }) => c.path)).toEqual(['candidate.acceptsStandardPath']);
    const csv = cli([...args, '--csv']).stdout.split('\n');
    expect(csv[1]!.split(',').at(-1)).toMatch(/^18\.7/);
    const plain = JSON.parse(cli(['run', 'russia-2000', '--runs', '500', '--json']).stdout);
    expect(plain.rewrite).toBeUndefined();
  });
});

describe('bundled names', () => {
  test('a mistaken bundled name gets a hint: the backtest of that name, or the nearest name; bundled:<id> works on the command line too', () => {
    const backtest = cli(['run', 'poland-1999', '--runs', '100']);
    expect(backtest.code).toBe(2);
    expect(backtest.stderr).toContain('poland-1999 is a bundled backtest case: name it backtests/poland-1999; `article10 list --backtests` lists the cases');
    const typo = cli(['run', 'russia-200', '--runs', '100']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean russia-2000?');
    expect(typo.stderr).toContain('`article10 list` lists them');
    const caseTypo = cli(['run', 'backtests/polnd-1999', '--runs', '100']);
    expect(caseTypo.code).toBe(2);
    expect(caseTypo.stderr).toContain('did you mean backtests/poland-1999?; `article10 list --backtests` lists the cases');
    // validate says it too, under each file it could not find (it said only "no such file").
    const checked = cli(['validate', 'russia-200', 'poland-1999']);
    expect(checked.code).toBe(2);
    expect(checked.stderr.split('\n').filter((l) => l.startsWith('(a bare name'))).toEqual([
      expect.stringContaining('did you mean russia-2000?'),
      expect.stringContaining('poland-1999 is a bundled backtest case: name it backtests/poland-1999'),
    ]);
    const prefixed = cli(['run', 'bundled:russia-2000', '--runs', '100', '--json']);
    expect(prefixed.code, prefixed.stderr).toBe(0);
    expect(JSON.parse(prefixed.stdout).scenario).toBe('russia-2000');
    // A file that names a bundled scenario by its file name, or a bundled name mistyped.
    const dir = mkdtempSync(join(tmpdir(), 'article10-hint-'));
    writeFileSync(join(dir, 'a.yaml'), 'extends: russia-2000.yaml\nid: a\n');
    writeFileSync(join(dir, 'b.yaml'), 'extends: bundled:russia-200\nid: b\n');
    const a = cli(['validate', join(dir, 'a.yaml')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('a bundled scenario is named "bundled:russia-2000"');
    expect(cli(['validate', join(dir, 'b.yaml')]).stderr).toContain('did you mean "bundled:russia-2000"?');
  });

  test('a bundled backtest is named backtests/<id>, from any folder, as the page prints it; bundled:backtests/<id> in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-bundled-'));
    const r = cli(['run', 'backtests/poland-1999', '--runs', '200', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('backtest-poland-1999');
    writeFileSync(join(dir, 'mine.yaml'), 'extends: bundled:backtests/poland-1999\nid: mine\n');
    const v = cli(['validate', 'mine.yaml'], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    // Still nothing outside the bundled folder.
    writeFileSync(join(dir, 'out.yaml'), 'extends: bundled:backtests/../../x\nid: out\n');
    expect(cli(['validate', 'out.yaml'], { cwd: dir }).code).toBe(2);
  });

  test('a folder given to validate or backtest stands for its YAML files, sorted; an empty one is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-folder-'));
    const cases = join(dir, 'cases');
    mkdirSync(join(cases, 'deeper'), { recursive: true });
    writeFileSync(join(cases, 'b.yaml'), 'extends: bundled:backtests/poland-1999\nid: case-b\n');
    writeFileSync(join(cases, 'a.yml'), 'extends: bundled:backtests/hungary-1999\nid: case-a\n');
    // Not read: a JSON schema beside them, and a subfolder's files.
    writeFileSync(join(cases, 'schema.json'), '{}');
    writeFileSync(join(cases, 'deeper', 'c.yaml'), 'not: [a scenario');
    const v = cli(['validate', 'cases'], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.split('\n').filter((l) => l.startsWith('ok'))).toEqual([`ok  ${join('cases', 'a.yml')}`, `ok  ${join('cases', 'b.yaml')}`]);
    const b = cli(['backtest', `${cases}/`, '--runs', '200', '--no-misses', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).cases.map((c: { scenario: string }) => c.scenario)).toEqual(['case-a', 'case-b']);
    mkdirSync(join(dir, 'empty'));
    const e = cli(['backtest', join(dir, 'empty')]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('a folder with no scenario files (*.yaml, *.yml) in it');
  });
});
