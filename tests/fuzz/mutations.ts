import fc from 'fast-check';

/**
 * Generated values and mutations of JSON documents, for the fuzz tests: a random path in a
 * document is dropped, replaced, retyped, extended, repeated or nudged.
 */

export const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'process', 'require', 'extends', 'dist', 'value', 'kind', 'when', '<<', ''];
export const key = fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 8 }));
export const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, 1, -1, 0.5, 2, 1e308, -1e308, 5e-324, 1999, 2000, 2200, 99999, Number.NaN, Infinity, -Infinity),
  fc.constantFrom('__proto__', 'constructor', 'process.exit(1)', "require('fs')", 'all', 'veto', 'US', 'RU', 'democracy', 'uniform', 'S31', 'bundled:russia-1990', '../x.yaml', ''),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
);
/** A plain object whose keys may be "__proto__": defined as own properties, as JSON.parse would. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
export const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map(objectOf),
})).node;

export type Path = (string | number)[];

export function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

export function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** A value of another type that a confused author might have written instead. */
export function retyped(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return Number.isNaN(Number(v)) ? [v] : Number(v);
  if (typeof v === 'boolean') return v ? 'yes' : 0;
  if (Array.isArray(v)) return objectOf(v.map((item, i) => [String(i), item] as const));
  if (v !== null && typeof v === 'object') return Object.values(v);
  return {};
}

export type Op = 'drop' | 'replace' | 'retype' | 'add' | 'repeat' | 'nudge';
export type Mutation = { op: Op; at: number; value: unknown; key: string; unit: number };
export const mutation = (...ops: Op[]): fc.Arbitrary<Mutation> =>
  fc.record({ op: fc.constantFrom(...ops), at: fc.nat(), value, key, unit: fc.double({ min: 0, max: 1, noNaN: true }) });

/** Applies `m` at one of the document's paths (below the root), chosen among those `within` keeps when it keeps any. */
export function mutate(doc: unknown, m: Mutation, within: (path: Path) => boolean = () => true): unknown {
  const all = pathsOf(doc).slice(1);
  const kept = all.filter(within);
  const paths = kept.length > 0 ? kept : all;
  const path = paths[m.at % paths.length]!;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent = getAt(doc, parentPath) as Record<string | number, unknown> | unknown[];
  const current = getAt(doc, path);
  const set = (target: object, k: string | number, v: unknown) =>
    Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  switch (m.op) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'replace':
      set(parent, last, m.value);
      break;
    case 'retype':
      set(parent, last, retyped(current));
      break;
    case 'add':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) set(current, m.key, m.value);
      else if (Array.isArray(current)) current.push(m.value);
      else set(parent, last, m.value);
      break;
    case 'nudge':
      // Another number of the same kind: a probability stays one, a year stays a year.
      if (typeof current === 'number') set(parent, last, current >= 1800 ? Math.round(current + (m.unit - 0.5) * 20) : current <= 1 ? m.unit : current * 2 * m.unit);
      else if (typeof current === 'boolean') set(parent, last, !current);
      break;
    case 'repeat':
      if (Array.isArray(parent)) parent.push(structuredClone(current));
      else set(parent, last, [current, current]);
      break;
  }
  return doc;
}

