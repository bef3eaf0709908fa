import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, constants, copyFileSync, existsSync, linkSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, cli, cliAsync, ROOT, startCli, type CliRun } from '../helpers/cli.js';

/**
 * What --out promises, with real processes: it never overwrites the command's own inputs, it
 * writes devices and FIFOs without replacing them, it refuses a read-only file unless --force,
 * it reports a failed write as a message, and an interrupt during the write leaves the file as
 * it was with no temporary file beside it. (The bad-input corpus has the `run` cases of an
 * --out that is the scenario, a link to it or the file it extends.)
 */

const scratch = mkdtempSync(join(tmpdir(), 'article10-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small valid scenario with no extends: safe to copy anywhere. */
const VALID = join(ROOT, 'tests', 'bad-inputs', '_support', 'valid.yaml');
/** Preloaded to hold the write at a known point (see the file). */
const HOLD = ['--import', pathToFileURL(join(ROOT, 'tests', 'fixtures', 'output', 'hold-writes.mjs')).href];
const SCHEMA = cli(['schema']).stdout;

const folder = (name: string) => mkdtempSync(join(scratch, `${name}-`));

function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** Every entry of a folder with what it is and holds: to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => {
        const info = lstatSync(join(dir, name));
        const what = info.isSymbolicLink() ? 'link' : info.isFIFO() ? 'fifo' : `file ${(info.mode & 0o777).toString(8)} ${readFileSync(join(dir, name), 'utf8')}`;
        return [name, what];
      }),
  );
}

function expectRefused(r: CliRun, message: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toBe(`article10: ${message}\n`);
  expect(r.stdout).toBe('');
}

const asInput = (out: string, input: string) => `--out ${out}: that file is an input of this command (${input}); write the output to another file`;

describe('an --out that is one of the inputs is refused before any work (exit 2), the inputs kept', () => {
  let parts = '';
  beforeAll(async () => {
    parts = folder('parts');
    for (const i of [1, 2]) {
      const r = await cliAsync(['run', VALID, '--runs', '200', '--shard', `${i}/2`, '--out', join(parts, `part-${i}.json`)]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  const partsIn = (dir: string) => {
    for (const i of [1, 2]) copyFileSync(join(parts, `part-${i}.json`), join(dir, `part-${i}.json`));
  };

  test('merge: --out is one of the parts', async () => {
    const dir = folder('merge-same');
    partsIn(dir);
    const before = snapshot(dir);
    const r = await cliAsync(['merge', 'part-1.json', 'part-2.json', '--json', '--out', 'part-1.json'], { cwd: dir });
    expectRefused(r, asInput('part-1.json', 'part-1.json'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('merge: --out is a symbolic link to a part', async () => {
    const dir = folder('merge-symlink');
    partsIn(dir);
    symlinkSync('part-2.json', join(dir, 'latest.json'));
    const before = snapshot(dir);
    const r = await cliAsync(['merge', 'part-1.json', 'part-2.json', '--json', '--out', 'latest.json'], { cwd: dir });
    expectRefused(r, asInput('latest.json', 'part-2.json'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('merge: --out is a hard link to a part', async () => {
    const dir = folder('merge-hard-link');
    partsIn(dir);
    linkSync(join(dir, 'part-1.json'), join(dir, 'merged.json'));
    const before = snapshot(dir);
    const r = await cliAsync(['merge', 'part-1.json', 'part-2.json', '--json', '--out', 'merged.json'], { cwd: dir });
    expectRefused(r, asInput('merged.json', 'part-1.json'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('run: --out is a scenario given through a symbolic link', async () => {
    const dir = folder('run-link-input');
    copyFileSync(VALID, join(dir, 'scenario.yaml'));
    symlinkSync('scenario.yaml', join(dir, 'current.yaml'));
    const before = snapshot(dir);
    const r = await cliAsync(['run', 'current.yaml', '--runs', '100', '--json', '--out', 'scenario.yaml'], { cwd: dir });
    expectRefused(r, asInput('scenario.yaml', 'current.yaml'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('compare: --out is the second scenario', async () => {
    const dir = folder('compare');
    copyFileSync(VALID, join(dir, 'b.yaml'));
    const before = snapshot(dir);
    const r = await cliAsync(['compare', VALID, 'b.yaml', '--runs', '100', '--out', 'b.yaml'], { cwd: dir });
    expectRefused(r, asInput('b.yaml', 'b.yaml'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('report: --out is the --compare file', async () => {
    const dir = folder('report');
    copyFileSync(VALID, join(dir, 'other.yaml'));
    const before = snapshot(dir);
    const r = await cliAsync(['report', VALID, '--compare', 'other.yaml', '--out', 'other.yaml'], { cwd: dir });
    expectRefused(r, asInput('other.yaml', 'other.yaml'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('sweep: --out is the --experiment file', async () => {
    const dir = folder('sweep');
    copyFileSync(VALID, join(dir, 'scenario.yaml'));
    writeFileSync(join(dir, 'study.yaml'), 'scenario: scenario.yaml\nvary: ["candidate.interest=0.1:0.5:2"]\nruns: 100\n');
    const before = snapshot(dir);
    const r = await cliAsync(['sweep', '--experiment', 'study.yaml', '--json', '--out', 'study.yaml'], { cwd: dir });
    expectRefused(r, asInput('study.yaml', 'study.yaml'));
    expect(snapshot(dir)).toEqual(before);
  });

  test('sweep: --out is the scenario the --experiment file names', async () => {
    const dir = folder('sweep-scenario');
    copyFileSync(VALID, join(dir, 'scenario.yaml'));
    writeFileSync(join(dir, 'study.yaml'), 'scenario: scenario.yaml\nvary: ["candidate.interest=0.1:0.5:2"]\nruns: 100\n');
    const before = snapshot(dir);
    const r = await cliAsync(['sweep', '--experiment', 'study.yaml', '--json', '--out', 'scenario.yaml'], { cwd: dir });
    expectRefused(r, asInput('scenario.yaml', join(dir, 'scenario.yaml')));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a FIFO or a character device is written directly and stays what it is', () => {
  test('a FIFO gets the whole output and is still a FIFO', async () => {
    const dir = folder('fifo');
    const fifo = mkfifo(join(dir, 'results.fifo'));
    const reading = readFile(fifo, 'utf8');
    const r = await cliAsync(['schema', '--out', fifo]);
    if (r.code !== 0) closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)); // let the reader finish
    expect(r.code, r.stderr).toBe(0);
    expect(await reading).toBe(SCHEMA);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['results.fifo']);
    expect(r.stderr).not.toMatch(/no reader/);
  });

  test('a FIFO nobody reads yet: the wait is said on stderr, and a reader that comes later gets the whole output', async () => {
    const dir = folder('fifo-later');
    const fifo = mkfifo(join(dir, 'results.fifo'));
    const { child, done } = startCli(['schema', '--out', fifo]);
    await stderrShows(child, 'is a named pipe with no reader yet; waiting for one to read the output (Ctrl-C stops)');
    const r = await Promise.all([readFile(fifo, 'utf8'), done]);
    expect(r[1].code, r[1].stderr).toBe(0);
    expect(r[0]).toBe(SCHEMA);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('/dev/null takes the output and is still the same character device', async () => {
    const before = statSync('/dev/null');
    expect(before.isCharacterDevice()).toBe(true);
    const r = await cliAsync(['run', VALID, '--runs', '100', '--json', '--out', '/dev/null']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev, after.mode]).toEqual([before.ino, before.rdev, before.mode]);
  });

  test.skipIf(!existsSync('/dev/full'))('/dev/full: the failed write is a message and exit 1, no stack trace, the device kept', async () => {
    const before = statSync('/dev/full');
    const r = await cliAsync(['schema', '--out', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^article10: cannot write \/dev\/full: ENOSPC\b[^\n]*\n$/);
    const after = statSync('/dev/full');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
  });

  test.skipIf(!existsSync('/dev/full'))('a stdout that cannot be written (a full disk) is a message and exit 1, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'schema'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^article10: cannot write to stdout: ENOSPC\b[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });

  // Listings (list, sources, validate, the explorer's farewell) write stdout through the same door as results.
  test.skipIf(!existsSync('/dev/full')).each([['list'], ['sources'], ['validate', 'russia-2000']])('%s to a full stdout: a message and exit 1, no stack trace', (...args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^article10: cannot write to stdout: ENOSPC\b[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });

  test.each([['list'], ['sources'], ['validate', 'russia-2000', 'russia-1990'], ['rewrite', '--help'], ['--help'], ['--version']])('%s into a reader that closes at once (| head): no stack trace', (...args) => {
    // The reader is gone before anything is written: the listing's first write meets a closed pipe.
    const r = spawnSync('sh', ['-c', `exec "$0" "$@" | true`, process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/\n\s+at |internal error|EPIPE/);
  });

  test('a command whose reader closes at once still says its problems on stderr and exits with its code', () => {
    // validate lists the good files on stdout (into a closed pipe), then the bad one's problem on stderr: exit 2.
    const bad = join(folder('closed-reader'), 'bad.yaml');
    writeFileSync(bad, 'id: [unclosed\n');
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$@" | true', process.execPath, CLI, 'validate', 'russia-2000', 'russia-1990', bad], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('bad.yaml');
    expect(r.stderr).not.toMatch(/\n\s+at |internal error|EPIPE/);
  });

  test('--out - writes to stdout and creates no file', async () => {
    const dir = folder('dash');
    const r = await cliAsync(['schema', '--out', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(SCHEMA);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a read-only --out file', () => {
  const readOnly = (dir: string) => {
    const file = join(dir, 'results.json');
    writeFileSync(file, 'earlier results\n');
    chmodSync(file, 0o444);
    return file;
  };

  test('is refused without --force (exit 2), left as it was', async () => {
    const dir = folder('read-only');
    const file = readOnly(dir);
    const before = snapshot(dir);
    const r = await cliAsync(['schema', '--out', file]);
    expectRefused(r, `--out ${file}: the file is read-only; give --force to replace it`);
    expect(snapshot(dir)).toEqual(before);
  });

  test('is replaced with --force, and stays read-only', async () => {
    const dir = folder('read-only-force');
    const file = readOnly(dir);
    const r = await cliAsync(['schema', '--out', file, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(dir)).toEqual({ 'results.json': `file 444 ${SCHEMA}` });
  });

  test('every command that takes --out takes --force', () => {
    const commands = ['run', 'explain', 'backtest', 'sensitivity', 'compare', 'sweep', 'merge', 'discover', 'report', 'schema'];
    const missing = commands.filter((c) => {
      const help = cli([c, '--help']).stdout;
      return help.includes('--out') && !help.includes('--force');
    });
    expect(missing).toEqual([]);
  });
});

/** Resolves once the child has written `text` on stderr; fails if it ends first. */
function stderrShows(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: string) => {
      seen += chunk;
      if (seen.includes(text)) {
        child.stderr!.off('data', onData);
        resolve();
      }
    };
    child.stderr!.on('data', onData);
    child.once('close', () => reject(new Error(`the command ended before "${text}": ${seen}`)));
  });
}

const TEMP = /^\.results\.json\.[0-9a-f]+\.tmp$/;

describe('interrupted while writing --out', () => {
  test('SIGINT while a new file is written: exit 130, no file and no temporary file', async () => {
    const dir = folder('sigint-new');
    const out = join(dir, 'results.json');
    const { child, done } = startCli(['run', VALID, '--runs', '1000', '--json', '--out', out], { nodeArgs: HOLD });
    await stderrShows(child, '[fsync held]');
    // The temporary file is written and waits for its rename.
    expect(readdirSync(dir)).toEqual([expect.stringMatching(TEMP)]);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/\[fsync held\]\narticle10: interrupted by SIGINT; nothing was written\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('SIGTERM while a file is replaced: exit 130, the earlier file as it was (content and mode), no temporary file', async () => {
    const dir = folder('sigterm-replace');
    const out = join(dir, 'results.json');
    writeFileSync(out, 'earlier results\n');
    chmodSync(out, 0o600);
    const { child, done } = startCli(['run', VALID, '--runs', '1000', '--json', '--out', out], { nodeArgs: HOLD });
    await stderrShows(child, '[fsync held]');
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(TEMP), 'results.json']);
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/\[fsync held\]\narticle10: interrupted by SIGTERM; nothing was written\n$/);
    expect(snapshot(dir)).toEqual({ 'results.json': 'file 600 earlier results\n' });
  });

  test('SIGINT while a FIFO waits for a reader: exit 130 without hanging, the FIFO kept', async () => {
    const dir = folder('sigint-fifo');
    const fifo = mkfifo(join(dir, 'results.fifo'));
    const { child, done } = startCli(['schema', '--out', fifo], { nodeArgs: HOLD });
    await stderrShows(child, '[opening a FIFO]');
    child.kill('SIGINT');
    const r = await done;
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(new RegExp(`\\narticle10: interrupted by SIGINT while writing to ${fifo}; the output is incomplete\\n$`));
    expect(snapshot(dir)).toEqual({ 'results.fifo': 'fifo' });
  });
});
