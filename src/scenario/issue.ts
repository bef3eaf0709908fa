import { nameOnOneLine } from '../model/unsafe-characters.js';
/**
 * A problem found while loading a scenario: what, where (file:line:column and the field path),
 * and what was expected. Loading reports every problem it finds as an Issue and never throws
 * for a mistake in the user's input.
 */
export interface Issue {
  /** Stable machine-readable kind, e.g. "unknown_field", "out_of_range", "extends_cycle". */
  readonly code: IssueCode;
  readonly message: string;
  readonly file: string;
  /** 1-based; 0 when the problem has no place in a file (a --set argument, a missing file). */
  readonly line: number;
  readonly column: number;
  /** Field path such as `allies.US.consent.value` or `rules.istanbul-link.effects[0]`; '' for the whole file. */
  readonly path: string;
  readonly expected?: string;
}

export type IssueCode =
  // reading the file
  | 'file_not_found'
  | 'is_directory'
  | 'not_a_file'
  | 'file_too_large'
  | 'binary_file'
  | 'invalid_encoding'
  | 'empty_file'
  | 'read_failed'
  | 'wrong_kind_of_file'
  // YAML
  | 'yaml_syntax'
  | 'duplicate_key'
  | 'alias_limit'
  | 'too_many_values'
  | 'too_deep'
  | 'forbidden_key'
  | 'not_finite'
  | 'unsupported_value'
  | 'not_a_mapping'
  // schema
  | 'missing_field'
  | 'invalid_type'
  | 'out_of_range'
  | 'unknown_field'
  | 'invalid_value'
  | 'invalid_format'
  | 'invalid_condition'
  | 'invalid_distribution'
  | 'unsafe_text'
  | 'invalid'
  // extends
  | 'extends_not_found'
  | 'extends_outside'
  | 'extends_cycle'
  | 'extends_too_long'
  | 'not_in_base'
  // a file named by another (baseline, an experiment's scenario)
  | 'path_outside'
  // --set
  | 'set_syntax'
  | 'set_path_not_found'
  | 'set_not_allowed'
  // meaning across fields
  | 'duplicate_id'
  | 'unknown_reference'
  | 'ally_joins_after_horizon'
  | 'candidate_listed_as_ally'
  | 'ally_not_in_roster'
  | 'horizon_before_year'
  | 'horizon_too_far'
  | 'date_outside_year'
  | 'candidate_already_member'
  | 'co_candidate_already_member'
  | 'no_ally_in_window'
  | 'observed_outside_window'
  // the rest of a long list
  | 'more_issues';

/** Either a value or the issues that prevented it. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failed<T>(issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/** Where a value was written. `setArgument` marks a value that came from a --set argument. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly setArgument?: string;
}

export function issueAt(code: IssueCode, message: string, at: Origin, path: string, expected?: string): Issue {
  const fromSet = at.setArgument === undefined ? '' : ` (from --set ${at.setArgument})`;
  const issue = { code, message: message + fromSet, file: at.file, line: at.line, column: at.column, path };
  return expected === undefined ? issue : { ...issue, expected };
}

/** An issue about a whole file (missing, unreadable): at no line or column of it. */
export function fileIssue(code: IssueCode, message: string, file: string): Issue {
  return { code, message, file, line: 0, column: 0, path: '' };
}

/** The first `max` issues, then one that counts the rest: a flood of echoes helps nobody. */
export function capIssues(issues: Issue[], max: number): Issue[] {
  if (issues.length <= max) return issues;
  const rest = issues.length - max;
  return [...issues.slice(0, max), fileIssue('more_issues', `${rest} more problem${rest === 1 ? '' : 's'} not shown`, issues[max]!.file)];
}

/** `file:line:col: path: message (expected ...)`, the shape compilers use so editors can jump to it. */
export function formatIssue(issue: Issue): string {
  // An issue with no place in a file (a --set, a file that cannot be read at all) is not given line 0.
  const file = nameOnOneLine(issue.file);
  const where = issue.line > 0 ? `${file}:${issue.line}:${issue.column}` : file;
  const path = issue.path === '' ? '' : ` ${shortened(issue.path, 200)}:`;
  // "expected text, got null" needs no "(expected text)" after it.
  const expected = issue.expected === undefined || issue.message.includes(`expected ${issue.expected}`) ? '' : ` (expected ${shortened(issue.expected, 300)})`;
  return `${where}:${path} ${shortened(issue.message, 600)}${expected}`;
}

/** A text a line shows at most `max` characters of: a key or value of many kilobytes is shown by its start and its length. */
function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 40).join('')}… (${chars.length} characters)`;
}

/** Every problem of a file, one per line, then how many: what `run` and the web page say of a file that does not load. */
export function problemsText(issues: readonly Issue[], file: string): string {
  const n = problemCount(issues);
  return `${issues.map(issueLine).join('\n')}\n${n} problem${n === 1 ? '' : 's'} in ${nameOnOneLine(file)}`;
}

/** How many problems a list stands for: the count of those not listed (capIssues) included. */
export function problemCount(issues: readonly Issue[]): number {
  const last = issues.at(-1);
  const more = last?.code === 'more_issues' ? Number(/^\d+/.exec(last.message)?.[0] ?? 0) : 0;
  return issues.length + (more > 0 ? more - 1 : 0);
}

/** A problem's line; the count of those not listed is no place in a file, so it is said as a count. */
export function issueLine(issue: Issue): string {
  return issue.code === 'more_issues' ? `… ${issue.message}` : formatIssue(issue);
}
