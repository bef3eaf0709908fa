import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loaded } from './helpers.js';

/**
 * FORMAT.md's examples are what an author copies: put together (the top level without its
 * placeholders, then each section's example), they make a scenario that loads.
 */
describe("FORMAT.md's examples", () => {
  const text = readFileSync(new URL('../../scenarios/FORMAT.md', import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  test('put together, they make a scenario that loads', async () => {
    const top = blocks.find((b) => b.startsWith('id: '))!;
    // The top level's own lines, up to the sections it only names ({ ... }), without the files it names.
    const header = top
      .split('\n')
      .filter((l) => !/^(extends|baseline|description|observed):/.test(l) && !/^\s+\.\.\.$/.test(l) && !/\{ \.\.\. \}|\[ \.\.\. \]/.test(l))
      .join('\n');
    const sections = ['candidate:', 'process:', 'preconditions:', 'allyDefaults:', 'rules:', 'events:'].map((start) => blocks.find((b) => b.startsWith(start))!);
    expect(sections.every((b) => b !== undefined)).toBe(true);
    const s = await loaded([header, ...sections].join('\n'));
    expect(s.scenario.candidate.formerCode).toBe('SU');
    expect(s.scenario.preconditions.map((p) => p.id)).toEqual(['democracy', 'istanbul']);
  });
});
