import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTextFile } from '../io/read-text.js';
import { LIMITS } from './limits.js';
import type { Origin } from './issue.js';
import type { LoadedScenario } from './loaded.js';
import { textKey } from './parse-cache.js';

/**
 * Loaded scenarios of the bundled files, made at build time (dist/load-cache/, one JSON file
 * per scenario so a run reads only its own): reading,
 * validating and normalising a bundled file means loading the YAML parser and the schema
 * library, which costs more than everything else a short run does. An entry holds what the
 * full loader returned and the hash of every file of its `extends` chain; if any of those
 * texts changed, the entry is ignored and the file is loaded in full. Entries are keyed by the
 * file's path inside the bundled folder, and used only for an absolute path without --set,
 * so the names in the result are those the full loader would give.
 */
export const LOAD_CACHE_DIR = 'load-cache';

/** The cache file of a bundled file's path inside the bundled folder (a/b.yaml → a__b.yaml.json). */
export function loadCacheName(rel: string): string {
  return `${rel.replace(/\//g, '__')}.json`;
}

export interface LoadCacheEntry {
  /** The chain, relative to the bundled folder, each with the hash of its text. */
  readonly chain: readonly { readonly file: string; readonly key: string }[];
  readonly scenario: LoadedScenario['scenario'];
  readonly warnings: readonly string[];
  readonly document: unknown;
  /** Where `baseline:` is written, its file relative to the bundled folder. */
  readonly baselineAt?: Origin;
}

/** Where the cache may be: the bundle lives in dist/ or dist/<layer>/; sources run from src/scenario/ without one. */
const CACHE_DIRS = ['./', '../'].map((up) => fileURLToPath(new URL(`${up}${LOAD_CACHE_DIR}/`, import.meta.url)));

async function cacheEntry(rel: string, dirs: readonly string[]): Promise<unknown> {
  for (const dir of dirs) {
    try {
      return JSON.parse(await readFile(join(dir, loadCacheName(rel)), 'utf8')) as unknown;
    } catch {
      // No cache there, or no entry for this file: it is loaded in full.
    }
  }
  return undefined;
}

/** The path of `file` inside `dir` with forward slashes, or undefined if it is not inside. */
export function insideFolder(dir: string, file: string): string | undefined {
  const rel = relative(dir, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** A damaged cache file is ignored (the file is loaded in full), never trusted. */
function isEntry(e: unknown): e is LoadCacheEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Partial<Record<keyof LoadCacheEntry, unknown>>;
  return (
    Array.isArray(x.chain) &&
    x.chain.length > 0 &&
    x.chain.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as { file?: unknown }).file === 'string' && typeof (c as { key?: unknown }).key === 'string') &&
    typeof x.scenario === 'object' &&
    x.scenario !== null &&
    Array.isArray(x.warnings) &&
    x.warnings.every((w: unknown) => typeof w === 'string') &&
    (x.baselineAt === undefined || isOrigin(x.baselineAt))
  );
}

function isOrigin(o: unknown): o is Origin {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Partial<Record<keyof Origin, unknown>>;
  return typeof x.file === 'string' && !isAbsolute(x.file) && !x.file.split('/').includes('..') && Number.isInteger(x.line) && Number.isInteger(x.column);
}

/** The cached load of a bundled file, if every file of its chain still has the text it was built from. */
export async function cachedLoad(path: string, bundledDir: string, cacheDirs: readonly string[] = CACHE_DIRS): Promise<LoadedScenario | undefined> {
  if (!isAbsolute(path)) return undefined;
  const rel = insideFolder(bundledDir, path);
  if (rel === undefined) return undefined;
  const entry = await cacheEntry(rel, cacheDirs);
  if (entry === undefined || !isEntry(entry)) return undefined;
  const chain = entry.chain.map((c, i) => (i === 0 ? path : join(bundledDir, c.file)));
  for (let i = 0; i < chain.length; i++) {
    // Read as the full loader reads: a file that is not a regular text file is loaded in full, and refused there.
    const read = await readTextFile(chain[i]!, LIMITS.maxFileBytes);
    if (!read.ok || textKey(read.text) !== entry.chain[i]!.key) return undefined;
  }
  const at = entry.baselineAt;
  const baselineAt = at === undefined ? {} : { baselineAt: { ...at, file: join(bundledDir, at.file) } };
  return { scenario: entry.scenario, warnings: [...entry.warnings], file: path, chain, document: entry.document, ...baselineAt };
}
