import { describe, expect, it } from 'vitest';
import { formatIssue, problemsText } from '../../src/scenario/issue.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { nearest } from '../../src/scenario/suggest.js';
import { issuesOf, MINIMAL, onlyIssue, withLines } from './helpers.js';

/** Work that grows with the input stays bounded and linear: each of these once hung or flooded. */
describe('bounded work on hostile input', () => {
  // The parser once compared every key with every other; a hang fails on the test's own timeout.
  it('a file of many distinct keys is one issue (the parser compared every key with every other)', { timeout: 20_000 }, async () => {
    const keys = Array.from({ length: 15_000 }, (_, i) => `key${i}: x`).join('\n');
    const issue = await onlyIssue(keys);
    expect(issue).toMatchObject({ code: 'too_many_values', line: 1, column: 1, path: '' });
    expect(issue.message).toBe(`a mapping of 15000 entries: at most ${LIMITS.maxEntries} per mapping or list`);
  });

  it('duplicate keys are found by their text: 1 and "1" are the same key', async () => {
    const issue = await onlyIssue(withLines('sources:', '  1: one', '  "1": again'));
    expect(formatIssue(issue)).toBe('case.yaml:17:3: sources.1: duplicate key "1": each key may appear once in a mapping');
  });

  it('too many values without any alias are refused before parsing, where the token limit runs out', async () => {
    const lists = Array.from({ length: 60 }, (_, i) => `k${i}: [${Array(LIMITS.maxEntries).fill('0').join(',')}]`).join('\n');
    const issue = await onlyIssue(lists);
    // Each line is 4,005 tokens with its line break: k0 : space [ then 2,000 values, 1,999 commas and ].
    expect(issue).toMatchObject({ code: 'too_many_values', line: Math.floor(LIMITS.maxTokens / 4005) + 1, path: '' });
    expect(issue.column).toBeGreaterThan(1);
    expect(issue.message).toBe(`more than ${LIMITS.maxTokens} YAML tokens (values, keys, punctuation, line breaks) by here: a scenario needs far fewer`);
  });

  it('a long list of problems is cut after the limit, with a count of the rest', async () => {
    const fields = Array.from({ length: LIMITS.maxIssues + 7 }, (_, i) => `unknown${i}: 1`);
    const issues = await issuesOf(withLines(...fields));
    expect(issues).toHaveLength(LIMITS.maxIssues + 1);
    expect(issues.at(-1)).toMatchObject({ code: 'more_issues', message: '7 more problems not shown', line: 0, path: '' });
    // Said as a count, and counted: 57 problems, not the 51 lines.
    const text = problemsText(issues, 'case.yaml');
    expect(text.split('\n').at(-2)).toBe('… 7 more problems not shown');
    expect(text.split('\n').at(-1)).toBe(`${LIMITS.maxIssues + 7} problems in case.yaml`);
  });

  it('a year far out of range is one issue, not one per bound', async () => {
    const issue = await onlyIssue(MINIMAL.replace('horizon: 2002', 'horizon: 1e20'));
    expect(formatIssue(issue)).toBe('case.yaml:5:12: decisionPoint.horizon: expected a whole year, got 100000000000000000000 (expected <= 2200)');
  });

  it('a YAML mistake that the parser reports several times on one line is one issue', async () => {
    const issue = await onlyIssue(MINIMAL.replace('  code: RU', '   code: RU'));
    expect(issue).toMatchObject({ code: 'yaml_syntax', line: 9, column: 9 });
  });

  // A distance table of 2,000,000 × 9 cells would take seconds and 72 MB; skipping it is instant.
  it('"did you mean" skips names too long to be a typo without computing a distance table', { timeout: 10_000 }, () => {
    const long = 'x'.repeat(2_000_000);
    expect(nearest('democrasy', [long, long, 'democracy'])).toBe('democracy');
  });
});
