import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/scenario/limits.js';
import { firstTooDeep } from '../../src/scenario/nesting.js';
import { parseScenarioText } from '../../src/scenario/parse-yaml.js';
import { formatPath } from '../../src/scenario/paths.js';

/**
 * A file too deep for the parser's call stack is reported where the nesting passes the limit:
 * the same place the tree builder names for a file only slightly too deep, on any Node version.
 */

const flowSeq = (depth: number) => `id: deep\ntitle: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
const flowMap = (depth: number) => `id: deep\nrules:\n  ${Array.from({ length: depth }, (_, i) => `{k${i}: `).join('')}1${'}'.repeat(depth)}\n`;
const blockSeq = (depth: number) => `id: deep\nx:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}-\n`).join('')}`;

describe('where nesting passes the limit', () => {
  test.each([
    ['a flow list', flowSeq],
    ['a flow mapping', flowMap],
    ['a block list', blockSeq],
  ])('in %s, the walk and the tree builder name the same line, column and path', (_, build) => {
    const text = build(LIMITS.maxDepth + 6);
    const parsed = parseScenarioText(text, 'deep.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const [issue] = parsed.issues;
    const deep = firstTooDeep(text, LIMITS.maxDepth);
    expect(deep).toBeDefined();
    const before = text.slice(0, deep!.offset).split('\n');
    expect({ code: issue!.code, line: issue!.line, column: issue!.column }).toEqual({ code: 'too_deep', line: before.length, column: before.at(-1)!.length + 1 });
    expect(issue!.path).toBe(formatPath(deep!.path.slice(0, 4)));
  });

  test('nesting within the limit is not reported', () => {
    expect(firstTooDeep(flowSeq(LIMITS.maxDepth - 1), LIMITS.maxDepth)).toBeUndefined();
    expect(firstTooDeep(blockSeq(10), LIMITS.maxDepth)).toBeUndefined();
  });

  test('a file deeper than the parser can go is reported at the 64th level, with its path', () => {
    const parsed = parseScenarioText(flowSeq(20_000), 'deep.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'too_deep', line: 2, column: 'title: '.length + LIMITS.maxDepth, path: 'title[0][0][0]' }),
    ]);
  });
});
