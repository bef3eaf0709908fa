import type { Issue, Origin, Result } from './issue.js';
import { findEntry, type LocatedMap } from './located.js';
import { BUNDLED_PREFIX, isNotFound, namingFile, resolveNamedFile, type NamedFile } from './named-file.js';

/**
 * The file a `baseline:` names, under the rule for named files (see named-file.ts). An
 * inherited `baseline:` is written relative to the file that set it, somewhere up the extends
 * chain: the first file of `chain` whose folder holds it wins.
 */
export async function resolveBaseline(written: string, chain: readonly string[], at: Origin, bundledDir: string): Promise<Result<NamedFile>> {
  let missing: Result<NamedFile> | undefined;
  for (const file of written.startsWith(BUNDLED_PREFIX) ? chain.slice(0, 1) : chain) {
    const found = await resolveNamedFile(written, await namingFile(file), { field: 'baseline', at, bundledDir });
    if (found.ok || !found.issues.every((i) => isNotFound(i))) return found;
    missing ??= found;
  }
  return missing ?? { ok: false, issues: [] };
}

/**
 * A `baseline:` that names a file it may not (outside the folder, a bad bundled id, a pipe):
 * refused when the scenario loads, at the line that names it. A missing file is not refused
 * here: the commands that measure against the baseline say so and go on without it.
 */
export async function baselineProblems(root: LocatedMap, chain: readonly string[], bundledDir: string): Promise<Issue[]> {
  const entry = findEntry(root, 'baseline');
  if (entry === undefined || entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') return [];
  const found = await resolveBaseline(entry.value.value, chain, entry.value.at, bundledDir);
  return found.ok ? [] : found.issues.filter((i) => !isNotFound(i));
}
