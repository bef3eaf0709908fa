import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/issue.js';
import { issuesOf, MINIMAL, onlyIssue, withLines } from './helpers.js';

/** Shape, type and range problems, each at the value that caused it. */
describe('the schema reports', () => {
  it('a wrong type', async () => {
    const issue = await onlyIssue(MINIMAL.replace('year: 2000', 'year: "two thousand"'));
    expect(issue).toMatchObject({ code: 'invalid_type', line: 4, column: 9, path: 'decisionPoint.year' });
    expect(formatIssue(issue)).toBe('case.yaml:4:9: decisionPoint.year: expected a whole year, got "two thousand" (expected a number)');
  });

  it('a year that is not whole', async () => {
    const issue = await onlyIssue(MINIMAL.replace('year: 2000', 'year: 2000.5'));
    expect(issue).toMatchObject({ code: 'invalid_type', line: 4, column: 9, path: 'decisionPoint.year', message: 'expected a whole year, got 2000.5' });
  });

  it('a parameter that is neither a number nor a parameter mapping', async () => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: high'));
    expect(formatIssue(issue)).toBe(
      'case.yaml:14:12: preconditions.democracy.level: expected a number, { value, source } or { dist, ... }, got "high"',
    );
    expect(issue.code).toBe('invalid_type');
  });

  it('a probability out of range, in shorthand and in { value }', async () => {
    const short = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: 1.5'));
    expect(formatIssue(short)).toBe('case.yaml:14:12: preconditions.democracy.level: 1.5 is not a probability: it must lie between 0 and 1 (expected <= 1)');
    const long = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value: -0.2, source: S38 }'));
    expect(long).toMatchObject({ code: 'out_of_range', line: 14, column: 21, path: 'preconditions.democracy.level.value', expected: '>= 0' });
  });

  it.each([
    ['interest', 'candidate.interest'],
    ['domesticOpposition', 'candidate.domesticOpposition'],
    ['acceptsStandardPath', 'candidate.acceptsStandardPath'],
    ['withdrawal', 'candidate.withdrawal'],
  ])('%s as a probability', async (field, path) => {
    const issue = await onlyIssue(MINIMAL.replace('  code: RU', `  code: RU\n  ${field}: 2`));
    expect(issue).toMatchObject({ code: 'out_of_range', path, line: 11 });
  });

  it('an unknown field, suggesting the nearest', async () => {
    const issue = await onlyIssue(MINIMAL.replace('  code: RU', '  code: RU\n  intrest: 0.3'));
    expect(issue).toMatchObject({ code: 'unknown_field', line: 11, column: 3, path: 'candidate.intrest' });
    expect(formatIssue(issue)).toBe('case.yaml:11:3: candidate.intrest: unknown field "intrest"; did you mean "interest"?');
  });

  it('an unknown field without a near match, listing the fields', async () => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value: 0.5, citation: S38 }'));
    expect(issue.message).toBe('unknown field "citation" (fields here: value, source, note)');
  });

  it('a field glued to its value by a colon, as the field it was meant to be; a key with a colon that names no field, as unknown', async () => {
    const glued = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value: 0.5, source:S38 }'));
    expect(glued.message).toBe('"source:S38" reads as one key: YAML needs a space after a colon (source: S38)');
    const url = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value: 0.5, https://example.org/a: 1 }'));
    expect(url.message).toBe('unknown field "https://example.org/a" (fields here: value, source, note)');
    const unknown = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value: 0.5, citation:S38 }'));
    expect(unknown.message).toBe('unknown field "citation:S38" (fields here: value, source, note)');
  });

  it('a required field glued to its value, alone: the field it leaves missing follows from it', async () => {
    const value = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { value:0.5, source: S38 }'));
    expect(value).toMatchObject({ code: 'unknown_field', path: 'preconditions.democracy.level["value:0.5"]' });
    expect(value.message).toBe('"value:0.5" reads as one key: YAML needs a space after a colon (value: 0.5)');
    const top = await issuesOf(MINIMAL.replace('candidate:\n  name: Russia\n  code: RU', 'candidate: { name:Russia, code: RU }'));
    expect(top.map((i) => [i.code, i.path])).toEqual([['unknown_field', 'candidate["name:Russia"]']]);
    // A missing field the glued key does not name is still told.
    const other = await issuesOf(MINIMAL.replace('candidate:\n  name: Russia\n  code: RU', 'candidate: { name:Russia }'));
    expect(other.map((i) => [i.code, i.path]).sort()).toEqual([['missing_field', 'candidate.code'], ['unknown_field', 'candidate["name:Russia"]']]);
    // A parameter glued to its value: its forms (a number, { value, source }, a distribution) are not told missing besides.
    const param = await issuesOf(MINIMAL.replace('  - id: democracy\n    label: Democracy\n    level: 0.5', '  - { id: democracy, label: Democracy, level:0.5 }'));
    expect(param.map((i) => i.code)).toEqual(['unknown_field']);
    expect(param[0]!.message).toBe('"level:0.5" reads as one key: YAML needs a space after a colon (level: 0.5)');
  });

  it('several unknown fields of one mapping, one issue each', async () => {
    const issues = await issuesOf(MINIMAL.replace('level: 0.5', 'level: { value: 0.5, sorce: S38, nte: x }'));
    expect(issues.map((i) => [i.path, i.column, i.message])).toEqual([
      ['preconditions.democracy.level.sorce', 26, 'unknown field "sorce"; did you mean "source"?'],
      ['preconditions.democracy.level.nte', 38, 'unknown field "nte"; did you mean "note"?'],
    ]);
  });

  it('a missing required field, where its parent is written', async () => {
    const issue = await onlyIssue(MINIMAL.replace('  label: A test\n', ''));
    expect(issue).toMatchObject({ code: 'missing_field', line: 3, column: 1, path: 'decisionPoint.label', expected: 'text' });
    expect(formatIssue(issue)).toBe('case.yaml:3:1: decisionPoint.label: missing required field (expected text)');
  });

  it.each(['id', 'title', 'decisionPoint', 'candidate', 'preconditions'])('a missing top-level %s', async (field) => {
    const text = MINIMAL.split('\n')
      .filter((line, i, lines) => !line.startsWith(`${field}:`) && !(line.startsWith(' ') && sectionOf(lines, i) === field))
      .join('\n');
    const issue = await onlyIssue(text);
    expect(issue).toMatchObject({ code: 'missing_field', path: field, line: 1, column: 1 });
  });

  it('a misspelt distribution field', async () => {
    const issues = await issuesOf(MINIMAL.replace('level: 0.5', 'level: { valeu: 0.5 }'));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_field', 'preconditions.democracy.level.value'],
      ['unknown_field', 'preconditions.democracy.level.valeu'],
    ]);
  });

  it('an unknown distribution', async () => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', 'level: { dist: gamma, shape: 2 }'));
    expect(issue).toMatchObject({ code: 'invalid_value', line: 14, column: 20, path: 'preconditions.democracy.level.dist' });
    expect(issue.expected).toBe('uniform | triangular | beta | normal | bernoulli');
  });

  it.each([
    ['{ dist: triangular, min: 0.5, mode: 0.1, max: 0.9 }', 'mode', 'needs min <= mode <= max, got 0.5, 0.1, 0.9'],
    ['{ dist: uniform, min: 0.6, max: 0.2 }', 'min', 'min 0.6 is above max 0.2'],
    ['{ dist: normal, mean: 0.5, sd: 0.1, min: 0.8, max: 0.2 }', 'min', 'min 0.8 must be below max 0.2'],
    ['{ dist: normal, mean: 0.9, sd: 0.1, min: 0, max: 0.5 }', 'mean', 'mean 0.9 lies outside [0, 0.5]'],
  ])('an inconsistent distribution %s', async (written, field, message) => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', `level: ${written}`));
    expect(issue).toMatchObject({ code: 'invalid_distribution', path: `preconditions.democracy.level.${field}`, line: 14, message });
  });

  it.each([
    ['{ dist: normal, mean: 0.5, sd: 0, min: 0, max: 1 }', 'sd'],
  ])('a distribution parameter that must be positive: %s', async (written, field) => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', `level: ${written}`));
    expect(issue).toMatchObject({ code: 'out_of_range', path: `preconditions.democracy.level.${field}`, expected: '> 0' });
  });

  it.each([
    ['{ dist: beta, alpha: 0, beta: 2 }', 'alpha', '>= 0.01'],
    ['{ dist: beta, alpha: 2, beta: -1 }', 'beta', '>= 0.01'],
    ['{ dist: beta, alpha: 2, beta: 1e7 }', 'beta', '<= 1000000'],
  ])("a beta's shape outside those it can be drawn with: %s", async (written, field, expected) => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', `level: ${written}`));
    expect(issue).toMatchObject({ code: 'out_of_range', path: `preconditions.democracy.level.${field}`, expected });
    expect(issue.message).toMatch(/is outside the shapes a beta can be drawn with: from 0\.01 to 1000000$/);
  });

  it('an unknown effect kind', async () => {
    const issue = await onlyIssue(withLines('rules:', '  - id: r1', '    text: t', '    effects:', '      - { kind: consnet, delta: 0.1 }'));
    expect(issue).toMatchObject({ code: 'invalid_value', line: 19, column: 17, path: 'rules.r1.effects[0].kind' });
    expect(issue.message).toBe('"consnet" is not a known effect kind');
  });

  it('a condition with two operators', async () => {
    const issue = await onlyIssue(
      withLines('rules:', '  - id: r1', '    text: t', '    when: { met: democracy, year: { from: 2001 } }', '    effects: [{ kind: interest, delta: 0.1 }]'),
    );
    expect(issue).toMatchObject({ code: 'invalid_condition', line: 18, column: 11, path: 'rules.r1.when' });
    expect(issue.message).toBe('a condition has one operator, found year and met: combine them with all: [...]');
  });

  it('a misspelt condition operator, suggesting the operator', async () => {
    const issue = await onlyIssue(withLines('rules:', '  - id: r1', '    text: t', '    when: { all: [{ mte: democracy }] }', '    effects: [{ kind: interest, delta: 0.1 }]'));
    expect(issue).toMatchObject({ code: 'unknown_field', line: 18, column: 21, path: 'rules.r1.when.all[0].mte' });
    expect(issue.message).toBe('unknown field "mte"; did you mean "met"?');
  });

  it('level without below or atLeast', async () => {
    const issue = await onlyIssue(withLines('rules:', '  - id: r1', '    text: t', '    when: { level: democracy }', '    effects: [{ kind: interest, delta: 0.1 }]'));
    expect(issue).toMatchObject({ code: 'invalid_condition', message: 'level needs below: and/or atLeast:' });
  });

  it('an ally selector that is neither all nor a list', async () => {
    const issue = await onlyIssue(withLines('rules:', '  - id: r1', '    text: t', '    effects: [{ kind: consent, allies: some, delta: 0.1 }]'));
    expect(issue).toMatchObject({ code: 'invalid_type', path: 'rules.r1.effects[0].allies', line: 18, column: 40 });
  });

  it('ids and codes in the wrong format', async () => {
    const issues = await issuesOf(MINIMAL.replace('id: minimal', 'id: Minimal Scenario').replace('code: RU', 'code: ru'));
    expect(issues.map((i) => [i.code, i.path, i.line, i.column, i.message])).toEqual([
      ['invalid_format', 'id', 1, 5, '"Minimal Scenario" is not an id: use lowercase letters, digits, - and _'],
      ['invalid_format', 'candidate.code', 10, 9, '"ru" is not a country code: use 2 or 3 capital letters'],
    ]);
  });

  it('a date that is not a calendar date', async () => {
    const issue = await onlyIssue(withLines('allies:', '  - { code: XX, name: Atlantis, joined: 1995-02-30 }'));
    expect(issue).toMatchObject({ code: 'invalid_format', path: 'allies.XX.joined', line: 16, column: 41, message: '"1995-02-30" is not a calendar date' });
  });

  it('an observed outcome that is not an outcome', async () => {
    const issue = await onlyIssue(withLines('observed: { outcome: won, year: 2001, source: S7 }'));
    expect(issue).toMatchObject({ code: 'invalid_value', path: 'observed.outcome', line: 15, column: 22 });
    expect(issue.expected).toContain('"joined" | "no_application"');
  });

  it('a weight keyed by something that is not an id', async () => {
    const issue = await onlyIssue(withLines('allyDefaults:', '  weights: { Democracy: 0.2 }'));
    expect(issue).toMatchObject({ code: 'invalid_format', path: 'allyDefaults.weights.Democracy', line: 16, column: 14 });
  });
});

/** The top-level section a line belongs to (for removing a section with its body). */
function sectionOf(lines: readonly string[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.startsWith(' ')) return line.split(':')[0];
  }
  return undefined;
}
