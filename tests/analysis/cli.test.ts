import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import { PLANTED } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'article10-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analysis commands as real processes', () => {
  test.each(['sensitivity', 'discover', 'report'])('%s --help explains itself and exits 0', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: article10 ${command} `));
    expect(r.stdout).toContain('--json');
    expect(r.stdout).toContain('--out');
  });

  test('sensitivity --json: swings, baseline and Morris with its uncertainty; the text draws a tornado', () => {
    const args = ['sensitivity', PLANTED, '--runs', '600', '--trajectories', '3', '--morris-runs', '200', '--seed', 'c'];
    const r = cli([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ scenario: 'planted', measure: 'joined', runs: 600, seed: 'c' });
    // Six parameters with a range, and the two rules and the event switched off and on.
    expect(doc.swings).toHaveLength(9);
    expect(doc.swings.filter((w: { from: string }) => w.from === 'switch').map((w: { path: string }) => w.path).sort()).toEqual(['events.far-future', 'rules.needs-x', 'rules.y-too-high']);
    expect(doc.morris.uncertainty).toMatch(/Student-t/);
    const without = JSON.parse(cli([...args, '--json', '--no-switches']).stdout);
    expect(without.swings).toHaveLength(6);
    expect(cli([...args, '--json']).stdout).toBe(r.stdout);
    const text = cli([...args, '--top', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('│');
    expect(text.stdout).toContain('μ*');
  });

  test('bad input is a usage error (exit 2) that names the problem', () => {
    const bad = [
      [['sensitivity', PLANTED, '--range', 'candidate.charisma=0:1'], /no parameter at "candidate\.charisma"/],
      [['sensitivity', PLANTED, '--range', 'candidate.interest=0.9:0.1'], /low end must be below the high end, got 0\.9:0\.1$/m],
      [['sensitivity', PLANTED, '--range', 'candidate.interest=0x1:1'], /low end must be below the high end, got 0x1:1$/m],
      [['sensitivity', PLANTED, '--range', 'candidate.interest'], /path=lo:hi/],
      [['sensitivity', PLANTED, '--range', 'candidate.interest=0:1', '--range', 'candidate.interest=0.2:0.5'], /--range candidate\.interest: is given twice/],
      [['discover', PLANTED, '--range', 'candidate.interest=0:1', '--range', 'candidate.interest=0.2:0.5'], /--range candidate\.interest: is given twice/],
      [['sensitivity', PLANTED, '--outcome', 'won'], /--outcome must be one of joined/],
      [['discover', PLANTED, '--boxes', '0'], /--boxes must be a whole number from 1 to 20/],
      [['discover', PLANTED, '--target', 'joined=0.3'], /--target must look like outcome>=share/],
      [['discover', PLANTED, '--target', 'won>=0.3'], /--target: "won" is not an outcome or a funnel stage/],
      [['discover', PLANTED, '--target', 'joined>=1.5'], /--target: the share must lie between 0 and 1/],
      [['discover', PLANTED, '--target', 'joined>=0.3', '--outcome', 'vetoed'], /--target names its own outcome .*drop --outcome/],
      [['report', PLANTED, '--format', 'pdf'], /--format must be md or html/],
      [['report', PLANTED, '--out', 'handout.pdf'], /--out handout\.pdf: a handout is Markdown or HTML, not \.pdf; name a \.md or \.html file, give --format md or html, or --json for its data/],
      [['report', 'no-such-scenario'], /no such file/],
      [['report', PLANTED, '--audience', 'parents'], /--audience must be student or teacher, got "parents"/],
      [['report', PLANTED, '--outcome', 'applied'], /--outcome .* only the teacher's handout has: add --audience teacher/],
      [['report', PLANTED, '--names', 'Us,Them'], /--names names two teams: give the second with --compare/],
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Us'], /--names must be two names of 1 to 40 plain characters/],
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Us,'], /--names must be two names/],
      // The example names the teams in the order --names reads them: the scenario's (team A), then --compare's (team B).
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Team A'], /the scenario's then --compare's \(e\.g\. "Team A,Team B"\)/],
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Us, us'], /--names must name the two teams differently, got "Us, us"/],
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Us,Th\u001b[2Jem'], /--names must be two names/],
      [['report', PLANTED, '--compare', PLANTED, '--names', 'Us,Them', '--audience', 'teacher'], /--names names the two teams of the student's handout/],
    ] as const;
    for (const [args, message] of bad) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    }
  });

  test('discover --json finds the planted box', () => {
    const r = cli(['discover', PLANTED, '--set', 'candidate.interest=1', '--samples', '200', '--runs', '10', '--boxes', '1', '--no-switches', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.boxes[0].restrictions.map((x: { path: string }) => x.path)).toEqual(['preconditions.x.level', 'preconditions.y.level']);
    expect(doc.boxes[0].density).toBeGreaterThan(0.9);
  });

  test('discover tries the rules and events off and on: with the blocking rules off the planted box is not needed', () => {
    const r = cli(['discover', PLANTED, '--set', 'candidate.interest=1', '--samples', '200', '--runs', '10', '--boxes', '1', '--seed', 'sw', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.factors.filter((f: { from: string }) => f.from === 'switch').map((f: { path: string }) => f.path)).toEqual(['rules.needs-x', 'rules.y-too-high', 'events.far-future']);
    expect(doc.screened).toContain('rules.needs-x');
    const switches = doc.boxes[0].restrictions.filter((x: { path: string }) => x.path.startsWith('rules.'));
    expect(switches.length).toBeGreaterThan(0);
    // A switch is restricted to one state: off (at most 0) for a rule that blocks.
    for (const x of switches) expect(x).toMatchObject({ min: null, max: 0 });
    const text = cli(['discover', PLANTED, '--set', 'candidate.interest=1', '--samples', '200', '--runs', '10', '--boxes', '1', '--seed', 'sw']);
    expect(text.stdout).toMatch(/rules\.(needs-x|y-too-high) +off +of off, on/);
    expect(text.stdout).toContain('rules and events switched off or on');
  });

  test('discover --target picks boxes of the vectors that meet it, in the syntax rewrite reads', () => {
    const r = cli(['discover', PLANTED, '--set', 'candidate.interest=1', '--samples', '200', '--runs', '10', '--boxes', '1', '--no-switches', '--target', 'joined>=90%', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.target).toBe('joined >= 90%');
    expect(doc.measure).toBe('joined');
    expect(doc.overall.trials).toBe(200);
    expect(doc.boxes[0].restrictions.map((x: { path: string }) => x.path)).toEqual(['preconditions.x.level', 'preconditions.y.level']);
  });

  test('report --out writes the handout (HTML from the extension, Markdown by default) and prints nothing', () => {
    const html = join(dir, 'handout.html');
    const r = cli(['report', PLANTED, '--runs', '1000', '--sensitivity-runs', '200', '--out', html]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<svg ');
    const mdFile = join(dir, 'handout.md');
    expect(cli(['report', PLANTED, '--audience', 'teacher', '--runs', '1000', '--sensitivity-runs', '200', '--out', mdFile]).code).toBe(0);
    const text = readFileSync(mdFile, 'utf8');
    expect(text).toContain('## What the result hinges on');
    expect(text).toContain('article10 report');
  });
  test('report --compare says which file is team A and which team B: in its help, on stderr before any work, and in the teacher\'s handout', () => {
    const help = cli(['report', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('the <scenario> is team A, this file team B');
    expect(help).toContain("the <scenario>'s (team A) first, then --compare's (team B)");
    const teamA = join(dir, 'yes.yaml');
    const teamB = join(dir, 'no.yaml');
    const planted = readFileSync(PLANTED, 'utf8');
    const team = (id: string, title: string) => planted.replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: ${title}`);
    writeFileSync(teamA, team('yes', 'The yes side'));
    writeFileSync(teamB, team('no', 'The no side'));
    const student = cli(['report', teamA, '--compare', teamB, '--names', 'Yes,No', '--runs', '300', '--out', join(dir, 'named.md')]);
    expect(student.code, student.stderr).toBe(0);
    expect(student.stderr).toContain(`"Yes", the scenario, is ${teamA} (The yes side); "No", the --compare file, is ${teamB} (The no side); the handout is for "No", with "Yes" beside it`);
    // Team A's handout, as kit prints its command: the files swapped and the names with them.
    const swapped = cli(['report', teamB, '--compare', teamA, '--names', 'Team B,Team A', '--runs', '300', '--out', join(dir, 'swapped.md')]);
    expect(swapped.code, swapped.stderr).toBe(0);
    expect(swapped.stderr).toContain(`"Team B", the scenario, is ${teamB} (The no side); "Team A", the --compare file, is ${teamA} (The yes side); the handout is for "Team A", with "Team B" beside it`);
    expect(swapped.stderr).not.toContain('team A');
    const teacher = cli(['report', teamA, '--compare', teamB, '--audience', 'teacher', '--runs', '300', '--sensitivity-runs', '50']);
    expect(teacher.code, teacher.stderr).toBe(0);
    expect(teacher.stderr).toContain(`team A, the scenario, is ${teamA} (The yes side); team B, the --compare file, is ${teamB} (The no side)`);
    expect(teacher.stdout).toContain(`A (the scenario, ${teamA}): **The yes side** (yes). B (--compare, ${teamB}): **The no side** (no).`);
    // Without --compare there is one scenario and no team to name.
    expect(cli(['report', teamA, '--runs', '300', '--out', join(dir, 'one.md')]).stderr).not.toContain('team A');
  });
});
