import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { CLI, cliAsync, ROOT, startCli, type CliRun } from '../helpers/cli.js';

/**
 * Interrupted and concurrent work, with real processes: a signal during a long run writes
 * nothing and says so; a failing worker thread fails the run; two writers of one file leave
 * exactly one of their outputs.
 */

const scratch = mkdtempSync(join(tmpdir(), 'article10-processes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A run long enough to interrupt: 50 million branches would take minutes. */
const LONG_RUN = ['run', 'russia-2000', '--runs', '50000000', '--workers', '2', '--json'];

/**
 * Sends `signal` once the run is under way. Until the command has installed its handler (the
 * first moments of start-up) a signal ends the process by default, which also writes nothing:
 * then it waits longer and tries again.
 */
async function interrupted(signal: NodeJS.Signals, out: string): Promise<CliRun> {
  for (const delay of [1500, 3000, 6000]) {
    const { child, done } = startCli([...LONG_RUN, '--out', out], { timeoutMs: 60_000 });
    const timer = setTimeout(() => child.kill(signal), delay);
    const r = await done;
    clearTimeout(timer);
    if (r.signal === null) return r;
    expect(r.signal).toBe(signal);
  }
  throw new Error(`the run never got far enough to handle ${signal}`);
}

describe('interrupting a long run', () => {
  test.each([
    ['SIGINT', undefined],
    ['SIGTERM', 'the results of an earlier run\n'],
  ] as const)('%s: exit 130, a message saying what finished, --out untouched (earlier content: %j)', async (signal, earlier) => {
    const dir = mkdtempSync(join(scratch, `${signal}-`));
    const out = join(dir, 'results.json');
    if (earlier !== undefined) writeFileSync(out, earlier);
    const r = await interrupted(signal, out);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe(`article10: interrupted by ${signal}: finished scenarios: none; nothing was written\n`);
    expect(r.stdout).toBe('');
    // The earlier file as it was, or no file; no temporary file left beside it.
    if (earlier === undefined) expect(readdirSync(dir)).toEqual([]);
    else {
      expect(readdirSync(dir)).toEqual(['results.json']);
      expect(readFileSync(out, 'utf8')).toBe(earlier);
    }
  });
});

describe('a worker thread that fails inside the command', () => {
  test('exit 1 with the worker\'s message, nothing written, no hang', async () => {
    // A copy of the build whose worker script throws; production code is untouched.
    const dist = join(scratch, 'broken', 'dist');
    cpSync(join(ROOT, 'dist'), dist, { recursive: true });
    cpSync(new URL('../fixtures/workers/throws-on-job.mjs', import.meta.url), join(dist, 'batch', 'worker.js'));
    symlinkSync(join(ROOT, 'scenarios'), join(scratch, 'broken', 'scenarios'));
    const out = join(scratch, 'broken', 'out.json');
    const r = await cliAsync(['run', 'russia-2000', '--runs', '300000', '--workers', '2', '--json', '--out', out], {
      cliPath: join(dist, CLI.slice(join(ROOT, 'dist').length)),
      timeoutMs: 30_000,
    });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^article10: internal error \(please report it\):\nError: a worker thread failed: boom in a worker\n/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('two writers of one --out', () => {
  test('two runs at once leave exactly one complete output, never a mix', async () => {
    const dir = mkdtempSync(join(scratch, 'race-'));
    const shared = join(dir, 'shared.json');
    const run = (seed: string, out: string) => cliAsync(['run', 'russia-1990', '--runs', '20000', '--seed', seed, '--json', '--out', out]);
    const results = await Promise.all([run('a', shared), run('b', shared), run('a', join(dir, 'a.json')), run('b', join(dir, 'b.json'))]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const [a, b, final] = ['a.json', 'b.json', 'shared.json'].map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(a).not.toBe(b);
    expect([a, b]).toContain(final);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json', 'shared.json']);
  });

  test('many writers at once in one process: the file is always one whole payload', async () => {
    const dir = mkdtempSync(join(scratch, 'atomic-'));
    const target = join(dir, 'out.json');
    // Large, distinct payloads: an interleaving of any two would match neither.
    const payloads = Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i).repeat(1 << 19)}\n`);
    for (let round = 0; round < 3; round++) {
      await Promise.all(payloads.map((p) => writeFileAtomic(target, p)));
      expect(payloads).toContain(readFileSync(target, 'utf8'));
    }
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
