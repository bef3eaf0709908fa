import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import { fileIssue, issueAt, type Issue, type IssueCode, type Origin, type Result } from './issue.js';
import { LIMITS } from './limits.js';
import type { LocatedEntry, LocatedMap, LocatedNode, PathSegment } from './located.js';
import { firstTooDeep } from './nesting.js';
import { formatPath } from './paths.js';
import { passesTokenBudget } from './token-budget.js';

/** Keys that could reach an object prototype if anything downstream ever used them as property names. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parse scenario text (YAML, or JSON which is YAML) into a located tree, refusing what a
 * scenario never needs and an attacker would use: huge or binary input, duplicate keys, alias
 * bombs, deep nesting, prototype keys, NaN and Infinity, custom tags, several documents.
 */
export function parseScenarioText(text: string, file: string): Result<LocatedMap> {
  const screened = screenText(text, file);
  if (screened !== undefined) return { ok: false, issues: [screened] };
  const parsed = parseYamlValue(text, file);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'map') {
    return { ok: false, issues: [issueAt('not_a_mapping', 'a scenario must be a mapping of fields (id: ..., title: ...)', parsed.value.at, '')] };
  }
  return { ok: true, value: parsed.value };
}

/**
 * Parse one YAML value with the same safeguards. With `fixedOrigin`, every value is placed
 * there instead of at its line and column (a --set argument has no file to point into).
 */
export function parseYamlValue(written: string, file: string, fixedOrigin?: Origin): Result<LocatedNode> {
  // YAML 1.2 counts a lone CR as a line break, the parser does not: as LF, offsets stay the same.
  const text = written.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const position = (offset: number): Origin => {
    if (fixedOrigin !== undefined) return fixedOrigin;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  // Memory grows with the tokens the parser keeps, not with bytes: bound them before parsing.
  const over = passesTokenBudget(text, LIMITS.maxTokens);
  if (over !== undefined) {
    const message = `more than ${LIMITS.maxTokens} YAML tokens (values, keys, punctuation, line breaks) by here: a scenario needs far fewer`;
    return { ok: false, issues: [issueAt('too_many_values', message, fixedOrigin ?? originIn(text, over, file), '')] };
  }
  const doc = withoutStackTraces(() =>
    parseDocument(text, {
      lineCounter,
      // The parser's own duplicate check compares every key with every other (quadratic: a 2 MB
      // file of distinct keys took minutes); TreeBuilder finds duplicates with a set instead.
      uniqueKeys: false,
      prettyErrors: false,
      version: '1.2',
      schema: 'core',
      merge: false,
    }),
  );

  // An unknown tag is only a warning to the parser; TreeBuilder refuses it with its path.
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')];
  if (problems.length > 0) {
    return { ok: false, issues: yamlIssues(problems, text, file, position) };
  }
  if (doc.contents === null) {
    return { ok: false, issues: [issueAt('empty_file', 'there is no data (only comments or blank lines)', position(0), '')] };
  }
  return new TreeBuilder(doc, position, text).build(doc.contents);
}

/**
 * The parser makes an Error for every syntax error (one per stray comma of `[,,,]`), and each
 * captures a stack trace nobody reads: five times the memory of the error itself.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Line and column of an offset, for a problem found before the parser counted lines. */
function originIn(text: string, offset: number, file: string): Origin {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return { file, line, column: offset - lineStart + 1 };
}

function screenText(text: string, file: string): Issue | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.maxFileBytes) {
    return fileIssue('file_too_large', `the file is ${bytes} bytes; scenario files are limited to ${LIMITS.maxFileBytes} bytes`, file);
  }
  if (text.includes('\0')) return fileIssue('binary_file', 'the file contains NUL bytes: it is binary, not YAML or JSON text', file);
  if (text.trim() === '') return fileIssue('empty_file', 'the file is empty', file);
  return undefined;
}

function yamlIssues(problems: readonly YAMLError[], text: string, file: string, position: (offset: number) => Origin): Issue[] {
  const language = file.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML';
  const exhausted = problems.find((p) => p.code === 'RESOURCE_EXHAUSTION');
  if (exhausted !== undefined) {
    // The parser reports one error per unwound level; one issue says it all, placed where the
    // limit is passed (the same on every Node version), its path cut short as the tree builder's.
    const deep = firstTooDeep(text, LIMITS.maxDepth);
    const at = position(deep?.offset ?? exhausted.pos[0]);
    return [issueAt('too_deep', `nesting is too deep to parse (the limit is ${LIMITS.maxDepth} levels)`, at, formatPath(deep?.path.slice(0, 4) ?? []))];
  }
  // One mistake often makes the parser complain several times on its line: the first says it.
  const lines = new Set<number>();
  const firstPerLine = problems.map((p) => ({ p, at: position(p.pos[0]) })).filter(({ at }) => !lines.has(at.line) && lines.add(at.line));
  const issues = firstPerLine.slice(0, LIMITS.maxSyntaxIssues).map(({ p, at }) => issueAt('yaml_syntax', `${language} syntax error: ${syntaxMessage(p)}`, at, ''));
  if (firstPerLine.length > LIMITS.maxSyntaxIssues) {
    issues.push(fileIssue('yaml_syntax', `${firstPerLine.length - LIMITS.maxSyntaxIssues} more ${language} errors not shown`, file));
  }
  return issues;
}

/** The parser's message, except where it speaks to a programmer (several documents in one file). */
function syntaxMessage(p: YAMLError): string {
  if (p.code === 'MULTIPLE_DOCS') return 'a second document starts here (a line "---"): a scenario is one document; split the file, or remove the "---"';
  return p.message;
}

/** Tags of the plain values a scenario holds (`!!str 1`); any other (`!!js/function`, `!!binary`, `!shell`) is refused. */
const CORE_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Walks the yaml library's node tree once, expanding aliases within the limits. */
class TreeBuilder {
  /** Paths are formatted once the tree is built, so list entries can be named by their id. */
  private readonly problems: { code: IssueCode; message: string; at: Origin; path: readonly PathSegment[] }[] = [];
  private readonly reported = new Set<IssueCode>();
  private aliases = 0;
  private values = 0;
  /** The outermost alias being expanded: an expansion that runs over the limit is reported there. */
  private expandingFrom: Origin | undefined;
  /** Nodes on the current path, to catch an alias inside the value it names. */
  private readonly ancestors = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly position: (offset: number) => Origin,
    private readonly text: string,
  ) {}

  build(contents: YamlNode): Result<LocatedNode> {
    const root = this.node(contents, []);
    if (this.problems.length === 0 && root !== undefined) return { ok: true, value: root };
    const issues = this.problems.map((p) => issueAt(p.code, p.message, p.at, root === undefined ? formatPath(p.path) : formatPath(p.path, root)));
    return { ok: false, issues };
  }

  private at(node: YamlNode): Origin {
    return this.position(node.range?.[0] ?? 0);
  }

  /** Limits are reported once: past them, every further node would repeat the same message. */
  private fail(code: IssueCode, message: string, at: Origin, path: readonly PathSegment[], once = false): undefined {
    if (once && this.reported.has(code)) return undefined;
    this.reported.add(code);
    this.problems.push({ code, message, at, path });
    return undefined;
  }

  /** `path` is also the nesting depth: aliases expand in place, so they count as deep as they land. */
  private node(node: YamlNode, path: readonly PathSegment[]): LocatedNode | undefined {
    const at = this.at(node);
    if (path.length >= LIMITS.maxDepth) {
      // The full path would be as long as the nesting; its start says where.
      return this.fail('too_deep', `nesting deeper than ${LIMITS.maxDepth} levels`, at, path.slice(0, 4), true);
    }
    if (++this.values > LIMITS.maxValues) {
      if (this.aliases === 0) return this.fail('too_many_values', `more than ${LIMITS.maxValues} values in one file`, at, path, true);
      return this.fail('alias_limit', `more than ${LIMITS.maxValues} values after expanding aliases`, this.expandingFrom ?? at, path, true);
    }
    if (isAlias(node)) return this.alias(node, path);
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
      return this.fail('unsupported_value', `the tag ${tag} is not allowed: a scenario holds plain values (custom tags are refused)`, at, path);
    }
    if (isScalar(node)) return this.scalar(node, path);
    if (this.ancestors.has(node)) return this.fail('alias_limit', 'an alias refers to a value that contains it', at, path);
    this.ancestors.add(node);
    try {
      if ((isMap(node) || isSeq(node)) && node.items.length > LIMITS.maxEntries) {
        const what = isMap(node) ? 'mapping' : 'list';
        return this.fail('too_many_values', `a ${what} of ${node.items.length} entries: at most ${LIMITS.maxEntries} per mapping or list`, at, path);
      }
      if (isMap(node)) return this.map(node, path);
      if (isSeq(node)) {
        const items: LocatedNode[] = [];
        for (const item of node.items) {
          // A placeholder for a failed item keeps later indexes equal to the file's.
          items.push(this.node(item as YamlNode, [...path, items.length]) ?? { kind: 'scalar', value: null, at });
        }
        return { kind: 'list', at, items };
      }
      return this.fail('unsupported_value', 'unsupported YAML value', at, path);
    } finally {
      this.ancestors.delete(node);
    }
  }

  private alias(node: YamlNode & { source: string; resolve(doc: Document): YamlNode | undefined }, path: readonly PathSegment[]): LocatedNode | undefined {
    if (++this.aliases > LIMITS.maxAliases) {
      return this.fail('alias_limit', `more than ${LIMITS.maxAliases} aliases (*name) in one file`, this.at(node), path, true);
    }
    const target = node.resolve(this.doc);
    if (target === undefined) return this.fail('yaml_syntax', `unknown alias *${node.source}`, this.at(node), path);
    const outer = this.expandingFrom;
    this.expandingFrom ??= this.at(node);
    try {
      return this.node(target, path);
    } finally {
      this.expandingFrom = outer;
    }
  }

  private scalar(node: YamlNode & { value: unknown }, path: readonly PathSegment[]): LocatedNode | undefined {
    const { value } = node;
    const at = this.at(node);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return this.fail('not_finite', 'NaN and Infinity are not allowed: write a finite number', at, path);
    }
    // A number keeps the text it was written as: a seed of 0x10 is the text "0x10", not 16.
    if (typeof value === 'number' && node.range !== undefined && node.range !== null) return { kind: 'scalar', value, at, written: this.text.slice(node.range[0], node.range[1]) };
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return { kind: 'scalar', value, at };
    }
    return this.fail('unsupported_value', 'unsupported YAML value (only text, numbers, true/false and null)', at, path);
  }

  /** Why a key is not text; a bare `null`, `~`, `true` or `no` is YAML's value, and quoting it makes it the word. */
  private notTextKey(keyNode: YamlNode | null): string {
    if (keyNode === null || (isScalar(keyNode) && keyNode.value === null && keyNode.range?.[0] === keyNode.range?.[1])) return 'a key is missing before ":"';
    if (isScalar(keyNode) && (keyNode.value === null || typeof keyNode.value === 'boolean') && keyNode.range !== undefined && keyNode.range !== null) {
      const written = this.text.slice(keyNode.range[0], keyNode.range[1]);
      return `the key ${written} is read as ${String(keyNode.value)}, not as text: quote it ("${written}") if it is meant as a name`;
    }
    return 'keys must be plain text';
  }

  private map(node: YamlNode & { items: readonly unknown[] }, path: readonly PathSegment[]): LocatedNode {
    const entries: LocatedEntry[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyAt = keyNode === null ? this.at(node) : this.at(keyNode);
      const key = isScalar(keyNode) && (typeof keyNode.value === 'string' || typeof keyNode.value === 'number') ? String(keyNode.value) : undefined;
      if (key === undefined) {
        this.fail('unsupported_value', this.notTextKey(keyNode), keyAt, path);
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        this.fail('forbidden_key', `the key ${JSON.stringify(key)} is not allowed`, keyAt, [...path, key]);
        continue;
      }
      // `1:` and `"1":` are the same field once keys are text.
      if (seen.has(key)) {
        this.fail('duplicate_key', `duplicate key ${JSON.stringify(key)}: each key may appear once in a mapping`, keyAt, [...path, key]);
        continue;
      }
      seen.add(key);
      const valueNode = pair.value as YamlNode | null;
      const value: LocatedNode | undefined =
        valueNode === null ? { kind: 'scalar', value: null, at: keyAt } : this.node(valueNode, [...path, key]);
      if (value !== undefined) entries.push({ key, keyAt, value });
    }
    return { kind: 'map', at: this.at(node), entries };
  }
}
