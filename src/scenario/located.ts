import type { Origin } from './issue.js';

/**
 * A scenario document in which every value and key remembers where it was written. Extends and
 * --set edit this tree (so positions travel with the values through merges), and validation
 * errors are mapped back to a position by walking it. User keys are stored as data, never as
 * property names, so no key can reach an object prototype.
 */
export type ScalarValue = string | number | boolean | null;

export interface LocatedScalar {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  readonly at: Origin;
  /** A number as the file wrote it (`0x10`, `1e3`), for fields that read it as text. */
  readonly written?: string;
}

export interface LocatedEntry {
  readonly key: string;
  readonly keyAt: Origin;
  readonly value: LocatedNode;
}

export interface LocatedMap {
  readonly kind: 'map';
  readonly at: Origin;
  readonly entries: readonly LocatedEntry[];
}

export interface LocatedList {
  readonly kind: 'list';
  readonly at: Origin;
  readonly items: readonly LocatedNode[];
}

export type LocatedNode = LocatedScalar | LocatedMap | LocatedList;

/** A step in a path: a map key or a list index. */
export type PathSegment = string | number;

export function findEntry(map: LocatedMap, key: string): LocatedEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/**
 * The plain data the schema validates. Maps become null-prototype objects: a key such as
 * "toString" is then just a key, and nothing inherited can answer for a missing field.
 */
export function toPlain(node: LocatedNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'list':
      return node.items.map(toPlain);
    case 'map': {
      const out = Object.create(null) as Record<string, unknown>;
      for (const e of node.entries) out[e.key] = toPlain(e.value);
      return out;
    }
  }
}

/**
 * Where to point for a problem at `path`. When the path exists, its value's position (or its
 * key's, for problems with the key itself). When it does not (a missing field), the closest
 * existing ancestor: the key that introduced it, or the list item holding it.
 */
export function locate(root: LocatedNode, path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Origin {
  let node: LocatedNode = root;
  let keyAt: Origin = root.at;
  for (const segment of path) {
    const next = child(node, segment);
    // A field missing from a value that --set wrote is the --set's to answer for, not the file's key.
    if (next === undefined) return node.at.setArgument !== undefined ? node.at : keyAt;
    node = next.node;
    keyAt = next.keyAt;
  }
  return target === 'key' ? keyAt : node.at;
}

function child(node: LocatedNode, segment: PathSegment): { node: LocatedNode; keyAt: Origin } | undefined {
  if (node.kind === 'map' && typeof segment === 'string') {
    const e = findEntry(node, segment);
    return e && { node: e.value, keyAt: e.keyAt };
  }
  if (node.kind === 'list' && typeof segment === 'number') {
    const item = node.items[segment];
    return item && { node: item, keyAt: item.at };
  }
  return undefined;
}

/** The node at `path`, if there is one. */
export function nodeAt(root: LocatedNode, path: readonly PathSegment[]): LocatedNode | undefined {
  let node: LocatedNode | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = child(node, segment)?.node;
  }
  return node;
}
