import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { argument, defineCommand, flag, listOption, registerCommand, valueOption } from '../../src/cli/command-spec.js';
import { COMMANDS, buildProgram } from '../../src/cli/program.js';
import { cliAsync } from '../helpers/cli.js';

/** Commands declare themselves (commands/<name>.command.ts); the program is their list. */
describe('the command list', () => {
  const program = buildProgram();

  test('every declared command is registered once, in the order of the list, with its summary', () => {
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const spec of COMMANDS) expect(spec.summary, spec.name).toMatch(/^[a-z].{10,}[^.]$/);
  });

  test('every command renders its help, naming each declared option', () => {
    for (const command of program.commands) {
      const help = command.helpInformation();
      expect(help, command.name()).toMatch(new RegExp(`^Usage: article10 ${command.name()} `));
      for (const option of command.options) expect(help, `${command.name()} ${option.long}`).toContain(option.flags);
    }
  });

  test('a command that writes --out offers --force right after it, and --out comes last', () => {
    const withOut = program.commands.filter((c) => c.options.some((o) => o.long === '--out'));
    expect(withOut.map((c) => c.name()).sort()).toEqual(['backtest', 'compare', 'discover', 'explain', 'kit', 'merge', 'report', 'rewrite', 'run', 'schema', 'sensitivity', 'sweep']);
    for (const command of withOut) expect(command.options.slice(-2).map((o) => o.long), command.name()).toEqual(['--out', '--force']);
  });

  test('every command that takes --runs gives its limit in its help', () => {
    const withRuns = program.commands.filter((c) => c.options.some((o) => o.long === '--runs'));
    expect(withRuns.length).toBeGreaterThan(5);
    for (const command of withRuns) expect(command.options.find((o) => o.long === '--runs')!.description, command.name()).toContain('(1 to 1,000,000,000)');
  });

  test('a shared option reads the same in every command that takes it', () => {
    for (const long of ['--seed', '--set', '--yes', '--shard', '--force']) {
      // --force means one thing where --out is a file and another where it is a folder of files.
      for (const folder of [false, true]) {
        const commands = program.commands.filter((c) => c.options.some((o) => o.long === '--out' && o.flags.includes('<dir>')) === folder);
        const descriptions = new Set(commands.flatMap((c) => c.options.filter((o) => o.long === long).map((o) => `${o.flags} ${o.description}`)));
        expect(descriptions.size, `${long}${folder ? ' (--out <dir>)' : ''}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('declarations stay light', () => {
  const dir = new URL('../../src/cli/commands/', import.meta.url);
  const staticImports = (file: URL) => [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)';$/gm)].map((m) => m[1]!);

  test('a declaration and the program load no command\'s work until it runs (commands/<name>.ts is imported lazily)', () => {
    const declarations = readdirSync(dir).filter((f) => f.endsWith('.command.ts'));
    expect(declarations.length).toBe(COMMANDS.length);
    // A declaration's work is its sibling ./<name>.js; the program's, ./commands/<name>.js.
    for (const f of declarations) for (const spec of staticImports(new URL(f, dir))) expect(spec, `${f}: ${spec}`).not.toMatch(/^\.\/[a-z-]+\.js$/);
    for (const spec of staticImports(new URL('../program.ts', dir))) expect(spec, `program.ts: ${spec}`).not.toMatch(/^\.\/commands\/[a-z-]+\.js$/);
  });
});

describe('a declared command', () => {
  function programWith(action: (args: unknown, flags: unknown, given: (option: string) => boolean) => void) {
    const program = new Command('t').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    registerCommand(
      program,
      defineCommand({
        name: 'go',
        summary: 'a command for the test',
        arguments: [argument('<first>', 'required'), argument('[rest...]', 'repeatable')],
        options: {
          count: valueOption('-c, --count <N>', 'a number', Number, 3),
          label: valueOption('--label <text>', 'a text without a default'),
          tag: listOption('--tag <t>', 'repeatable'),
          loud: flag('--loud', 'a switch'),
          dryRun: flag('--dry-run', 'two words'),
        },
        async action(args, flags, given) {
          action(args, flags, (option) => given(option as 'count'));
        },
      }),
    );
    return program;
  }

  test('its action receives the arguments in order and the flags parsed, defaults filled in', async () => {
    let seen: unknown[] = [];
    await programWith((...a) => (seen = a)).parseAsync(['go', 'a', 'b', 'c', '--tag', 'x', '--tag', 'y', '--dry-run', '-c', '7'], { from: 'user' });
    expect(seen[0]).toEqual(['a', ['b', 'c']]);
    expect(seen[1]).toEqual({ count: 7, tag: ['x', 'y'], dryRun: true });
    const given = seen[2] as (option: string) => boolean;
    expect([given('count'), given('label'), given('loud')]).toEqual([true, false, false]);
  });

  test('an optional argument left out is undefined, a repeatable one an empty list; defaults are not "given"', async () => {
    let seen: unknown[] = [];
    await programWith((...a) => (seen = a)).parseAsync(['go', 'only'], { from: 'user' });
    expect(seen[0]).toEqual(['only', []]);
    expect(seen[1]).toEqual({ count: 3, tag: [] });
    expect((seen[2] as (option: string) => boolean)('count')).toBe(false);
  });

  test('an option declared under another name than commander gives it is refused when the program is built', () => {
    const spec = defineCommand({ name: 'bad', summary: 'misnamed option', arguments: [], options: { morris: valueOption('--morris-runs <N>', 'x') }, action: async () => undefined });
    expect(() => registerCommand(new Command('t'), spec)).toThrow(/declared as "morris"; name it "morrisRuns"/);
  });
});

/**
 * The help of the program and of every command, as a user sees it (80 columns, no terminal).
 * A change is deliberate: regenerate with
 * UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/cli/registry.test.ts
 */
test('the help texts are as recorded', async () => {
  const pages = await Promise.all([[], ...COMMANDS.map((c) => [c.name])].map(async (words) => {
    const r = await cliAsync([...words, '--help']);
    expect(r.code, r.stderr).toBe(0);
    return `$ ${['article10', ...words, '--help'].join(' ')}\n${r.stdout}\n`;
  }));
  const text = pages.join('');
  const file = new URL('./help.golden.txt', import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
});

test('`article10 help [command]` prints what --help prints; an unknown command named there is refused with exit 2', async () => {
  for (const words of [[], ['run'], ['report']]) {
    const [asked, flagged] = await Promise.all([cliAsync(['help', ...words]), cliAsync([...words, '--help'])]);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toBe(flagged.stdout);
  }
  // `help help`, as git and npm answer it: the program's help, not an unknown command.
  const helpOfHelp = await cliAsync(['help', 'help']);
  expect(helpOfHelp.code, helpOfHelp.stderr).toBe(0);
  expect(helpOfHelp.stdout).toMatch(/^Usage: article10 /);
  const unknown = await cliAsync(['help', 'nope']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown command "nope"');
});

test('--help wins over the rest of the line, as in git and npm: a bad value given with it does not hide the help; after `--` it is a file name', async () => {
  const help = await cliAsync(['run', '--help']);
  for (const words of [['run', '--help', '--runs', 'x'], ['run', 'missing.yaml', '--runs', 'x', '-h'], ['run', '--seed', '', '--help']]) {
    const r = await cliAsync(words);
    expect(r.code, words.join(' ')).toBe(0);
    expect(r.stdout).toBe(help.stdout);
  }
  const afterDashes = await cliAsync(['run', '--', '--help']);
  expect(afterDashes.code).toBe(2);
  expect(afterDashes.stderr).toContain('--help: no such file');
});
