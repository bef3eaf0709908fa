import { constants } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { errorCode } from '../io/error-code.js';
import { findSameFile, inspectOutput, linkEnd, type FileId, type OutputTarget } from '../io/output-target.js';
import { writeToTarget } from '../io/write-output.js';
import { openFailure, specialKind } from '../io/read-text.js';
import { nameOnOneLine } from '../model/unsafe-characters.js';
import { byteSize } from '../report/format.js';
import { terminalText } from '../report/safe-text.js';
import { ExitCode, Interrupted, UsageError } from './errors.js';
import { interruptSignal } from './interrupt.js';

/** `--out -`: stdout, as with no --out. */
export const STDOUT = '-';

/** The --out of the command being run, as checked before any work; inputs read later are compared with it. */
let checked: { readonly out: string; readonly id: FileId | undefined; readonly force: boolean } | undefined;

/**
 * Writes a command's result to --out or stdout. A file is replaced atomically (the old file or
 * the new one, never half); a device or FIFO is written directly and stays what it is. A write
 * that fails is a message and exit 1; Ctrl-C or SIGTERM during it is exit 130, and a file is
 * then left as it was, with no temporary file beside it. Any terminal control that reached the
 * text (a file name, an argument) is written as a visible `\u001b`: in JSON that is the same
 * character, read back unchanged. A file written is named on stderr with its size, so a quiet
 * command still says where its result went; stdout stays the result's alone.
 */
export async function emit(result: string | readonly string[] | Uint8Array, out: string | undefined, options: EmitOptions = {}): Promise<void> {
  // A sweep's rows come as chunks (no row kept as data); the document itself is at most tens of MB.
  // Bytes (a PNG) are written as they are; text has any terminal control made visible.
  const data = result instanceof Uint8Array ? result : terminalText(typeof result === 'string' ? result : result.join(''));
  if (out === undefined || out === STDOUT) return writeStdout(data);
  const interrupt = interruptSignal();
  let target: OutputTarget | undefined;
  try {
    target = await inspectOutput(out);
    // Checked again here: a command run without checkOutPath refuses a read-only file too.
    const force = options.force ?? (checked?.out === out && checked.force);
    if (target.kind === 'file' && target.readOnly && !force) throw readOnlyError(out);
    await writeToTarget(target, data, {
      signal: interrupt.signal,
      // A named pipe nobody reads yet holds the output until someone does, as a shell redirection would.
      onWaitForReader: () => printToStderr(`article10: ${nameOnOneLine(out)} is a named pipe with no reader yet; waiting for one to read the output (Ctrl-C stops)\n`),
    });
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (target.kind === 'file' || target.kind === 'new') printToStderr(`article10: wrote ${nameOnOneLine(out)} (${byteSize(size)})\n`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const direct = target?.kind === 'stream';
    const signal = interrupt.reason ?? 'a signal';
    if (interrupt.signal.aborted) throw new Interrupted(direct ? `interrupted by ${signal} while writing to ${nameOnOneLine(out)}; the output is incomplete` : `interrupted by ${signal}; nothing was written`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${nameOnOneLine(out)}: ${reason}${direct ? '' : '; the file was left as it was'}`, ExitCode.failure);
  } finally {
    interrupt.dispose();
  }
}

export interface EmitOptions {
  /**
   * Replace a read-only file: for a file a command writes into a folder checked with
   * checkOutFolder, the command's --force. Without it, the --force checked with the --out.
   */
  readonly force?: boolean;
}

/**
 * An --out folder a command writes several files into: it exists, or can be made (its parent
 * exists), in which case the answer is true and the command makes it once its work is done.
 * A file of `files` already there is refused unless --force; with or without it, a file there
 * that the command reads, or a path its other outputs take, is refused.
 */
export async function checkOutFolder(option: string, given: string, files: readonly string[], force: boolean, others: OtherOutputs = NO_OTHERS): Promise<boolean> {
  if (given.trim() === '') throw new UsageError(`${option} needs a folder name`);
  // "-" is stdout for a file; a command that writes several files cannot use it.
  if (given === STDOUT) throw new UsageError(`${option} -: this command writes several files; name a folder`);
  const dir = resolve(given);
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new UsageError(`${option} ${given}: is ${info.isFile() ? 'a file' : specialKind(info)}, not a folder; name a folder`);
  const folder = await whereWritten(dir);
  for (const w of otherWrites(others)) {
    if ((await whereWritten(w)) === folder) throw new UsageError(`${option} ${given}: is also the --out (${w}); write them to different places`);
  }
  if (info === undefined) {
    const missing = await noFolder(dirname(dir));
    if (missing !== undefined) throw new UsageError(`${option} ${given}: ${missing}`);
    return true;
  }
  // A name in the folder that is a link (even one that leads nowhere) or not a file: the files
  // are written in the folder itself, so --force must not replace a file elsewhere through a link,
  // nor leave the kit half written when the last name turns out to be a folder.
  for (const f of files) {
    const entry = await lstat(join(dir, f)).catch(() => undefined);
    if (entry === undefined) continue;
    if (entry.isSymbolicLink()) {
      const to = await readlink(join(dir, f)).catch(() => '?');
      throw new UsageError(`${option} ${given}: ${f} there is a symbolic link (to ${to}); the files are written in the folder itself, so remove the link or name another folder`);
    }
    if (!entry.isFile()) throw new UsageError(`${option} ${given}: ${f} there is ${entry.isDirectory() ? 'a folder' : specialKind(entry)}, not a file; remove it or name another folder`);
  }
  const there = files.filter((f) => existsSync(join(dir, f)));
  if (there.length > 0 && !force) throw new UsageError(`${option} ${given}: already holds ${there.join(', ')}; give --force to replace them, or another folder`);
  // --force replaces earlier outputs, never what the command reads or another of its outputs.
  for (const f of files) await refuseOverlap(`${option} ${given}`, join(dir, f), f, others);
  return false;
}

/** What an output besides --out must not be: a file the command reads, or a path another output takes. */
export interface OtherOutputs {
  /** Files the command reads (its scenarios and what they extend), compared by identity. */
  readonly reads: readonly string[];
  /** Paths the command's other outputs take (its --out), compared by where they are written. */
  readonly writes: readonly (string | undefined)[];
}

const NO_OTHERS: OtherOutputs = { reads: [], writes: [] };

/**
 * Why a file cannot be made in `folder`, or undefined when it can be: the folder is not there,
 * or a file (or another kind of thing) stands in its place (`--out notes.txt/x.json`).
 */
async function noFolder(folder: string): Promise<string | undefined> {
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined) return `there is no folder ${folder}`;
  return info.isDirectory() ? undefined : `${folder} is ${info.isFile() ? 'a file' : specialKind(info)}, not a folder`;
}

/**
 * Refuses, before any work, a file a command writes besides its --out (rewrite's --save) that
 * must not or cannot be written: an empty name, stdout (`-`) when the result goes there too, a name that ends with a slash, no folder to
 * write it in, something other than a file, a read-only file, a file the command reads, or the
 * place of another of its outputs.
 */
export async function checkOtherOutput(option: string, path: string, others: OtherOutputs): Promise<void> {
  if (path.trim() === '') throw new UsageError(`${option} needs a file name`);
  // "-" is stdout, as for --out: only when the result goes elsewhere, or the two would be one stream (YAML before JSON).
  if (path === STDOUT) {
    if (others.writes.length === 0 || others.writes.some((w) => w === undefined || w === STDOUT)) {
      throw new UsageError(`${option} -: the result goes to stdout too; name a file, or write the result to one with --out FILE`);
    }
    return;
  }
  if (path.endsWith('/') || path.endsWith(sep)) throw new UsageError(`${option} ${nameOnOneLine(path)}: ends with a slash, so it names a folder; name a file`);
  const folder = dirname(resolve(path));
  const missing = await noFolder(folder);
  if (missing !== undefined) throw new UsageError(`${option} ${nameOnOneLine(path)}: ${nameOnOneLine(missing)}`);
  if (!(await access(folder, constants.W_OK).then(() => true, () => false))) throw new UsageError(`${option} ${nameOnOneLine(path)}: cannot create files in ${nameOnOneLine(folder)}`);
  const target = await inspectOutput(path);
  if (target.kind === 'refused') throw new UsageError(`${option} ${nameOnOneLine(path)}: is ${target.what}; name a file`);
  if (target.kind === 'stream') throw new UsageError(`${option} ${nameOnOneLine(path)}: is not a regular file; name a file to write`);
  if (target.kind === 'file' && target.readOnly) throw new UsageError(`${option} ${nameOnOneLine(path)}: the file is read-only`);
  await refuseOverlap(`${option} ${nameOnOneLine(path)}`, path, undefined, others);
}

/** Refuses an output at `path` that is a file the command reads or the place of another output. */
async function refuseOverlap(label: string, path: string, name: string | undefined, others: OtherOutputs): Promise<void> {
  const at = name === undefined ? '' : ` ${name}`;
  const here = await whereWritten(path);
  for (const w of otherWrites(others)) {
    if ((await whereWritten(w)) === here) throw new UsageError(`${label}:${at} is also the --out file (${w}); write them to different files`);
  }
  const target = await inspectOutput(path).catch(() => undefined);
  if (target === undefined || target.kind === 'new') return;
  const same = (await findSameFile(target.id, others.reads)) ?? (await findSameFile(target.id, otherWrites(others)));
  if (same !== undefined) throw new UsageError(`${label}:${at} is a file this command reads or writes (${same}); write to another ${name === undefined ? 'file' : 'folder'}`);
}

function otherWrites(others: OtherOutputs): string[] {
  return others.writes.filter((w): w is string => w !== undefined && w !== STDOUT);
}

/**
 * Where a path is written, links followed: the file's real path, or for one not there yet its
 * folder's real path and its name (a folder reached through a link is the same folder).
 */
async function whereWritten(path: string): Promise<string> {
  const full = resolve(path);
  const real = await realpath(full).catch(() => undefined);
  if (real !== undefined) return real;
  // A dangling symbolic link is written where it leads (inspectOutput).
  const end = await linkEnd(full).catch(() => full);
  const folder = await realpath(dirname(end)).catch(() => dirname(end));
  return join(folder, basename(end));
}

/** The columns of the terminal a text result goes to, to fit it to; undefined when it goes to a file or a pipe, where it stays whole. */
export function terminalColumns(out: string | undefined): number | undefined {
  return (out === undefined || out === '-') && process.stdout.isTTY ? process.stdout.columns : undefined;
}

/** A message, warning or problem list on stderr, with any terminal control in it made visible. */
export function printToStderr(message: string): void {
  process.stderr.write(terminalText(message));
}

/** A scenario's warnings on stderr, each naming its file: where the output is for machines, they are not in it. */
export function printWarnings(file: string, warnings: readonly string[]): void {
  for (const w of warnings) printToStderr(`warning: ${nameOnOneLine(file)}: ${w}\n`);
}

/** A human-readable listing on stdout (validate's "ok" lines), made safe likewise; a full stdout is a message, a closed one is the reader's choice. */
export async function printToStdout(text: string): Promise<void> {
  await writeStdout(terminalText(text));
}

/**
 * Stdout that cannot be written (a full disk) fails the write's callback and then emits
 * 'error', which with no listener would end the process with a stack trace.
 */
async function writeStdout(text: string | Uint8Array): Promise<void> {
  const stdout = process.stdout;
  const ignore = () => undefined;
  stdout.on('error', ignore);
  const error = await new Promise<Error | null | undefined>((done) => stdout.write(text, done));
  if (!error) {
    stdout.off('error', ignore);
    return;
  }
  // The reader stopped reading (`| head`): it has what it wanted.
  if (errorCode(error) === 'EPIPE') return;
  throw new UsageError(`cannot write to stdout: ${error.message}`, ExitCode.failure);
}

function readOnlyError(out: string): UsageError {
  return new UsageError(`--out ${nameOnOneLine(out)}: the file is read-only; give --force to replace it`);
}

export interface OutCheckOptions {
  /** Files the command reads (as given: paths; a bundled name is checked once it is loaded). */
  readonly inputs?: readonly string[];
  /** Replace a read-only file. */
  readonly force?: boolean;
}

/**
 * Refuses an --out that must not or cannot be written, before any work: an empty name, a
 * folder that does not exist or where the file should be, a read-only file (without --force),
 * a folder this user cannot create files in, or one of the command's own inputs. Called for
 * every command.
 */
export async function checkOutPath(out: unknown, options: OutCheckOptions = {}): Promise<void> {
  checked = undefined;
  if (out === undefined) return;
  if (typeof out !== 'string' || out.trim() === '') throw new UsageError('--out needs a file name');
  if (out === STDOUT) return;
  const shown = nameOnOneLine(out);
  if (out.endsWith('/') || out.endsWith(sep)) throw new UsageError(`--out ${shown}: ends with a slash, so it names a folder; name a file`);
  const missing = await noFolder(dirname(resolve(out)));
  if (missing !== undefined) throw new UsageError(`--out ${shown}: ${nameOnOneLine(missing)}`);
  let target: OutputTarget;
  try {
    target = await inspectOutput(out);
  } catch (error) {
    const code = errorCode(error);
    // A loop of links or an overlong name: said in words; anything else as the system says it.
    const why = code === 'ELOOP' || code === 'ENAMETOOLONG' ? openFailure(error).message : error instanceof Error ? error.message : String(error);
    throw new UsageError(`--out ${shown}: ${why}`);
  }
  if (target.kind === 'refused') throw new UsageError(`--out ${shown}: is ${target.what}; name a file${target.what === 'a folder' ? ' in it' : ''}`);
  if (target.kind === 'file' && target.readOnly && options.force !== true) throw readOnlyError(out);
  if (target.kind !== 'stream') {
    // The temporary file goes beside the target, so its folder must take new files.
    const into = dirname(resolve(target.path));
    // A dangling symbolic link may lead into a folder that is not there.
    const missing = await noFolder(into);
    if (missing !== undefined) throw new UsageError(`--out ${shown}: leads to ${nameOnOneLine(target.path)}, but ${nameOnOneLine(missing)}`);
    if (!(await access(into, constants.W_OK).then(() => true, () => false))) throw new UsageError(`--out ${shown}: cannot create files in ${nameOnOneLine(into)}`);
  }
  checked = { out, id: target.kind === 'new' ? undefined : target.id, force: options.force === true };
  await refuseOutOver(options.inputs ?? []);
}

/**
 * Refuses an --out that is one of `inputs` (by identity: a symbolic or hard link counts), as
 * writing it would destroy what the output is computed from. Commands call it for the files
 * they read once they know them (a scenario's extends chain, its baseline).
 */
export async function refuseOutOver(inputs: readonly string[]): Promise<void> {
  const out = checked;
  if (out?.id === undefined) return;
  const input = await findSameFile(out.id, inputs);
  if (input !== undefined) throw new UsageError(`--out ${out.out}: that file is an input of this command (${input}); write the output to another file`);
}
