import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/cli/static-server.js';

/** A request as a client sends it: the raw path (no normalising of `..`), any method. */
function fetchRaw(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asks for a file and goes away after its first bytes, as a reload during a slow download does. */
function abandon(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', () => resolve());
    req.end();
  });
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('the web server serves its folder and nothing else', () => {
  let root: string;
  let outside: string;
  let server: StaticServer;
  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'article10-static-'));
    root = join(base, 'page');
    outside = join(base, 'secret.txt');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'index.html'), '<p>page</p>');
    writeFileSync(join(root, 'assets', 'big.js'), 'x'.repeat(8_000_000));
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(root, 'link.txt'));
    server = await serveStatic(root, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('serves index.html at / and a file by its path', async () => {
    expect(await fetchRaw(server.port, '/')).toEqual({ status: 200, body: '<p>page</p>' });
    expect((await fetchRaw(server.port, '/assets/big.js')).body.length).toBe(8_000_000);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/index.html%00.png', '/%', '/%ff', '/link.txt', '/empty', 'http://x/../secret.txt', '*'])(
    '%s is not found',
    async (path) => {
      const r = await fetchRaw(server.port, path);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('secret');
    },
  );

  it('reads //secret.txt as a URL with a host, not as a path out of the folder', async () => {
    expect((await fetchRaw(server.port, '//secret.txt')).body).not.toContain('secret');
  });

  it('answers other methods with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) expect((await fetchRaw(server.port, '/', method)).status).toBe(405);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file of a download the client abandons', async () => {
    const before = openDescriptors();
    for (let i = 0; i < 40; i++) await abandon(server.port, '/assets/big.js');
    // The server closes them as it sees each client go; give it a moment to.
    await new Promise((r) => setTimeout(r, 300));
    expect(openDescriptors() - before).toBeLessThan(10);
  });
});
