import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { networkNote } from '../../src/cli/commands/web.js';
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

  // A machine with IPv6 switched off cannot listen on ::.
  const ipv6 = Object.values(networkInterfaces()).some((a) => (a ?? []).some((x) => x.family === 'IPv6'));
  it.skipIf(!ipv6)('--host :: (every address, IPv6 and IPv4) prints an address a browser opens, and the network addresses', async () => {
    const r = await serveOnce(['--host', '::', '--port', '0']);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(r.stderr).toMatch(/, and from the network at |\(and on the network, but this computer has no network address now\)/);
  });

  it('the default host serves this computer alone and names no network address', async () => {
    const r = await serveOnce(['--port', '0']);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    for (const address of networkAddresses) expect(r.stderr).not.toContain(address);
  });
});

describe('the network addresses named for a server on every address', () => {
  const address = (a: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address: a, family, internal, netmask: '', mac: '', cidr: null }) as never;

  it('every outside IPv4 address, none of the loopback or IPv6 ones', () => {
    const note = networkNote(8080, { lo: [address('127.0.0.1', 'IPv4', true)], eth0: [address('192.0.2.7', 'IPv4', false), address('fe80::1', 'IPv6', false)], wlan0: [address('198.51.100.3', 'IPv4', false)] });
    expect(note).toBe(', and from the network at http://192.0.2.7:8080/, http://198.51.100.3:8080/');
  });

  it('says so when the computer has no network address', () => {
    expect(networkNote(8080, { lo: [address('127.0.0.1', 'IPv4', true)] })).toBe(' (and on the network, but this computer has no network address now)');
  });
});
