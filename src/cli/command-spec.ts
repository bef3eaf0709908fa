import { Option, type Command } from 'commander';
import { collect } from './options.js';
import { checkOutPath } from './output.js';

/**
 * A command declared once, as data: its name, summary, arguments and options. The flags its
 * action receives are typed from the option declarations (FlagsOf), so a flag that is renamed
 * or removed is a compile error in the code that reads it, not an `undefined` at run time.
 */

/** One option: how commander reads it and, as a type only, the value the action gets. */
export interface OptionSpec<T> {
  /** A fresh commander Option (each command gets its own). */
  readonly make: () => Option;
  /** The option names a file the command reads: --out may not be that file. */
  readonly input?: boolean;
  /** An --out that names a folder (the command writes several files into it and checks it itself). */
  readonly folder?: boolean;
  /** Never set: carries the value's type. */
  readonly value?: T;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec<unknown>>>;

type ValueOf<S> = S extends OptionSpec<infer T> ? T : never;
type MaybeKeys<O> = { [K in keyof O]: undefined extends ValueOf<O[K]> ? K : never }[keyof O];

/** The flags object an action receives: an option with a default is always there, others may be absent. */
export type FlagsOf<O extends OptionSpecs> = {
  readonly [K in Exclude<keyof O, MaybeKeys<O>>]: ValueOf<O[K]>;
} & {
  readonly [K in MaybeKeys<O>]?: Exclude<ValueOf<O[K]>, undefined>;
};

/** A positional argument as commander writes it: `<a>` required, `[a]` optional, `...` repeatable. */
export interface ArgumentSpec<N extends string = string> {
  readonly name: N;
  readonly description: string;
}

type ArgumentValue<N extends string> = string extends N ? string | string[] | undefined : N extends `${string}...${string}` ? string[] : N extends `<${string}>` ? string : string | undefined;

/** The arguments an action receives, in order: a string, a string or undefined, or a list. */
export type ArgumentsOf<A extends readonly ArgumentSpec[]> = { -readonly [I in keyof A]: A[I] extends ArgumentSpec<infer N> ? ArgumentValue<N> : never };

export interface CommandSpec<A extends readonly ArgumentSpec[] = readonly ArgumentSpec[], O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** The one line shown in `article10 --help` and above the command's own help. */
  readonly summary: string;
  readonly arguments: A;
  /** In the order the help lists them; each key is the option's camelCase name (--morris-runs: morrisRuns). */
  readonly options: O;
  /** Shown after the options in the command's help: examples, what is checked. */
  readonly helpAfter?: string;
  /**
   * The work, loaded only when the command runs so that other commands do not pay for it.
   * `given(option)` says whether an option was written on the command line (not a default).
   * A number returned is the exit code.
   */
  // A method, not a function property: so that every command, whatever its flags, fits one list of commands.
  action(args: ArgumentsOf<A>, flags: FlagsOf<O>, given: (option: keyof O & string) => boolean): Promise<number | void>;
}

/** Declares a command: types the arguments and flags its action receives. */
export function defineCommand<const A extends readonly ArgumentSpec[], const O extends OptionSpecs>(spec: CommandSpec<A, O>): CommandSpec<A, O> {
  return spec;
}

export function argument<const N extends string>(name: N, description: string): ArgumentSpec<N> {
  return { name, description };
}

/** A switch such as --json: true when given. */
export function flag(flags: string, description: string): OptionSpec<boolean | undefined> {
  return { make: () => new Option(flags, description) };
}

/** An option that takes a value, read by `parse` (which throws a UsageError on a bad one), with or without a default. */
export function valueOption<T = string>(flags: string, description: string, parse?: (value: string) => T): OptionSpec<T | undefined>;
export function valueOption<T = string>(flags: string, description: string, parse: ((value: string) => T) | undefined, fallback: T): OptionSpec<T>;
export function valueOption<T>(flags: string, description: string, parse?: (value: string) => T, fallback?: T): OptionSpec<T | undefined> {
  return {
    make: () => {
      const option = new Option(flags, description);
      if (parse !== undefined) option.argParser(parse);
      if (fallback !== undefined) option.default(fallback);
      return option;
    },
  };
}

/** A repeatable option: every value given, in order (none: an empty list). */
export function listOption(flags: string, description: string): OptionSpec<string[]> {
  return { make: () => new Option(flags, description).argParser(collect).default([]) };
}

/** The same option, marked as naming a file the command reads. */
export function readsFile<T>(option: OptionSpec<T>): OptionSpec<T> {
  return { ...option, input: true };
}

/**
 * Adds a declared command to `program`. Through `program.command` it inherits the program's
 * settings (error output, exit override, help after an error). A command that writes --out
 * checks it before any work: not one of its inputs, not read-only unless --force.
 */
export function registerCommand<A extends readonly ArgumentSpec[], O extends OptionSpecs>(program: Command, spec: CommandSpec<A, O>): Command {
  // The program takes any words (to name an unknown command); a command takes only its own
  // arguments: `compare a b c` would compare a and b and drop c without a word.
  const command = program.command(spec.name).description(spec.summary).allowExcessArguments(false);
  for (const a of spec.arguments) command.argument(a.name, a.description);
  for (const [key, declared] of Object.entries(spec.options)) {
    const option = declared.make();
    if (option.attributeName() !== key) throw new Error(`${spec.name}: option ${option.flags} is declared as "${key}"; name it "${option.attributeName()}"`);
    command.addOption(option);
  }
  if (spec.helpAfter !== undefined) command.addHelpText('after', spec.helpAfter);
  if ('out' in spec.options && spec.options['out']!.folder !== true) {
    const inputOptions = Object.keys(spec.options).filter((key) => spec.options[key]!.input === true);
    command.hook('preAction', async (_command, actionCommand) => {
      const opts = actionCommand.opts();
      const inputs = [...actionCommand.args, ...inputOptions.map((o) => opts[o]).filter((v): v is string => typeof v === 'string')];
      await checkOutPath(opts['out'], { inputs, force: opts['force'] === true });
    });
  }
  command.action(async (...params: unknown[]) => {
    const args = params.slice(0, spec.arguments.length) as ArgumentsOf<A>;
    const code = await spec.action(args, command.opts<FlagsOf<O>>(), (option) => command.getOptionValueSource(option) === 'cli');
    if (typeof code === 'number') process.exitCode = code;
  });
  return command;
}
