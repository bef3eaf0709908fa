import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FUZZ_SCALE, FUZZ_SEED } from './settings.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cliAsync, ROOT, type CliRun } from '../helpers/cli.js';

/**
 * Fuzzing command lines: generated commands, flags and values, valid and hostile (unknown flags,
 * missing values, huge, negative and NaN numbers, odd Unicode, missing paths, repeated flags,
 * `--`), each run as a real process of the built command. Whatever the line, the command exits
 * 0, 1 or 2, never with a stack trace or an internal error; on failure it prints nothing on
 * stdout and says why on stderr in a few lines (plus one line per located scenario problem).
 * The seed and the number of cases: settings.ts.
 */

/** Command lines run side by side in one case: three processes keep two cores busy. */
const LINES_PER_CASE = 3;
const CASES = Math.max(1, Math.round(20 * FUZZ_SCALE));
/** Lines of prose a failure may print (the message, a hint); located problems come on top. */
const PROSE_LINES = 3;
/** A located scenario problem: `file:line:column: ...`, as the loader reports them. */
const LOCATED = /^(article10: )?.+:\d+:\d+: \S/;
const CRASH = /internal error|\n\s+at |\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|node:internal|\[ERR_[A-Z_]+\]/;

// --- a scratch folder to run in: every path the fuzzer names stays inside it ---------------

const root = mkdtempSync(join(tmpdir(), 'article10-cli-fuzz-'));
/** Two levels down, so `..` and `../..` still land inside the scratch folder. */
const cwd = join(root, 'a', 'b');
mkdirSync(cwd, { recursive: true });
copyFileSync(join(ROOT, 'tests/bad-inputs/_support/valid.yaml'), join(cwd, 'valid.yaml'));
copyFileSync(join(ROOT, 'tests/bad-inputs/missing-id.yaml'), join(cwd, 'broken.yaml'));
writeFileSync(join(cwd, 'junk.yaml'), 'this: [is: not, {a scenario\n');
writeFileSync(join(cwd, 'part.json'), '{"kind": "run-shard", "shard": "1/2"}\n');
mkdirSync(join(cwd, 'folder'));
const projectListing = () => [...readdirSync(ROOT), ...readdirSync(join(ROOT, 'scenarios'))].sort();
const repoBefore = projectListing();
afterAll(() => rmSync(root, { recursive: true, force: true }));

// --- generated command lines --------------------------------------------------------------

const COMMANDS = [
  'run', 'validate', 'list', 'explain', 'backtest', 'sensitivity', 'compare', 'sweep', 'merge', 'discover', 'report', 'sources', 'schema', 'tui', 'help',
  'fly', 'RUN', 'ｒｕｎ', '', '-', '--',
];
const FLAGS = [
  '--runs', '-n', '--seed', '-s', '--set', '--json', '--csv', '--shard', '--out', '-o', '--workers', '-w', '--branch', '-b', '--outcome', '--range',
  '--top', '--trajectories', '--morris-runs', '--vary', '--samples', '--experiment', '--boxes', '--compare', '--format', '--sensitivity-runs',
  '--help', '-h', '--version', '-V', '--fast', '-x', '--RUNS', '---runs', '--no-json', '-nfoo', '-jn', '--', '-',
];
const NUMBERS = [
  '0', '1', '2', '3', '10', '1_0', '-1', '-0', '+2', ' 2', '2 ', '1.5', 'NaN', 'Infinity', '-Infinity', '1e3', '1e309', '0x10', '0b1', '9'.repeat(25),
  '٣', '１', '−1', '1/2', '2/2', '0/0', '3/2', '1/1e9', '',
];
const WORDS = [
  'joined', 'vetoed', 'applied', 'no_application', 'md', 'html', 'pdf', 'russia-2000', 'russia-1990', 'bundled:russia-1990', 'russia-2000-istanbul-kept',
  'candidate.interest=0.1:0.9:2', 'candidate.interest=0:1', 'candidate.interest=2', 'candidate.interest=NaN', 'allies.US.consent=0.5',
  'candidate.interest=0.2:0.3:1000', '__proto__.polluted=1', 'constructor.prototype=1', '=', 'a=b', 'x=1:2:0', 'S1', 'S999',
];
/** Relative to the scratch folder, or absolute and missing: nothing outside the folder can be written. */
const PATHS = [
  'valid.yaml', 'broken.yaml', 'junk.yaml', 'part.json', 'folder', 'folder/', 'new/', 'out.json', 'out.csv', 'out.md', 'new/out.json', '.', '..', '../..', '../../escape.json',
  '/no/such/dir/x.yaml', '/', 'missing.yaml', '~/x.yaml', '$HOME', 'vаlid.yaml' /* Cyrillic а */, 'valid.yaml ',
];
const ODD = ['\u202e', '😀', 'Ω', 'e\u0301', 'ﬁ', 'İ', '\u2028', '\t', '\n', ' ', '\u200b', '%s', '${x}', '`id`', "'", '"'];
/** Any string a shell could pass: argv cannot hold NUL. */
const unicode = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\0', ''));

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: unicode },
);
const flag = fc.constantFrom(...FLAGS);
const token = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(flag, value) },
  { weight: 2, arbitrary: flag.map((f) => [f]) },
  { weight: 2, arbitrary: value.map((v) => [v]) },
  { weight: 1, arbitrary: fc.tuple(flag, value).map(([f, v]) => [`${f}=${v}`]) },
);
const commandLine = fc
  .tuple(fc.option(fc.constantFrom(...COMMANDS), { nil: undefined, freq: 8 }), fc.array(token, { maxLength: 5 }))
  .map(([command, tokens]) => (command === undefined ? tokens.flat() : [command, ...bounded(command), ...tokens.flat()]));

/**
 * Small workloads first, so a valid line finishes in a second or two; a generated flag given
 * later still wins (the last value counts), and generated counts are small or refused.
 */
function bounded(command: string): string[] {
  const workloads: Record<string, string[]> = {
    run: ['-n', '20'],
    compare: ['-n', '20'],
    backtest: ['-n', '20'],
    sweep: ['-n', '20'],
    sensitivity: ['-n', '20', '--trajectories', '1', '--morris-runs', '20'],
    discover: ['-n', '5', '--samples', '10'],
    report: ['-n', '20', '--sensitivity-runs', '20'],
  };
  return workloads[command] ?? [];
}

// --- running them -------------------------------------------------------------------------

let processes = 0;
const exitCodes: Record<string, number> = {};

function check(args: readonly string[], r: CliRun): void {
  const where = `article10 ${JSON.stringify(args)}\nexit ${r.code} (signal ${r.signal})\nstdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect(r.signal, `killed (hung?): ${where}`).toBeNull();
  expect([0, 1, 2], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(CRASH);
  if (r.code === 0) return;
  // `validate` reports on stdout as its product (exit 2 says some file is bad); the rest print nothing.
  if (args[0] !== 'validate') expect(r.stdout, where).toBe('');
  // With --json its report of every file is the whole answer, in JSON on stdout.
  if (args[0] === 'validate' && r.stderr === '') {
    expect(args, where).toContain('--json');
    expect(() => JSON.parse(r.stdout), where).not.toThrow();
    return;
  }
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, where).toBeGreaterThan(0);
  // `validate` reports each bad file on its own ("bad FILE: N problems"), so its prose is per file.
  const files = args[0] === 'validate' ? Math.max(1, lines.filter((l) => l.startsWith('bad ')).length) : 1;
  expect(lines.filter((l) => !LOCATED.test(l)).length, where).toBeLessThanOrEqual(PROSE_LINES * files);
}

describe('fuzzing command lines', () => {
  it(`${CASES * LINES_PER_CASE} generated command lines, each a real process: exit 0, 1 or 2, a short message, no trace (seed ${FUZZ_SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandLine, { minLength: LINES_PER_CASE, maxLength: LINES_PER_CASE }), async (lines) => {
        const runs = await Promise.all(lines.map((args) => cliAsync(args, { cwd, timeoutMs: 45_000 })));
        processes += runs.length;
        runs.forEach((r, i) => {
          exitCodes[String(r.code)] = (exitCodes[String(r.code)] ?? 0) + 1;
          check(lines[i]!, r);
        });
      }),
      { numRuns: CASES, seed: FUZZ_SEED },
    );
    process.stdout.write(`cli fuzz: ${processes} processes, exit codes ${JSON.stringify(exitCodes)}, seed ${FUZZ_SEED}\n`);
    expect(processes).toBeGreaterThanOrEqual(CASES * LINES_PER_CASE);
  }, 240_000);

  it('wrote nothing into the project', () => {
    expect(projectListing()).toEqual(repoBefore);
  });
});
