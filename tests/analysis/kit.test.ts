import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SOURCES } from '../../src/model/sources.js';
import { getParam } from '../../src/scenario/param-paths.js';
import { rewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import { cli, cliAsync, ROOT } from '../helpers/cli.js';
import { scenario } from './helpers.js';
import { rawIdProblems, visibleText } from '../helpers/plain-text.js';

const YEARS = ['1954', '1990', '2000'] as const;
const KIT = (year: string, team: 'a' | 'b') => join(ROOT, 'scenarios', 'kits', year, `team-${team}.yaml`);
const scratch = mkdtempSync(join(tmpdir(), 'article10-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const FILES = ['team-a.yaml', 'team-b.yaml', 'team-a-handout.html', 'team-b-handout.html', 'teachers-guide.html'];

describe('the bundled debate kits', () => {
  test.each(YEARS)('%s: team A and team B extend the decision point and set the same values, each sourced from the fact sheet', async (year) => {
    const a = await scenario(KIT(year, 'a'));
    const b = await scenario(KIT(year, 'b'));
    const base = await scenario(`russia-${year}`);
    const changedA = rewriteDistance(base, a).changes.map((c) => c.path).sort();
    const changedB = rewriteDistance(base, b).changes.map((c) => c.path).sort();
    expect(changedA.length).toBeGreaterThanOrEqual(4);
    // The debate is over the same values: each team reads each of them its own way.
    expect(changedA).toEqual(changedB);
    for (const path of changedA) {
      for (const [team, s] of [['A', a], ['B', b]] as const) {
        const source = getParam(s, path)!.source ?? '';
        const ids = source.match(/\bS\d+\b/g) ?? [];
        expect(ids.length, `team ${team} ${path}: "${source}"`).toBeGreaterThan(0);
        for (const id of ids) expect(SOURCES[id], `${id} in team ${team} ${path}`).toBeDefined();
        expect(source).not.toMatch(/assumption/);
      }
      expect(getParam(a, path)).not.toEqual(getParam(b, path));
    }
    expect(a.title).toMatch(new RegExp(`^${year}, team A \\(yes\\): `));
    expect(b.title).toMatch(new RegExp(`^${year}, team B \\(no\\): `));
  });
});

describe('article10 kit', () => {
  test('--help says what it writes', () => {
    const r = cli(['kit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: article10 kit \[options\] <decision-point>/);
    for (const f of FILES) expect(r.stdout).toContain(f);
  });

  test('kit 1990 writes both teams, both handouts and the guide, each named on stderr', async () => {
    const out = join(scratch, 'class-1990');
    const r = await cliAsync(['kit', '1990', '--out', out, '--runs', '3000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    for (const f of FILES) expect(r.stderr).toContain(`article10: wrote ${join(out, f)} (`);
    // The team files read from the folder as they are; their schema line points at the package's schema, not at a path the folder lacks.
    const schemaLine = `# yaml-language-server: $schema=${join(ROOT, 'scenarios', 'schema.json')}`;
    expect(readFileSync(join(out, 'team-a.yaml'), 'utf8')).toBe(readFileSync(KIT('1990', 'a'), 'utf8').replace('# yaml-language-server: $schema=../../schema.json', schemaLine));
    expect(existsSync(join(ROOT, 'scenarios', 'schema.json'))).toBe(true);
    expect(cli(['validate', join(out, 'team-a.yaml'), join(out, 'team-b.yaml')]).code).toBe(0);
    const a = readFileSync(join(out, 'team-a-handout.html'), 'utf8');
    const b = readFileSync(join(out, 'team-b-handout.html'), 'utf8');
    expect(a).toContain('Team A (this handout)');
    expect(b).toContain('Team B (this handout)');
    expect(a).toContain("One branch of Team A's world");
    expect(b).toContain("One branch of Team B's world");
    const teamA = await scenario(join(out, 'team-a.yaml'));
    const teamB = await scenario(join(out, 'team-b.yaml'));
    for (const page of [a, b]) expect(rawIdProblems(visibleText(page), [teamA, teamB])).toEqual([]);
    const guide = readFileSync(join(out, 'teachers-guide.html'), 'utf8');
    expect(guide).toContain('A 45-minute lesson');
    for (const slot of ['0-5 min', '5-15 min', '15-27 min', '27-37 min', '37-45 min']) expect(guide).toContain(slot);
    expect(guide).toContain('What to look at');
    expect(guide).toContain('Both teams start from the same historical file');
    expect(guide).toContain('Questions');
    expect(guide).toContain(`article10 kit 1990 --out ${out} --runs 3000 --seed 1`);
    expect(guide).toContain('article10 report team-a.yaml --compare team-b.yaml --audience teacher');
    // `report` makes each handout again from the folder, byte for byte: team A's names the sides as the kit does.
    const again = '--runs 3000 --seed 1 --format html'.split(' ');
    const commands = [
      { args: ['report', 'team-b.yaml', '--compare', 'team-a.yaml', '--names', 'Team B,Team A', ...again], file: 'team-a-handout.html' },
      { args: ['report', 'team-a.yaml', '--compare', 'team-b.yaml', ...again], file: 'team-b-handout.html' },
    ];
    for (const c of commands) {
      const again = await cliAsync([...c.args, '--out', join(out, `again-${c.file}`)], { cwd: out, timeoutMs: 120_000 });
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(join(out, `again-${c.file}`), 'utf8')).toBe(readFileSync(join(out, c.file), 'utf8'));
    }
  });

  test('a scenario file: copied beside the teams, which extend the copy', async () => {
    const mine = join(scratch, 'mine');
    mkdirSync(mine);
    copyFileSync(join(ROOT, 'scenarios', 'russia-2000.yaml'), join(mine, 'my-2000.yaml'));
    const out = join(scratch, 'class-mine');
    const r = await cliAsync(['kit', join(mine, 'my-2000.yaml'), '--out', out, '--runs', '1000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'team-b.yaml'), 'utf8')).toMatch(/^extends: decision-point\.yaml$/m);
    expect(existsSync(join(out, 'decision-point.yaml'))).toBe(true);
    expect(cli(['validate', join(out, 'team-b.yaml')]).code).toBe(0);
  });

  test("a scenario file's baseline is named from the kit's folder, or left out when it cannot be named from there", async () => {
    // my-2000.yaml rewrites parts/base.yaml: copied as written, "parts/base.yaml" would name a file beside the copy that is not there.
    const mine = join(scratch, 'mine-baseline');
    mkdirSync(join(mine, 'parts'), { recursive: true });
    writeFileSync(join(mine, 'parts', 'base.yaml'), 'extends: bundled:russia-2000\nid: base-2000\ntitle: Base\ncandidate:\n  interest: 0.4\n');
    writeFileSync(join(mine, 'my-2000.yaml'), 'extends: parts/base.yaml\nbaseline: parts/base.yaml\nid: my-2000\ntitle: Mine\ncandidate:\n  interest: 0.5\n');
    const elsewhere = join(scratch, 'class-baseline-elsewhere');
    const inside = join(mine, 'class');
    for (const out of [elsewhere, mine, inside]) {
      const r = await cliAsync(['kit', join(mine, 'my-2000.yaml'), '--out', out, '--runs', '500'], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    // In the scenario's own folder the same file is named; elsewhere (or below it, where parts/ is not) it cannot be, and is left out.
    expect(readFileSync(join(mine, 'decision-point.yaml'), 'utf8')).toMatch(/^baseline: parts\/base\.yaml$/m);
    for (const out of [elsewhere, inside]) expect(readFileSync(join(out, 'decision-point.yaml'), 'utf8')).not.toMatch(/^baseline:/m);
    for (const out of [elsewhere, mine, inside]) {
      const run = cli(['run', join(out, 'team-a.yaml'), '--runs', '200']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/cannot be loaded/);
    }
  });

  test('a kit on a counterfactual says the teams start from a rewritten world, not from history', async () => {
    const out = join(scratch, 'class-common-home');
    const r = await cliAsync(['kit', 'russia-1990-common-home', '--out', out, '--runs', '1000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const guide = readFileSync(join(out, 'teachers-guide.html'), 'utf8');
    expect(guide).not.toContain('same historical file');
    expect(guide).toMatch(/which already rewrites the record \(a counterfactual, not history\)/);
  });

  test("the guide says how often each team's commonest ending comes in one clause, never in brackets within brackets", async () => {
    // In team B's world of 2000 nearly every branch never applies: "almost every branch (more than 19 in 20)".
    const out = join(scratch, 'class-2000');
    const r = await cliAsync(['kit', '2000', '--out', out, '--runs', '3000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const guide = visibleText(readFileSync(join(out, 'teachers-guide.html'), 'utf8')).replace(/\s+/g, ' ');
    expect(guide).toContain('most often: "Never applied", in almost every branch (more than 19 in 20).');
    expect(guide).not.toMatch(/most often: "[^"]+" \(/);
    // No branch of team A joins: "never", as its team line says, not "almost never".
    expect(guide).toContain('Team A (yes)');
    expect(guide).toMatch(/no branch joins \(of 3,000\).*never ends in membership, in 3,000 branches: ask why/);
    expect(guide).not.toContain('almost never ends in membership');
  });

  test("the guide's membership shares are compare's, so a team whose branches join at all never reads 0.0%", async () => {
    // At 20,000 branches of seed 1, 17 of team A's branches join and 1 of team B's.
    const out = join(scratch, 'class-1990-shares');
    const r = await cliAsync(['kit', '1990', '--out', out, '--runs', '20000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const compared = await cliAsync(['compare', 'team-a.yaml', 'team-b.yaml', '--runs', '20000', '--seed', '1'], { cwd: out, timeoutMs: 120_000 });
    expect(compared.code, compared.stderr).toBe(0);
    const row = /Joined \(instrument deposited\) +(\S+) +(\S+) /.exec(compared.stdout)!;
    expect([row[1], row[2]]).toEqual(['0.09%', '<0.01%']);
    const guide = visibleText(readFileSync(join(out, 'teachers-guide.html'), 'utf8')).replace(/\s+/g, ' ');
    expect(guide).toContain(`Membership: team A ${row[1]}, team B ${row[2]}.`);
    expect(guide).toContain('about 1 branch in 20,000 joins');
  });

  test('bad input is refused with exit 2 and a message, and nothing is written', () => {
    const file = join(scratch, 'a-file.txt');
    writeFileSync(file, 'x');
    const full = join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'team-a.yaml'), 'mine');
    // A 1954 scenario without the rule the 1954 team files edit.
    const no1954Rule = join(scratch, 'my-1954.yaml');
    writeFileSync(no1954Rule, readFileSync(join(ROOT, 'scenarios', 'russia-1954.yaml'), 'utf8').replace(/  - id: propaganda-reading\n(    .*\n|      .*\n)*/, ''));
    expect(cli(['validate', no1954Rule]).code).toBe(0);
    const cases: [string[], RegExp][] = [
      [['kit', no1954Rule, '--out', join(scratch, 'x6')], /the 1954 kit's team files change what .*my-1954\.yaml does not have \(rule propaganda-reading\)/],
      [['kit', '1975', '--out', join(scratch, 'x1')], /no debate kit for 1975: the bundled kits are for 1954, 1990, 2000/],
      [['kit', '1990'], /--out DIR is required/],
      [['kit', '1990', '--out', file], /is a file, not a folder/],
      [['kit', '1990', '--out', join(scratch, 'no', 'such', 'dir')], /there is no folder/],
      [['kit', '1990', '--out', full], /already holds team-a\.yaml; give --force/],
      [['kit', 'no-such-scenario', '--out', join(scratch, 'x2')], /no such file/],
      [['kit', 'scenarios/backtests/poland-1999.yaml', '--out', join(scratch, 'x3')], /no debate kit for .*poland-1999: its decision point is \d{4}/],
      [['kit', 'tests/fixtures/scenarios/minimal.yaml', '--out', join(scratch, 'x4')], /the 2000 kit's team files change what tests\/fixtures\/scenarios\/minimal\.yaml does not have \(precondition democracy_market\)/],
      [['kit', '1990', '--out', join(scratch, 'x5'), '--runs', '0'], /--runs/],
      [['kit', '1990', '--out', '-'], /--out -: this command writes several files; name a folder/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    }
    expect(readFileSync(join(full, 'team-a.yaml'), 'utf8')).toBe('mine');
    for (const d of ['x1', 'x2', 'x3', 'x4', 'x5']) expect(existsSync(join(scratch, d)), d).toBe(false);
  });

  test('--force never replaces the scenario the kit is made from', () => {
    const dir = join(scratch, 'own-input');
    mkdirSync(dir);
    const input = join(dir, 'team-a.yaml');
    copyFileSync(join(ROOT, 'scenarios', 'russia-1990.yaml'), input);
    const before = readFileSync(input, 'utf8');
    const r = cli(['kit', input, '--out', dir, '--runs', '100', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*own-input: team-a\.yaml is a file this command reads or writes/);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'team-b.yaml'))).toBe(false);
  });

  test('--force never writes through a link in the folder to a file elsewhere, nor starts a kit it cannot finish', () => {
    const victim = join(scratch, 'elsewhere.txt');
    writeFileSync(victim, 'not the kit');
    const linked = join(scratch, 'linked');
    mkdirSync(linked);
    symlinkSync(victim, join(linked, 'team-a.yaml'));
    const r = cli(['kit', '1990', '--out', linked, '--runs', '100', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/team-a\.yaml there is a symbolic link \(to .*elsewhere\.txt\)/);
    expect(readFileSync(victim, 'utf8')).toBe('not the kit');
    // A folder where the last file goes: refused before the first is written.
    const blocked = join(scratch, 'blocked');
    mkdirSync(join(blocked, 'teachers-guide.html'), { recursive: true });
    const b = cli(['kit', '1990', '--out', blocked, '--runs', '100', '--force']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/teachers-guide\.html there is a folder, not a file/);
    expect(readdirSync(blocked)).toEqual(['teachers-guide.html']);
  });

  test('--force replaces the files of an earlier kit, read-only ones too, and they stay read-only', async () => {
    const out = join(scratch, 'again');
    mkdirSync(out);
    writeFileSync(join(out, 'team-a.yaml'), 'mine');
    chmodSync(join(out, 'team-a.yaml'), 0o444);
    const r = await cliAsync(['kit', '2000', '--out', out, '--runs', '1000', '--force'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'team-a.yaml'), 'utf8')).toContain('extends:');
    expect(statSync(join(out, 'team-a.yaml')).mode & 0o777).toBe(0o444);
  });
});
