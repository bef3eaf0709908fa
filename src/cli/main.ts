#!/usr/bin/env node
import { CommanderError } from 'commander';
import { errorCode } from '../io/error-code.js';
import { ExitCode, UsageError } from './errors.js';
import { printToStderr } from './output.js';
import { buildProgram, helpWins } from './program.js';

// Ink's colour library ignores NO_COLOR; FORCE_COLOR=0 must be set before it loads.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

// A reader that stops reading (`| head`, `| true`) closes the pipe: it has what it wanted. A
// write our own writer makes (output.ts) listens for its error and goes on, so the command still
// says its problems on stderr and exits with its code. A write that nothing else listens for
// (commander's help and version) would end in a stack trace: the reader is gone, so the process
// ends quietly; any other stdout error is one line and exit 1.
process.stdout.on('error', (error) => {
  if (process.stdout.listenerCount('error') > 1) return;
  if (errorCode(error) === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok);
  printToStderr(`article10: cannot write to stdout: ${error.message}\n`);
  process.exit(ExitCode.failure);
});

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(helpWins(argv));
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof UsageError) {
      printToStderr(`article10: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    printToStderr(`article10: internal error (please report it):\n${message}\n`);
    return ExitCode.failure;
  }
}

process.exitCode = await main(process.argv);
