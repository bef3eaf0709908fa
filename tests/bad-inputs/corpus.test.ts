import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cliAsync } from '../helpers/cli.js';

/**
 * The bad-input corpus (format in README.md next to this file): every case runs the built
 * command as a real process, `run <input> --json --out <tmp>/out.json [args]`, and must exit
 * 2 with exactly the expected stderr (file:line:column, field path and message per problem),
 * no stack trace, nothing on stdout and nothing written. Each process runs with a small heap,
 * so a case that needed unbounded memory would crash instead of passing.
 */

const CORPUS = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
const VALID = join(CORPUS, '_support', 'valid.yaml');
const INPUT_EXTENSIONS = ['yaml', 'json', 'bin'];
/** 96 MB of heap per case: an unbounded expansion would run out of it. */
const HEAP_CAP = ['--max-old-space-size=96'];

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly codes: readonly string[] | undefined;
  readonly stderr: string;
}

function readCase(name: string): Case {
  const text = readFileSync(join(CORPUS, `${name}.expected`), 'utf8');
  const split = text.indexOf('\n---\n');
  if (split < 0) throw new Error(`${name}.expected has no --- line`);
  const header = text.slice(0, split).split('\n');
  const field = (key: string) => header.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2);
  const args = field('args');
  const codes = field('codes');
  return { name, args: args === undefined ? [] : (JSON.parse(args) as string[]), codes: codes?.split(' '), stderr: text.slice(split + 5) };
}

const scratch = mkdtempSync(join(tmpdir(), 'article10-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Inputs the test builds: too big to commit, a symbolic link, a path that must not exist, a pipe. */
const GENERATED: Readonly<Record<string, (dir: string) => string>> = {
  'big-file': (dir) => {
    const file = join(dir, 'big-file.yaml');
    writeFileSync(file, `id: big\n${'# padding padding padding padding padding padding padding\n'.repeat(60_000)}`);
    return file;
  },
  'many-entries': (dir) => {
    const file = join(dir, 'many-entries.yaml');
    const sources = Array.from({ length: LIMITS.maxEntries + 1 }, (_, i) => `  R${i}: Reference ${i}`).join('\n');
    writeFileSync(file, `${readFileSync(VALID, 'utf8')}sources:\n${sources}\n`);
    return file;
  },
  'nesting-exhausts-parser': (dir) => {
    const file = join(dir, 'nesting-exhausts-parser.yaml');
    writeFileSync(file, `id: deep\ntitle: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    return file;
  },
  'extends-symlink-out': (dir) => {
    symlinkSync('/etc/passwd', join(dir, 'innocent.yaml'));
    const file = join(dir, 'extends-symlink-out.yaml');
    writeFileSync(file, 'extends: innocent.yaml\nid: corpus-symlink\n');
    return file;
  },
  'file-not-found': (dir) => join(dir, 'no-such-scenario.yaml'),
  // A named pipe stands for every non-file --out (devices, sockets): a test must never risk /dev.
  'out-is-pipe': (dir) => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    return VALID;
  },
};

const names = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.expected'))
  .map((f) => f.slice(0, -'.expected'.length))
  .sort();

function inputOf(name: string, genDir: string): string {
  const generate = GENERATED[name];
  if (generate !== undefined) return generate(genDir);
  const ext = INPUT_EXTENSIONS.find((e) => existsSync(join(CORPUS, `${name}.${e}`)));
  return ext === undefined ? VALID : join(CORPUS, `${name}.${ext}`);
}

function setsOf(args: readonly string[]): string[] {
  return args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
}

describe('the bad-input corpus', () => {
  test('has at least 40 cases, every input has its expected error, and the base it breaks is valid', async () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    const inputs = readdirSync(CORPUS).filter((f) => INPUT_EXTENSIONS.some((e) => f.endsWith(`.${e}`)));
    for (const input of inputs) expect(names, `${input} has no .expected`).toContain(input.replace(/\.[^.]+$/, ''));
    for (const name of Object.keys(GENERATED)) expect(names, `generated case ${name} has no .expected`).toContain(name);
    const base = await loadScenarioFile(VALID, { bundledDir: bundledScenariosDir() });
    expect(base.ok, JSON.stringify(!base.ok && base.issues)).toBe(true);
  });

  test.concurrent.each(names)('%s', async (name) => {
    const c = readCase(name);
    const dir = mkdtempSync(join(scratch, `${name}-`));
    const [outDir, genDir] = [join(dir, 'out'), join(dir, 'gen')];
    mkdirSync(outDir);
    mkdirSync(genDir);
    const input = inputOf(name, genDir);
    const fill = (s: string) => s.replaceAll('<tmp>', outDir).replaceAll('<gen>', genDir).replaceAll('<dir>', CORPUS);
    const args = c.args.map(fill);

    const r = await cliAsync(['run', input, '--json', '--out', join(outDir, 'out.json'), ...args], { nodeArgs: HEAP_CAP, timeoutMs: 30_000 });
    expect(r.signal, `killed: ${r.stderr}`).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toBe(fill(c.stderr));
    expect(r.stdout).toBe('');
    expect(readdirSync(outDir)).toEqual([]);

    if (c.codes !== undefined) {
      // The codes behind the messages, from the loader itself, in bounded time.
      const started = performance.now();
      const loaded = await loadScenarioFile(input, { sets: setsOf(c.args), bundledDir: bundledScenariosDir() });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) expect(loaded.issues.map((i) => i.code)).toEqual(c.codes);
    }
  });
});

describe('prototype keys in the corpus', () => {
  test('loading every case that writes __proto__, constructor or prototype pollutes nothing', async () => {
    const hostile = names.filter((n) => /proto|constructor|smuggle/.test(n));
    expect(hostile.length).toBeGreaterThanOrEqual(10);
    for (const name of hostile) {
      const c = readCase(name);
      const input = inputOf(name, mkdtempSync(join(scratch, `proto-${name}-`)));
      const loaded = await loadScenarioFile(input, { sets: setsOf(c.args), bundledDir: bundledScenariosDir() });
      expect(loaded.ok, name).toBe(false);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
