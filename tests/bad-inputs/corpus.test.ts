import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
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
 * command as a real process, `run <input> --json --out <tmp>/out.json [args]` or the command
 * line the case gives, and must exit 2 with exactly the expected stderr (file:line:column,
 * field path and message per problem), no stack trace, nothing on stdout and nothing written.
 * Each process runs with a small heap, so a case that needed unbounded memory would crash
 * instead of passing, and is killed after a while, so a case that blocked (reading a named
 * pipe) fails instead of hanging.
 */

const CORPUS = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
const VALID = join(CORPUS, '_support', 'valid.yaml');
const INPUT_EXTENSIONS = ['yaml', 'json', 'bin'];
/** 96 MB of heap per case: an unbounded expansion would run out of it. */
const HEAP_CAP = ['--max-old-space-size=96'];

/** What a case runs unless it gives `command:`. */
const DEFAULT_COMMAND = ['run', '<input>', '--json', '--out', '<tmp>/out.json'];

interface Case {
  readonly name: string;
  readonly command: readonly string[];
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
  const command = field('command');
  const args = field('args');
  const codes = field('codes');
  if (command !== undefined && codes !== undefined) throw new Error(`${name}.expected: codes are the scenario loader's, for the default command only`);
  return {
    name,
    command: command === undefined ? DEFAULT_COMMAND : (JSON.parse(command) as string[]),
    args: args === undefined ? [] : (JSON.parse(args) as string[]),
    codes: codes?.split(' '),
    stderr: text.slice(split + 5),
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'article10-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the valid base in the case's folder, as `name`.yaml: for an --out to point at. */
function validCopy(dir: string, name: string): string {
  const file = join(dir, `${name}.yaml`);
  copyFileSync(VALID, file);
  return file;
}

/** loop-a.yaml and loop-b.yaml, symbolic links to each other: returns loop-a.yaml. */
function symlinkLoop(dir: string): string {
  symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
  return join(dir, 'loop-a.yaml');
}

/** Inputs the test builds: too big to commit, links, a named pipe, a read-only file, a path that must not exist. */
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
  'extends-symlink-loop': (dir) => {
    symlinkLoop(dir);
    const file = join(dir, 'extends-symlink-loop.yaml');
    writeFileSync(file, 'extends: loop-a.yaml\nid: corpus-symlink-loop\n');
    return file;
  },
  'scenario-symlink-loop': (dir) => symlinkLoop(dir),
  'utf16-file': (dir) => {
    const file = join(dir, 'utf16-file.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: corpus-utf16\n', 'utf16le')]));
    return file;
  },
  'file-not-found': (dir) => join(dir, 'no-such-scenario.yaml'),
  'out-is-input': (dir) => validCopy(dir, 'out-is-input'),
  'out-is-input-symlink': (dir) => {
    const file = validCopy(dir, 'out-is-input-symlink');
    symlinkSync(file, join(dir, 'link.yaml'));
    return file;
  },
  'out-is-input-hard-link': (dir) => {
    const file = validCopy(dir, 'out-is-input-hard-link');
    linkSync(file, join(dir, 'hard-link.yaml'));
    return file;
  },
  'out-is-compared-file': (dir) => validCopy(dir, 'out-is-compared-file'),
  'out-is-experiment': (dir) => validCopy(dir, 'out-is-experiment'),
  'out-is-extended-file': (dir) => {
    validCopy(dir, 'base');
    const file = join(dir, 'out-is-extended-file.yaml');
    writeFileSync(file, 'extends: base.yaml\nid: corpus-extends\n');
    return file;
  },
  'out-read-only': (dir) => {
    writeFileSync(join(dir, 'read-only.json'), 'earlier results\n');
    chmodSync(join(dir, 'read-only.json'), 0o444);
    return VALID;
  },
  'baseline-symlink-out': (dir) => {
    symlinkSync('/etc/passwd', join(dir, 'innocent.yaml'));
    return validWith(dir, 'baseline-symlink-out.yaml', 'baseline: innocent.yaml\n');
  },
  'fifo-scenario-run': (dir) => fifo(dir, 'pipe.yaml'),
  'fifo-scenario-validate': (dir) => fifo(dir, 'pipe.yaml'),
  'fifo-extends': (dir) => {
    fifo(dir, 'pipe.yaml');
    const file = join(dir, 'fifo-extends.yaml');
    writeFileSync(file, 'extends: pipe.yaml\nid: corpus-fifo-extends\n');
    return file;
  },
  'fifo-baseline': (dir) => {
    fifo(dir, 'pipe.yaml');
    return validWith(dir, 'fifo-baseline.yaml', 'baseline: pipe.yaml\n');
  },
  'fifo-experiment-scenario': (dir) => {
    fifo(dir, 'pipe.yaml');
    const file = join(dir, 'experiment.yaml');
    writeFileSync(file, 'scenario: pipe.yaml\nvary: ["candidate.interest=0.1:0.5:3"]\n');
    return file;
  },
  'fifo-merge-part': (dir) => fifo(dir, 'part.json'),
  'merge-parts-too-large': (dir) => {
    // Five parts of 500 MiB, each under a part's limit, together over the limit of all parts:
    // sparse files, refused by their size before a byte of them is read.
    for (let i = 1; i <= 5; i++) {
      const part = join(dir, `part-${i}.json`);
      writeFileSync(part, '');
      truncateSync(part, 500 * 1024 * 1024);
    }
    return join(dir, 'part-1.json');
  },
  'flow-2mb-json-array': (dir) => {
    const file = join(dir, 'array.json');
    writeFileSync(file, `[${'1,'.repeat(LIMITS.maxFileBytes / 2 - 2)}1]`);
    return file;
  },
  'flow-2mb-yaml-sequence': (dir) => {
    const file = join(dir, 'sequence.yaml');
    writeFileSync(file, `{a: [${'[],'.repeat(Math.floor(LIMITS.maxFileBytes / 3) - 3)}[]]}`);
    return file;
  },
  'flow-near-token-limit': (dir) => {
    // Just under the token limit: the heaviest file the parser is let build, 49,990 values.
    const file = join(dir, 'near-limit.json');
    writeFileSync(file, `[${'1,'.repeat(49_989)}1]`);
    return file;
  },
  'flow-near-token-limit-commas': (dir) => {
    // Just under the token limit, every token a syntax error: an error object each.
    const file = join(dir, 'commas.yaml');
    writeFileSync(file, `[${','.repeat(LIMITS.maxTokens - 10)}]`);
    return file;
  },
  'line-endings-cr-only': (dir) => {
    // horizon-before-year.yaml with a carriage return alone ending each line: same problem, same line and column.
    const file = join(dir, 'line-endings-cr-only.yaml');
    writeFileSync(file, readFileSync(join(CORPUS, 'horizon-before-year.yaml'), 'utf8').replaceAll('\n', '\r'));
    return file;
  },
};

/** A named pipe: reading it waits for a writer that never comes. */
function fifo(dir: string, name: string): string {
  const file = join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

/** The valid base with `lines` added, in the folder it is built in. */
function validWith(dir: string, name: string, lines: string): string {
  const file = join(dir, name);
  writeFileSync(file, `${readFileSync(VALID, 'utf8')}${lines}`);
  return file;
}

/** A folder holding a named pipe: loading from it in this process would block the test itself if the code regressed. */
function holdsPipe(dir: string): boolean {
  return readdirSync(dir).some((f) => lstatSync(join(dir, f)).isFIFO());
}

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
    const command = c.command.map((a) => fill(a.replaceAll('<input>', input)));

    const r = await cliAsync([...command, ...args], { nodeArgs: HEAP_CAP, timeoutMs: 30_000 });
    expect(r.signal, `killed: ${r.stderr}`).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toBe(fill(c.stderr));
    expect(r.stdout).toBe('');
    expect(readdirSync(outDir)).toEqual([]);

    if (c.codes !== undefined) {
      expect(holdsPipe(genDir), 'a case with a named pipe gives no codes: loading it here would block this test if reading regressed').toBe(false);
      // The codes behind the messages, from the loader itself.
      const loaded = await loadScenarioFile(input, { sets: setsOf(c.args), bundledDir: bundledScenariosDir() });
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
