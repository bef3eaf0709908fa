import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { builtPageDir } from '../../io/paths.js';
import { UsageError } from '../errors.js';
import { printToStderr, printToStdout } from '../output.js';
import { serveStatic } from '../static-server.js';
import type { WebFlags } from './web.options.js';

/** `article10 web`: serves the built page until Ctrl-C or SIGTERM; its address on stdout, the rest on stderr. */
export async function webCommand(flags: WebFlags): Promise<void> {
  const dir = flags.dir === undefined ? builtPageDir() : resolve(flags.dir);
  if (dir === undefined) throw new UsageError('the web explorer is not built: run `npm run web` first (it writes web-dist/), then `npx article10 web`');
  // A folder without the page would serve nothing but "not found", page after page.
  if (flags.dir !== undefined) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() !== true) throw new UsageError(`--dir ${flags.dir}: ${info === undefined ? 'there is no such folder' : 'is not a folder'}; name the folder \`npm run web -- --out <folder>\` wrote`);
    if (!existsSync(join(dir, 'index.html'))) throw new UsageError(`--dir ${flags.dir}: holds no index.html, so it is not a built page; name the folder \`npm run web -- --out <folder>\` wrote`);
  }
  const server = await serveStatic(dir, flags.host, flags.port);
  // Listening for Ctrl-C and SIGTERM before the address is out: whoever reads it may stop us at once.
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // 0.0.0.0 and :: listen on every address: no browser opens them, so this computer's own address is printed.
  const everywhere = flags.host === '0.0.0.0' || flags.host === '::';
  const shownHost = everywhere ? '127.0.0.1' : flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  const url = `http://${shownHost}:${server.port}/`;
  await printToStdout(`${url}\n`);
  printToStderr(`article10: serving the web explorer from ${dir} at ${url}${everywhere ? networkNote(server.port) : ''}; Ctrl-C stops\n`);
  await stopped;
  printToStderr('article10: stopped serving\n');
}

/**
 * Where the rest of the network reaches a server listening on every address: what to give a
 * class, since 127.0.0.1 is this computer alone.
 */
export function networkNote(port: number, interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string {
  const urls = Object.values(interfaces)
    .flatMap((addresses) => addresses ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a.address}:${port}/`);
  return urls.length === 0
    ? ' (and on the network, but this computer has no network address now)'
    : `, and from the network at ${urls.join(', ')}`;
}
