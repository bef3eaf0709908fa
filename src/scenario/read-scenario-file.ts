import { cachedTree } from './parse-cache.js';
import { readTextFile, type ReadTextFailure } from '../io/read-text.js';
import { fileIssue, type IssueCode, type Result } from './issue.js';
import { LIMITS } from './limits.js';
import type { LocatedMap } from './located.js';
import { parseScenarioText } from './parse-yaml.js';

const FAILURE_CODES: Readonly<Record<ReadTextFailure['kind'], IssueCode>> = {
  not_found: 'file_not_found',
  is_directory: 'is_directory',
  not_a_file: 'not_a_file',
  too_large: 'file_too_large',
  binary: 'binary_file',
  invalid_encoding: 'invalid_encoding',
  unreadable: 'read_failed',
};

/** The issue code of a file that cannot be read. */
export function readFailureCode(kind: ReadTextFailure['kind']): IssueCode {
  return FAILURE_CODES[kind];
}

/** Codes of issues about a file as a whole, which have no line to point at. */
export const FILE_LEVEL_CODES: ReadonlySet<IssueCode> = new Set(Object.values(FAILURE_CODES));

/** Reads and parses one scenario file. `shownAs` is the name issues use for it. */
export async function readScenarioFile(path: string, shownAs: string = path): Promise<Result<LocatedMap>> {
  const read = await readTextFile(path, LIMITS.maxFileBytes);
  if (!read.ok) return { ok: false, issues: [fileIssue(readFailureCode(read.failure.kind), read.failure.message, shownAs)] };
  const cached = cachedTree(read.text, shownAs);
  if (cached !== undefined) return { ok: true, value: cached };
  return parseScenarioText(read.text, shownAs);
}
