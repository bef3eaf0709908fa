import { duplicateNames } from './document-shape.js';
import { issueAt, type Issue, type Origin, type Result } from './issue.js';
import { LIMITS } from './limits.js';
import { findEntry, type LocatedMap } from './located.js';
import { mergeDocuments, withoutField } from './merge.js';
import { nearMisses, type NearMiss } from './new-entries.js';
import { namingFile, resolveNamedFile, type NamedFile, type RefusalCodes } from './named-file.js';
import { FILE_LEVEL_CODES, readScenarioFile } from './read-scenario-file.js';

const EXTENDS_CODES: RefusalCodes = { outside: 'extends_outside', notFound: 'extends_not_found' };

export interface MergedChain {
  /** The documents of the chain merged, base first, without their `extends` fields. */
  readonly document: LocatedMap;
  /** The file loaded first, then the file it extends, and so on. */
  readonly chain: string[];
  /** Problems found along the way that do not stop the merge (repeated names in a list). */
  readonly issues: Issue[];
  /** Entries whose name is not in the file they extend but close to one there (a likely typo). */
  readonly nearMisses: NearMiss[];
}

/**
 * Follows `extends` from `document` (read from `file`) to the root and merges the chain. Each
 * target obeys the rule for named files (see named-file.ts): inside the extending file's
 * folder, or `bundled:<id>`.
 */
export async function mergeExtendsChain(document: LocatedMap, file: string, bundledDir: string): Promise<Result<MergedChain>> {
  return follow(document, await namingFile(file), [], bundledDir);
}

async function follow(document: LocatedMap, file: NamedFile, below: readonly NamedFile[], bundledDir: string): Promise<Result<MergedChain>> {
  const duplicates = duplicateNames(document);
  const own = withoutField(document, 'extends');
  const extendsEntry = findEntry(document, 'extends');
  if (extendsEntry === undefined) return { ok: true, value: { document: own, chain: [file.shownAs], issues: duplicates, nearMisses: [] } };

  const value = extendsEntry.value;
  if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.value.trim() === '') {
    return fail(issueAt('invalid_type', 'extends names a file: a relative path or bundled:<id>', value.at, 'extends', 'text'));
  }
  const written = value.value;
  const chainSoFar = [...below, file];
  if (chainSoFar.length >= LIMITS.maxExtendsDepth) {
    return fail(issueAt('extends_too_long', `more than ${LIMITS.maxExtendsDepth} files in the extends chain`, value.at, 'extends'));
  }

  const target = await resolveNamedFile(written, file, { field: 'extends', at: value.at, bundledDir, codes: EXTENDS_CODES });
  if (!target.ok) return target;
  const cycleStart = chainSoFar.findIndex((f) => f.realPath === target.value.realPath);
  if (cycleStart >= 0) {
    const names = [...chainSoFar.slice(cycleStart), target.value].map((f) => f.shownAs);
    return fail(issueAt('extends_cycle', `extends cycle: ${names.join(' -> ')}`, value.at, 'extends'));
  }

  const base = await readScenarioFile(target.value.realPath, target.value.shownAs);
  if (!base.ok) return { ok: false, issues: base.issues.map((issue) => (FILE_LEVEL_CODES.has(issue.code) ? atExtends(issue, written, value.at) : issue)) };

  const merged = await follow(base.value, target.value, chainSoFar, bundledDir);
  if (!merged.ok) return merged;
  return {
    ok: true,
    value: {
      document: mergeDocuments(merged.value.document, own),
      chain: [file.shownAs, ...merged.value.chain],
      issues: [...duplicates, ...merged.value.issues],
      nearMisses: [...nearMisses(merged.value.document, own), ...merged.value.nearMisses],
    },
  };
}

/** A problem with the extended file as a whole is reported where `extends` names it. */
function atExtends(issue: Issue, written: string, at: Origin): Issue {
  const code = issue.code === 'file_not_found' ? 'extends_not_found' : issue.code;
  return issueAt(code, `extends ${JSON.stringify(written)}: ${issue.message} (${issue.file})`, at, 'extends');
}

function fail<T>(issue: Issue): Result<T> {
  return { ok: false, issues: [issue] };
}
