import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../../helpers/cli.js';

const SMALL = ['--allow', 'candidate.*', '--allow', 'rules.*', '--runs', '200', '--max-changes', '2'];

describe('article10 rewrite (a real process)', () => {
  test('--help names the target syntax', () => {
    const r = cli(['rewrite', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--target');
    expect(r.stdout).toContain('joined>=0.3');
  });

  test.each([
    ['no target', []],
    ['not a comparison', ['--target', 'joined=0.3']],
    ['unknown outcome', ['--target', 'accepted>=0.3']],
    ['share above 1', ['--target', 'joined>=1.5']],
    ['--by on a stage', ['--target', 'invited>=0.3', '--by', '1999']],
    ['--by not a year', ['--target', 'joined>=0.3', '--by', 'soon']],
    ['--allow matching nothing', ['--target', 'joined>=0.3', '--allow', 'allies.ZZ.*']],
    ['--max-distance not a number', ['--target', 'joined>=0.3', '--max-distance', 'far']],
  ])('bad input (%s) is exit 2 with a message, no stack', (_name, args) => {
    const r = cli(['rewrite', 'russia-2000', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article10: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--json gives the answer, the front and the verification; --save reproduces the share', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewrite-'));
    const saved = join(dir, 'rewritten.yaml');
    const r = cli(['rewrite', 'russia-2000', '--target', 'applied>=0.2', ...SMALL, '--json', '--save', saved]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.target).toBe('applied >= 20%');
    expect(report.front[0].distance).toBe(0);
    // Each change of the front says its unit (the value's documented uncertainty), or that it switches.
    const changes = (report.front as { changes: string[] }[]).flatMap((p) => p.changes);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatch(/^\S+ ([+-]\d+(\.\d+)? sd|switched)$/);
    expect(report.rewrite.verification.seed).not.toBe(report.seed);
    const text = readFileSync(saved, 'utf8');
    expect(text).toMatch(/^extends: bundled:russia-2000$/m);
    expect(text).toMatch(/^baseline: bundled:russia-2000$/m);
    // Its header is the command that searches again, every flag that shapes the search included.
    expect(text).toMatch(/^# Saved by article10 rewrite russia-2000 --target 'applied>=0\.2' --allow 'candidate\.\*' --allow 'rules\.\*' --max-changes 2 --max-distance 8 --seed 1 --runs 200: /m);
    const run = cli(['run', saved, '--runs', '200', '--seed', '1', '--json']);
    expect(run.code).toBe(0);
    const applied = (JSON.parse(run.stdout).funnel as { stage: string; share: number }[]).find((f) => f.stage === 'applied')!;
    expect(applied.share).toBe(report.rewrite.search.share);
  });

  test('each change is given at what it really moved, so the changes add up to the distance, even where a range end held a move', () => {
    // The Soviet domestic opposition, triangular(0.01, 0.03, 0.1), cannot go below 0: the search asks for 3 units and gets about 1.8.
    const r = cli(['rewrite', 'russia-1954', '--target', 'invited>=0.2', '--allow', 'candidate.*', '--runs', '200', '--max-changes', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { rewrite: { distance: number; changes: { kind: string; path: string; z?: number }[] } };
    const zs = report.rewrite.changes.filter((c) => c.kind === 'param').map((c) => c.z!);
    const switches = report.rewrite.changes.length - zs.length;
    expect(zs.length).toBeGreaterThan(0);
    // Each size is shown to two decimals: the sum may differ from the distance by that rounding only.
    expect(Math.abs(Math.sqrt(zs.reduce((sum, z) => sum + z * z, 0)) + switches - report.rewrite.distance)).toBeLessThan(0.01 * zs.length);
    const opposition = report.rewrite.changes.find((c) => c.path === 'candidate.domesticOpposition');
    if (opposition !== undefined) expect(Math.abs(opposition.z!)).toBeLessThan(2);
  });

  test('a rewrite of a bundled backtest saved elsewhere extends it by its bundled name, and names it as its baseline', () => {
    const saved = join(mkdtempSync(join(tmpdir(), 'rewrite-')), 'albania.yaml');
    const r = cli(['rewrite', 'backtests/albania-2009', '--target', 'joined>=0.5', '--allow', 'process.*', '--runs', '200', '--max-changes', '1', '--save', saved]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(saved, 'utf8');
    expect(text).toMatch(/^extends: bundled:backtests\/albania-2009$/m);
    expect(text).toMatch(/^baseline: bundled:backtests\/albania-2009$/m);
    expect(cli(['run', saved, '--runs', '200']).stdout).toContain('Rewrite distance from backtest-albania-2009');
  });

  test('a rewrite the fresh seed finds short of the target, beyond chance, says so; one that holds says nothing', () => {
    // With 200 branches an evaluation, the search keeps the first move its own seed happens to favour.
    const lucky = cli(['rewrite', 'tests/bad-inputs/_support/valid.yaml', '--target', 'applied>=0.99', '--allow', 'candidate.interest', '--runs', '200']);
    expect(lucky.code, lucky.stderr).toBe(0);
    expect(lucky.stdout).toMatch(/Verification on a fresh seed \(1\/verify\): 93\.0% \[88\.6%, 95\.8%\]/);
    expect(lucky.stdout).toContain('On the fresh seed the rewrite falls short of the target, beyond chance');
    const holds = cli(['rewrite', 'tests/bad-inputs/_support/valid.yaml', '--target', 'applied>=0.8', '--allow', 'candidate.interest', '--runs', '2000']);
    expect(holds.code, holds.stderr).toBe(0);
    expect(holds.stdout).toContain('Verification on a fresh seed');
    expect(holds.stdout).not.toContain('falls short');
  });

  test('an out-of-reach target is a clear answer, exit 0', () => {
    const r = cli(['rewrite', 'russia-2000', '--target', 'joined>=0.99', '--allow', 'candidate.interest', '--runs', '100', '--max-distance', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not within rewrite distance 1');
    // The chart marks no point as meeting a target none meets, even one drawn on its line.
    const chart = r.stdout.split('\n').filter((l) => / \|/.test(l));
    expect(chart.join('\n')).toMatch(/o/);
    expect(chart.join('\n')).not.toMatch(/\*/);
    expect(r.stdout).toContain('(* meets the target, o short of it, - target)');
    expect(r.stdout).toContain('Verification on a fresh seed');
  });

  test.each([
    ['the scenario itself', (dir: string, file: string) => file],
    ['a symbolic link to the scenario', (dir: string, file: string) => {
      symlinkSync(file, join(dir, 'link.yaml'));
      return join(dir, 'link.yaml');
    }],
  ])('--save onto %s is refused before any work, and the file is left as it was', (_name, saveAt) => {
    const dir = mkdtempSync(join(tmpdir(), 'rewrite-save-'));
    const file = join(dir, 'scenario.yaml');
    copyFileSync(new URL('../../../scenarios/russia-2000.yaml', import.meta.url), file);
    const before = readFileSync(file, 'utf8');
    const r = cli(['rewrite', file, '--target', 'applied>=0.2', ...SMALL, '--save', saveAt(dir, file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article10: --save .*: is a file this command reads or writes/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test("a --save that is a complete copy names the start's baseline from where it goes, or leaves it out", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewrite-save-'));
    mkdirSync(join(dir, 'parts'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'parts', 'base.yaml'), 'extends: bundled:russia-2000\nid: base-2000\ntitle: Base\n');
    const start = join(dir, 'start.yaml');
    writeFileSync(start, 'extends: parts/base.yaml\nbaseline: parts/base.yaml\nid: start-2000\ntitle: Start\ncandidate:\n  interest: 0.3\n');
    // Neither folder holds the start, so each save is a complete copy; only parts/ can name the baseline (as base.yaml).
    for (const [saved, baseline] of [[join(dir, 'parts', 'saved.yaml'), /^baseline: base\.yaml$/m], [join(dir, 'other', 'saved.yaml'), undefined]] as const) {
      const r = cli(['rewrite', start, '--target', 'applied>=0.2', ...SMALL, '--save', saved]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(saved, 'utf8');
      expect(text).not.toMatch(/^extends:/m);
      if (baseline === undefined) expect(text).not.toMatch(/^baseline:/m);
      else expect(text).toMatch(baseline);
      const run = cli(['run', saved, '--runs', '200']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/cannot be loaded/);
    }
  });

  test('--save - writes the rewrite to stdout when --out takes the result, and stdout holds the YAML alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewrite-save-'));
    const out = join(dir, 'result.json');
    const r = cli(['rewrite', 'russia-2000', '--target', 'applied>=0.2', ...SMALL, '--json', '--save', '-', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Saved by article10 rewrite /);
    expect(r.stdout).toMatch(/^extends: .*russia-2000/m);
    expect(r.stdout).not.toContain('"target"');
    expect(JSON.parse(readFileSync(out, 'utf8')).target).toBeDefined();
  });

  test('a --save that cannot be written, or that is also the --out, is refused before any work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewrite-save-'));
    const same = join(dir, 'same.yaml');
    const cases: [string[], RegExp][] = [
      [['--save', same, '--out', same], /--save .*same\.yaml: is also the --out file/],
      [['--save', ''], /--save needs a file name/],
      [['--save', join(dir, 'no', 'x.yaml')], /--save .*: there is no folder/],
      [['--save', `${dir}/`], /--save .*: ends with a slash, so it names a folder/],
      [['--save', dir], /--save .*: is a folder; name a file/],
      // Stdout carries the result: the saved YAML there would come before the JSON or the text.
      [['--save', '-'], /--save -: the result goes to stdout too/],
      [['--save', '-', '--json'], /--save -: the result goes to stdout too/],
      [['--save', '-', '--out', '-'], /--save -: the result goes to stdout too/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['rewrite', 'russia-2000', '--target', 'applied>=0.2', ...SMALL, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      // Refused before the search: no progress, no result.
      expect(r.stdout).toBe('');
    }
    expect(existsSync(same)).toBe(false);
  });
});
