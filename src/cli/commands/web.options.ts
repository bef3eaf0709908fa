import { valueOption, type FlagsOf } from '../command-spec.js';
import { UsageError } from '../errors.js';

export const DEFAULT_PORT = 8010;

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a port number from 0 to 65535 (0 picks a free one), got "${value}"`);
  return n;
}

function parseHost(value: string): string {
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(value)) throw new UsageError(`--host must be a host name or an address such as 127.0.0.1, got "${value}"`);
  return value;
}

/** `article10 web`: its options, and the flags its work receives (the command is declared in web.command.ts). */
export const options = {
  port: valueOption('-p, --port <P>', `port to serve on (0 picks a free one)`, parsePort, DEFAULT_PORT),
  host: valueOption('--host <H>', 'address to listen on: 127.0.0.1 serves this computer only; 0.0.0.0 also the local network', parseHost, '127.0.0.1'),
  dir: valueOption('--dir <folder>', 'serve this built page instead of the package\'s (what `npm run web -- --out <folder>` wrote)'),
};

export type WebFlags = FlagsOf<typeof options>;
