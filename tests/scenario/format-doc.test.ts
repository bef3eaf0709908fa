import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/model/distribution.js';
import { loaded } from './helpers.js';

/**
 * FORMAT.md's examples are what an author copies: put together (the top level without its
 * placeholders, then each section's example), they make a scenario that loads.
 */
describe("FORMAT.md's examples", () => {
  const text = readFileSync(new URL('../../scenarios/FORMAT.md', import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  /** The top level's own lines and each section's example, as an author copies them. */
  const assembled = (): string => {
    const top = blocks.find((b) => b.startsWith('id: '))!;
    // The top level's own lines, up to the sections it only names ({ ... }), without the files it names.
    const header = top
      .split('\n')
      .filter((l) => !/^(extends|baseline|description|observed):/.test(l) && !/^\s+\.\.\.$/.test(l) && !/\{ \.\.\. \}|\[ \.\.\. \]/.test(l))
      .join('\n');
    const sections = ['candidate:', 'process:', 'preconditions:', 'allyDefaults:', 'rules:', 'events:'].map((start) => blocks.find((b) => b.startsWith(start))!);
    expect(sections.every((b) => b !== undefined)).toBe(true);
    return [header, ...sections].join('\n');
  };

  test('put together, they make a scenario that loads', async () => {
    const s = await loaded(assembled());
    expect(s.scenario.candidate.formerCode).toBe('SU');
    expect(s.scenario.preconditions.map((p) => p.id)).toEqual(['democracy', 'istanbul']);
  });

  test("a listed Ally takes what it leaves out from allyDefaults, its weights precondition by precondition, as the allies section says", async () => {
    expect(text.replace(/\s+/g, ' ')).toContain('A listed Ally takes from `allyDefaults` every field it leaves out');
    // The example's United States without its own weight for istanbul, nor its own holdoutLift.
    const edited = assembled().replace(/\n {6}istanbul: +\{ value: 0\.2, source: S30 \}/, '').replace(/\n {4}holdoutLift: \{ value: 0\.25, source: S35 \}/, '');
    expect(edited).not.toBe(assembled());
    const us = (await loaded(edited)).scenario.allies.find((a) => a.code === 'US')!;
    expect(us.weights).toEqual({ democracy: fixed(0.3, 'S14'), istanbul: fixed(0.05) });
    expect(us.holdoutLift).toEqual(fixed(0.2, 'assumption'));
  });

  test("it says what a backtest's observed year is for a candidacy that did not join, and how that case is scored", () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('For an outcome other than `joined`, `year` is the year by which the record shows the candidate still outside');
    expect(flat).toContain('scores the share of branches not a member by then');
  });
});
