import { keyFieldOf, entryName } from './document-shape.js';
import { nodeAt, type LocatedNode, type PathSegment } from './located.js';

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * A path as people write it: `candidate.interest.value`, `rules[0].when`, or, given the document,
 * with named entries in place of indexes: `allies.US.consent`, the same form --set accepts.
 */
export function formatPath(path: readonly PathSegment[], root?: LocatedNode): string {
  let out = '';
  for (const [i, segment] of path.entries()) {
    if (typeof segment === 'number') {
      const name = root === undefined ? undefined : nameOfItem(root, path.slice(0, i), segment);
      out += name !== undefined && PLAIN_KEY.test(name) ? `.${name}` : `[${segment}]`;
    } else {
      out += PLAIN_KEY.test(segment) ? `${out === '' ? '' : '.'}${segment}` : `[${JSON.stringify(segment)}]`;
    }
  }
  return out.startsWith('.') ? out.slice(1) : out;
}

function nameOfItem(root: LocatedNode, listPath: readonly PathSegment[], index: number): string | undefined {
  const field = keyFieldOf(listPath);
  if (field === undefined) return undefined;
  const item = nodeAt(root, [...listPath, index]);
  return item === undefined ? undefined : entryName(item, field);
}
