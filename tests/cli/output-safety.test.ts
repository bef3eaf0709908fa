import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cliAsync } from '../helpers/cli.js';

/**
 * What reaches the user from a hostile argument or file name, each case the built command run
 * as a real process: terminal controls never reach stdout or stderr raw, a Markdown code span
 * cannot be closed by the text inside it, a CSV cell is never a formula, and the analyses and
 * branch searches refuse what a sweep or a safe integer would.
 */

const MINIMAL = 'tests/fixtures/scenarios/minimal.yaml';
/** Any character a terminal would obey: C0 but tab and newline, DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const scratch = mkdtempSync(join(tmpdir(), 'article10-safety-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('terminal controls in names and arguments are shown, never obeyed', () => {
  test('a file name with a window-title sequence is written with \\u001b on stderr', async () => {
    const r = await cliAsync(['run', join(scratch, '\u001b]0;owned\u0007.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('\\u001b]0;owned\\u0007.yaml');
  });

  test('a file name with a line break is named on one line, as \\n, in each problem and in the count', async () => {
    const file = join(scratch, 'a\nb.yaml');
    writeFileSync(file, 'id: x\n');
    const shown = join(scratch, 'a\\nb.yaml');
    const validate = await cliAsync(['validate', file]);
    expect(validate.code).toBe(2);
    const lines = validate.stderr.trim().split('\n');
    expect(lines.slice(0, -1).every((l) => l.startsWith(`${shown}:1:1: `)), validate.stderr).toBe(true);
    expect(lines.at(-1)).toBe(`bad ${shown}: ${lines.length - 1} problems`);
    const run = await cliAsync(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(`${lines.length - 1} problems in ${shown}`);
  });

  test('an --out name with a line break is named on one line when written, and when refused', async () => {
    const out = join(scratch, 'o\nut.json');
    const wrote = await cliAsync(['run', MINIMAL, '--runs', '100', '--out', out]);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stderr).toBe(`article10: wrote ${join(scratch, 'o\\nut.json')} (${wrote.stderr.match(/\((.*)\)/)![1]})\n`);
    const refused = await cliAsync(['run', MINIMAL, '--runs', '100', '--out', join(scratch, 'no\nfolder', 'x.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')[0]).toContain(`--out ${join(scratch, 'no\\nfolder', 'x.json')}: `);
  });

  test('an unknown option with a clear-screen sequence is quoted safely in the usage error', async () => {
    const r = await cliAsync(['run', MINIMAL, '--x\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain("unknown option '--x\\u001b[2J'");
  });

  test('validate --json keeps a file name with CSI and a bidi override as the same JSON value, without the raw characters', async () => {
    const name = join(scratch, 'a\u009b2J\u202eb.yaml');
    writeFileSync(name, 'id: x\n');
    const r = await cliAsync(['validate', name, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(r.stdout) as { file: string }[])[0]!.file).toBe(name);
  });
});

describe('Markdown and HTML handouts', () => {
  const seed = 'x`<script>alert(1)</script>``';
  const reportArgs = ['report', MINIMAL, '--audience', 'teacher', '--runs', '200', '--sensitivity-runs', '50', '--seed', seed];

  test('a seed with backticks stays inside the code span of the command line', async () => {
    const r = await cliAsync([...reportArgs, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Made with '))!;
    const span = /^Made with (`+)(.*)\1\.$/.exec(line);
    expect(span, line).not.toBeNull();
    const [, fence, inside] = span!;
    // No run of backticks inside is as long as the fence, so nothing closes the span early.
    for (const run of inside!.match(/`+/g) ?? []) expect(run.length).toBeLessThan(fence!.length);
    expect(inside!.trim()).toBe(`article10 report ${MINIMAL} --audience teacher --runs 200 --sensitivity-runs 50 --seed '${seed}' --format md`);
    // Outside code spans the seed is escaped (\<script>): no tag a renderer would obey.
    expect(r.stdout.replace(line, '')).not.toMatch(/(?<!\\)<script/);
    expect(r.stdout).toContain('x\\`\\<script>');
  });

  test('the HTML handout escapes the same seed', async () => {
    const r = await cliAsync([...reportArgs, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('x`&lt;script&gt;alert(1)&lt;/script&gt;``');
  });
});

describe('CSV', () => {
  test('a seed that is a formula is written as text a spreadsheet will not evaluate', async () => {
    const r = await cliAsync(['run', MINIMAL, '--runs', '100', '--csv', '--seed', '=HYPERLINK("http://example.com","x")']);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n')[1]!;
    expect(row.startsWith(`minimal,"'=HYPERLINK(""http://example.com"",""x"")",100,`)).toBe(true);
  });

  test('negative numbers stay numbers', async () => {
    const r = await cliAsync(['compare', 'russia-2000', 'russia-2000-istanbul-kept', '--runs', '300', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const cells = r.stdout.trim().split('\n').slice(1).flatMap((l) => l.split(','));
    const negative = cells.filter((c) => c.startsWith('-'));
    expect(negative.length).toBeGreaterThan(0);
    for (const c of negative) expect(Number.isFinite(Number(c)), c).toBe(true);
    expect(cells.some((c) => c.startsWith("'") || c.startsWith('"'))).toBe(false);
  });
});

describe('ranges of discover and sensitivity are held to the domain a sweep uses', () => {
  test('discover --range candidate.interest=-5:5 is refused', async () => {
    const r = await cliAsync(['discover', MINIMAL, '--range', 'candidate.interest=-5:5', '--runs', '10', '--samples', '10']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('article10: --range candidate.interest: the low end -5 is not a probability: it must lie between 0 and 1\n');
  });

  test('sensitivity --range candidate.interest=0:2 is refused', async () => {
    const r = await cliAsync(['sensitivity', MINIMAL, '--range', 'candidate.interest=0:2', '--runs', '10', '--trajectories', '0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('article10: --range candidate.interest: the high end 2 is not a probability: it must lie between 0 and 1\n');
  });
});

describe('explain --outcome near the last safe branch number', () => {
  test('the search stops at Number.MAX_SAFE_INTEGER and says so', async () => {
    const r = await cliAsync(['explain', MINIMAL, '--outcome', 'joined', '--branch', '9007199254740990']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'article10: no branch ending "joined" among the 2 from 9007199254740990 with seed 1 (9,007,199,254,740,991 is the last branch number)\n',
    );
  });

  test('a branch found there is a branch that exists, told exactly', async () => {
    const r = await cliAsync(['explain', MINIMAL, '--outcome', 'no_application', '--branch', '9007199254740990', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const story = JSON.parse(r.stdout) as { branch: number };
    expect(Number.isSafeInteger(story.branch)).toBe(true);
    expect(story.branch).toBeGreaterThanOrEqual(9007199254740990);
  });
});
