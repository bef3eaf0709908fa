import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocatedMap, LocatedNode } from './located.js';

/**
 * Parsed trees of the bundled scenario files, made at build time (dist/parse-cache.json) and
 * keyed by a hash of each file's text: parsing a 1,000-line commented YAML file costs the
 * `yaml` library 100–200 ms cold, reading its tree back costs a few. A file whose text changed
 * simply misses the cache, so the cache can never disagree with the file it stands for.
 * Positions are stored without a file name and take the name of the file being read.
 */
export const PARSE_CACHE_FILE = 'parse-cache.json';

export function textKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let cache: Map<string, LocatedMap> | undefined;

function loadCache(): Map<string, LocatedMap> {
  if (cache !== undefined) return cache;
  cache = new Map();
  // The bundle lives in dist/ or dist/<layer>/; sources run from src/scenario/ without a cache.
  for (const rel of [`./${PARSE_CACHE_FILE}`, `../${PARSE_CACHE_FILE}`]) {
    try {
      const entries = JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as Record<string, LocatedMap>;
      for (const [key, tree] of Object.entries(entries)) cache.set(key, tree);
      break;
    } catch {
      // No cache next to this module: every file is parsed.
    }
  }
  return cache;
}

/** The cached tree for this text, placed in `file`, or undefined. */
export function cachedTree(text: string, file: string): LocatedMap | undefined {
  const tree = loadCache().get(textKey(text));
  return tree === undefined ? undefined : (placeIn(tree, file) as LocatedMap);
}

/** A copy of a tree with every position naming `file` ('' to store it). */
export function placeIn(node: LocatedNode, file: string): LocatedNode {
  switch (node.kind) {
    case 'scalar':
      return { ...node, at: { ...node.at, file } };
    case 'list':
      return { ...node, at: { ...node.at, file }, items: node.items.map((n) => placeIn(n, file)) };
    case 'map':
      return { ...node, at: { ...node.at, file }, entries: node.entries.map((e) => ({ key: e.key, keyAt: { ...e.keyAt, file }, value: placeIn(e.value, file) })) };
  }
}
