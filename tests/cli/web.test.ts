import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtPageDir } from '../../src/io/paths.js';
import { startCli } from '../helpers/cli.js';

/** Starts `article10 web` with these flags, waits for its address, stops it, and returns what it printed. */
async function serveOnce(args: readonly string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const { child, done } = startCli(['web', ...args]);
  await new Promise<void>((ready, fail) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer | string) => {
      seen += String(d);
      if (seen.includes('Ctrl-C stops')) ready();
    });
    void done.then((r) => fail(new Error(`article10 web exited early: ${r.stderr}`)));
  });
  child.kill('SIGTERM');
  const r = await done;
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const networkAddresses = Object.values(networkInterfaces())
  .flatMap((a) => a ?? [])
  .filter((a) => a.family === 'IPv4' && !a.internal)
  .map((a) => a.address);

describe.skipIf(builtPageDir() === undefined)('article10 web', () => {
  it('--host 0.0.0.0 names the addresses the classroom network reaches it at, not only this computer\'s', async () => {
    if (networkAddresses.length === 0) return; // a machine with no network has nothing to name
    const r = await serveOnce(['--host', '0.0.0.0', '--port', '0']);
    const port = /^http:\/\/127\.0\.0\.1:(\d+)\/\n$/.exec(r.stdout)?.[1];
    expect(port, r.stdout).toBeDefined();
    for (const address of networkAddresses) expect(r.stderr).toContain(`http://${address}:${port}/`);
  });

  it('the default host serves this computer alone and names no network address', async () => {
    const r = await serveOnce(['--port', '0']);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    for (const address of networkAddresses) expect(r.stderr).not.toContain(address);
  });
});
