import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/issue.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { fileIssuesOf, fixture, issuesOf, MINIMAL, onlyIssue, withLines } from './helpers.js';

/** Bad YAML, and YAML that is valid but refused because a scenario never needs it. */
describe('parsing refuses', () => {
  it('a YAML syntax error, at its line and column', async () => {
    const issue = await onlyIssue('id: x\ntitle: [unclosed\n');
    expect(issue).toMatchObject({ code: 'yaml_syntax', file: 'case.yaml', line: 3, column: 1, path: '' });
    expect(formatIssue(issue)).toMatch(/^case\.yaml:3:1: YAML syntax error: /);
  });

  it('a JSON syntax error, named as JSON', async () => {
    const issue = await onlyIssue('{"id": "x",, }', {}, 'case.json');
    expect(issue).toMatchObject({ code: 'yaml_syntax', line: 1, column: 12 });
    expect(issue.message).toMatch(/^JSON syntax error: /);
  });

  it('a duplicate key, at the second one', async () => {
    const issue = await onlyIssue(MINIMAL.replace('title: Minimal\n', 'title: Minimal\ntitle: Again\n'));
    expect(issue).toMatchObject({ code: 'duplicate_key', line: 3, column: 1, path: 'title' });
    expect(formatIssue(issue)).toBe('case.yaml:3:1: title: duplicate key "title": each key may appear once in a mapping');
  });

  it.each(['.nan', '.NaN', '.inf', '-.inf', '1e999'])('the non-finite number %s', async (written) => {
    const issue = await onlyIssue(MINIMAL.replace('level: 0.5', `level: ${written}`));
    expect(issue).toMatchObject({ code: 'not_finite', line: 14, column: 12, path: 'preconditions.democracy.level' });
  });

  it('__proto__, constructor and prototype keys, and nothing is polluted', async () => {
    const issues = await issuesOf(withLines('__proto__: { polluted: yes }', 'candidate2:', '  constructor: { prototype: { polluted: yes } }'));
    expect(issues.map((i) => [i.code, i.line, i.column, i.path])).toEqual([
      ['forbidden_key', 15, 1, '__proto__'],
      ['forbidden_key', 17, 3, 'candidate2.constructor'],
    ]);
    const json = await fileIssuesOf(fixture('proto.json'));
    expect(json.map((i) => [i.code, i.line, i.column])).toEqual([['forbidden_key', 3, 3]]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('an alias bomb is stopped (a hang fails on the test timeout)', { timeout: 20_000 }, async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const issue = await onlyIssue(levels.join('\n'));
    // Whichever limit trips first (alias count or expanded values) stops it.
    expect(issue).toMatchObject({ code: 'alias_limit', line: expect.any(Number) as number });
    expect(issue.message).toMatch(/^more than \d+ (aliases|values)/);
  });

  it('an expansion past the value limit with few aliases', async () => {
    const big = `[${Array(1200).fill('0').join(',')}]`;
    const issue = await onlyIssue([`a: &a ${big}`, `b: [${Array(90).fill('*a').join(',')}]`].join('\n'));
    expect(issue).toMatchObject({ code: 'alias_limit', message: `more than ${LIMITS.maxValues} values after expanding aliases`, line: 2 });
  });

  it('too many aliases', async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `k${i}: *v`);
    const issue = await onlyIssue(['v: &v 1', ...aliases].join('\n'));
    expect(issue).toMatchObject({ code: 'alias_limit', line: LIMITS.maxAliases + 2, column: 7, path: `k${LIMITS.maxAliases}` });
  });

  it('an alias inside the value it names', async () => {
    const issue = await onlyIssue('a: &a [1, *a]\n');
    expect(issue).toMatchObject({ code: 'alias_limit', message: 'an alias refers to a value that contains it', path: 'a[1]' });
  });

  it('nesting deeper than the limit', async () => {
    const depth = LIMITS.maxDepth + 5;
    const issue = await onlyIssue(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(issue).toMatchObject({ code: 'too_deep', line: 1, column: 4 + LIMITS.maxDepth - 1, path: 'a[0][0][0]' });
  });

  it('nesting deep enough to exhaust the parser, as one issue', async () => {
    const depth = 5_000;
    const issue = await onlyIssue(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(issue).toMatchObject({ code: 'too_deep', line: 1 });
  });

  it.each([
    ['an empty file', '', 0],
    ['a blank file', '  \n\n', 0],
    ['a file of comments', '# nothing here\n', 1],
  ])('%s', async (_, text, line) => {
    const issue = await onlyIssue(text);
    expect(issue).toMatchObject({ code: 'empty_file', line, path: '' });
  });

  it('a binary file', async () => {
    const [issue] = await fileIssuesOf(fixture('binary.yaml'));
    expect(issue).toMatchObject({ code: 'binary_file', file: fixture('binary.yaml'), line: 0, column: 0, path: '' });
    expect(formatIssue(issue!)).toBe(`${fixture('binary.yaml')}: the file contains NUL bytes: it is binary, not text`);
  });

  it('NUL bytes in text', async () => {
    expect(await onlyIssue('id: x\0')).toMatchObject({ code: 'binary_file' });
  });

  it('a top level that is not a mapping', async () => {
    expect(await onlyIssue('- a\n- b\n')).toMatchObject({ code: 'not_a_mapping', line: 1, column: 1 });
  });

  it('several documents in one file', async () => {
    expect(await onlyIssue(`${MINIMAL}---\nid: second\n`)).toMatchObject({ code: 'yaml_syntax', line: 15, column: 1 });
  });

  it('custom tags', async () => {
    const issue = await onlyIssue(MINIMAL.replace('title: Minimal', 'title: !shell rm -rf'));
    // At the tagged value, with its path: the parser does not say where a tag it can resolve starts.
    expect(issue).toMatchObject({ code: 'unsupported_value', line: 2, column: 15, path: 'title' });
    expect(issue.message).toBe('the tag !shell is not allowed: a scenario holds plain values (custom tags are refused)');
  });

  it('keys that are not text', async () => {
    expect(await onlyIssue(withLines('? [a, b]', ': 1'))).toMatchObject({ code: 'unsupported_value', message: 'keys must be plain text', line: 15, column: 3 });
  });

  it('a bare null, ~ or true as a key is named as written, with the quoting that makes it a name', async () => {
    expect(await onlyIssue(withLines('null: 1'))).toMatchObject({ code: 'unsupported_value', message: 'the key null is read as null, not as text: quote it ("null") if it is meant as a name', line: 15, column: 1 });
    expect((await onlyIssue(withLines('~: 1'))).message).toBe('the key ~ is read as null, not as text: quote it ("~") if it is meant as a name');
    expect((await onlyIssue(withLines('True: 1'))).message).toBe('the key True is read as true, not as text: quote it ("True") if it is meant as a name');
    expect(await onlyIssue(withLines('"null": 1'))).not.toMatchObject({ code: 'unsupported_value' });
  });

  it('a key left out before its colon', async () => {
    expect(await onlyIssue(withLines(': 1'))).toMatchObject({ code: 'unsupported_value', message: 'a key is missing before ":"', line: 15, column: 1 });
  });
});

describe('files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'article10-parse-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing file', async () => {
    const [issue] = await fileIssuesOf(join(dir, 'nope.yaml'));
    expect(issue).toMatchObject({ code: 'file_not_found', line: 0, column: 0, message: 'no such file' });
  });

  it('a directory', async () => {
    const [issue] = await fileIssuesOf(dir);
    expect(issue).toMatchObject({ code: 'is_directory', message: 'is a directory, not a file' });
  });

  it('an oversized file, without reading it', async () => {
    const path = join(dir, 'big.yaml');
    await writeFile(path, `${MINIMAL}# ${'x'.repeat(LIMITS.maxFileBytes)}\n`);
    const [issue] = await fileIssuesOf(path);
    expect(issue).toMatchObject({ code: 'file_too_large', file: path, line: 0, column: 0 });
    expect(issue!.message).toMatch(new RegExp(`the limit is ${LIMITS.maxFileBytes} bytes$`));
  });

  it('oversized text', async () => {
    const issue = await onlyIssue(`${MINIMAL}# ${'x'.repeat(LIMITS.maxFileBytes)}\n`);
    expect(issue).toMatchObject({ code: 'file_too_large', line: 0 });
  });

  it('a file that is not UTF-8', async () => {
    const path = join(dir, 'latin1.yaml');
    await writeFile(path, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    const [issue] = await fileIssuesOf(path);
    expect(issue).toMatchObject({ code: 'invalid_encoding', message: 'the file is not valid UTF-8 text' });
  });
});
