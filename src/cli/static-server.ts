import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { errorCode } from '../io/error-code.js';
import { UsageError } from './errors.js';

/** Content types of the files a build of the page holds. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` and nothing else: GET and HEAD only, no listing, no path out of the
 * folder (`..`, encoded or not, or a link leading out), `/` as index.html. Every response says
 * not to cache without asking again, so a new build is seen at the next load (the page's service
 * worker keeps its own copy for offline use).
 */
export async function serveStatic(dir: string, host: string, port: number): Promise<StaticServer> {
  const root = await realpath(dir).catch(() => {
    throw new UsageError(`--dir ${dir}: no such folder`);
  });
  const server = createServer((req, res) => void answer(root, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      const code = errorCode(error);
      reject(
        code === 'EADDRINUSE'
          ? new UsageError(`port ${port} is in use on ${host}: choose another with --port (0 picks a free one)`)
          : code === 'EACCES'
            ? new UsageError(`port ${port} needs privileges on this computer: choose one above 1023 with --port`)
            : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
              ? new UsageError(`--host ${host} is not an address of this computer`)
              : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const send = (status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
  const file = await fileFor(root, req.url ?? '/');
  if (file === undefined) return send(404, 'not found');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'Content-Length': String(file.size),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  // pipeline, not pipe: a client that goes away mid-file must close the file too, or each
  // download abandoned (a reload while a large file loads) keeps a descriptor open until the
  // process runs out of them and can serve nothing.
  pipeline(createReadStream(file.path), res, () => undefined);
}

/** The regular file inside `root` that a request's path names, or undefined. */
async function fileFor(root: string, url: string): Promise<{ readonly path: string; readonly size: number } | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  let target = join(root, path);
  if (!inside(root, target)) return undefined;
  try {
    if ((await stat(target)).isDirectory()) target = join(target, 'index.html');
    const real = await realpath(target);
    const info = await stat(real);
    return inside(root, real) && info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}
