import { Parser, type CST } from 'yaml';
import type { PathSegment } from './located.js';

/**
 * Where nesting first reaches `maxDepth` levels, found by walking the parser's token tree with
 * a stack of our own. When the yaml library runs out of call stack on a deep file, the offset
 * it gives up at depends on the JavaScript engine; this one depends only on the text.
 */
export function firstTooDeep(text: string, maxDepth: number): { offset: number; path: readonly PathSegment[] } | undefined {
  const pending: { token: CST.Token; path: readonly PathSegment[] }[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document' && token.value !== undefined) pending.push({ token: token.value, path: [] });
    while (pending.length > 0) {
      const { token: node, path } = pending.pop()!;
      if (path.length >= maxDepth) return { offset: node.offset, path };
      if (!('items' in node)) continue;
      const children: { token: CST.Token; path: readonly PathSegment[] }[] = [];
      // Keys are not walked: a scenario's keys are plain text, and any other key is refused.
      node.items.forEach((item, index) => {
        const key = 'key' in item ? item.key : undefined;
        const segment = key !== null && key !== undefined && 'source' in key ? key.source : index;
        if (item.value !== undefined) children.push({ token: item.value, path: [...path, segment] });
      });
      // Reversed onto the stack, so the first offender in the text is found first.
      pending.push(...children.reverse());
    }
  }
  return undefined;
}
