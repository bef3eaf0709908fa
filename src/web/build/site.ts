import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { byteSize, shellWord } from '../../report/format.js';
import { scenarioDataFile } from '../app/state/catalog.js';
import { siteData } from './data.js';
import { serviceWorker } from './service-worker.js';

/**
 * `npm run web`: builds the web explorer as a static site (web-dist/ unless --out says where):
 * the page, its Web Workers, the scenario data and a service worker that keeps it all for
 * offline use. No server code: any static host serves it, and `article10 web` serves it here.
 */

/** The repository: this script runs from src/web/build/ or dist/web/build/. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = join(ROOT, 'src', 'web');
export const DEFAULT_SITE_DIR = join(ROOT, 'web-dist');

/** The Node modules that code shared with the command line imports, and their stand-ins in the page. */
const STAND_INS: Readonly<Record<string, string>> = {
  'node:fs': 'fs.ts',
  'node:fs/promises': 'fs-promises.ts',
  'node:path': 'path.ts',
  'node:url': 'url.ts',
  'node:crypto': 'crypto.ts',
  'node:os': 'os.ts',
  'node:worker_threads': 'threads.ts',
  'node:v8': 'threads.ts',
};

const nodeStandIns: Plugin = {
  name: 'node-stand-ins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      const file = STAND_INS[args.path];
      if (file === undefined) return { errors: [{ text: `${args.path} (imported by ${relative(ROOT, args.importer)}) has no stand-in in the page: see src/web/platform/` }] };
      return { path: join(SRC, 'platform', file) };
    });
  },
};

/** The entry points: the page and its three kinds of worker (named, so the page can start them). */
const ENTRIES = {
  main: join(SRC, 'app', 'main.tsx'),
  'worker-ranges': join(SRC, 'workers', 'ranges.ts'),
  'worker-debate': join(SRC, 'workers', 'debate.ts'),
  'worker-rewrite': join(SRC, 'workers', 'rewrite.ts'),
};

export interface SiteSizes {
  /** Gzipped bytes of the code the page loads before its first results: the page, the range worker and what they import at once. */
  readonly firstLoad: number;
  /** Gzipped bytes of all the code, lazy chunks and the debate and rewrite workers included. */
  readonly allCode: number;
  /** Gzipped bytes of the scenario data (not code). */
  readonly data: number;
}

export async function buildSite(out: string = DEFAULT_SITE_DIR): Promise<SiteSizes> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data', 'scenarios'), { recursive: true });
  const result = await build({
    entryPoints: ENTRIES,
    outdir: join(out, 'assets'),
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'linked',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    inject: [join(SRC, 'platform', 'globals.ts')],
    plugins: [nodeStandIns],
    logLevel: 'warning',
  });

  const data = await siteData(join(ROOT, 'scenarios'));
  writeFileSync(join(out, 'data', 'index.json'), JSON.stringify(data.index));
  for (const [name, scenario] of data.scenarios) writeFileSync(join(out, 'data', 'scenarios', scenarioDataFile(name)), JSON.stringify(scenario));
  writeFileSync(join(out, 'data', 'files.json'), JSON.stringify(data.files));

  const html = readFileSync(join(SRC, 'app', 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), html);
  const files = listFiles(out);
  const version = createHash('sha256');
  for (const f of files) version.update(f).update(readFileSync(join(out, f)));
  writeFileSync(join(out, 'sw.js'), serviceWorker(version.digest('hex').slice(0, 16), ['./', ...files.filter((f) => f !== 'index.html')]));
  const measured = sizes(out, result.metafile);
  // For the benchmark, which reports them: not part of the page.
  writeFileSync(join(out, BUILD_INFO), JSON.stringify(measured));
  return measured;
}

/** The build's sizes (SiteSizes) as JSON, next to the page. */
export const BUILD_INFO = 'build-info.json';

function listFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub))
    .sort()
    .flatMap((name) => {
      const rel = sub === '' ? name : `${sub}/${name}`;
      return statSync(join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
    });
}

function gzipped(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** What the page fetches before its first results, from the metafile's static imports. */
function sizes(out: string, meta: Metafile): SiteSizes {
  const outputs = meta.outputs;
  const key = (name: string) => Object.keys(outputs).find((k) => resolve(k) === resolve(join(out, 'assets', name)))!;
  const first = new Set<string>();
  const visit = (k: string) => {
    if (first.has(k)) return;
    first.add(k);
    for (const imp of outputs[k]!.imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(key('main.js'));
  visit(key('worker-ranges.js'));
  const css = Object.keys(outputs).filter((k) => k.endsWith('.css'));
  const code = Object.keys(outputs).filter((k) => k.endsWith('.js') || k.endsWith('.css'));
  const sum = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + gzipped(resolve(k)), 0);
  return {
    firstLoad: sum([...first, ...css]) + gzipped(join(out, 'index.html')),
    allCode: sum(code) + gzipped(join(out, 'index.html')) + gzipped(join(out, 'sw.js')),
    data: ['index.json', 'files.json'].reduce((n, f) => n + gzipped(join(out, 'data', f)), 0) + readdirSync(join(out, 'data', 'scenarios')).reduce((n, f) => n + gzipped(join(out, 'data', 'scenarios', f)), 0),
  };
}

/** Run as a script: `node dist/web/build/site.js [--out DIR]`. */
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at >= 0 ? resolve(process.argv[at + 1] ?? '') : DEFAULT_SITE_DIR;
  const s = await buildSite(out);
  // The package's own page is what `web` serves by default; another folder needs --dir.
  const rel = relative(process.cwd(), out);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
  const serve = out === DEFAULT_SITE_DIR ? 'npx article10 web' : `npx article10 web --dir ${shellWord(shown)}`;
  process.stderr.write(
    `article10: built the web explorer in ${shown} (code loaded first ${byteSize(s.firstLoad)} gzipped, all code ${byteSize(s.allCode)}, scenario data ${byteSize(s.data)}); serve it with: ${serve}\n`,
  );
}
