import { bundledScenariosDir } from '../io/paths.js';
import type { LoadOptions, LoadResult } from './loaded.js';
import { cachedLoad } from './load-cache.js';

export { formatIssue, issueLine, problemCount, problemsText, type Issue, type IssueCode } from './issue.js';

export type { LoadedScenario, LoadOptions, LoadResult } from './loaded.js';

/**
 * Reads, validates and normalizes a scenario file. Problems come back as issues, never as
 * exceptions. A bundled file whose chain is unchanged since the build comes from the cache.
 */
export async function loadScenarioFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  if ((options.sets ?? []).length === 0) {
    const hit = await cachedLoad(path, options.bundledDir ?? bundledScenariosDir());
    if (hit !== undefined) return { ok: true, value: hit };
  }
  return (await import('./load-in-full.js')).loadFileInFull(path, options);
}

/** As loadScenarioFile, for text already in memory; `file` names it and anchors relative `extends`. */
export async function loadScenarioText(text: string, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  return (await import('./load-in-full.js')).loadTextInFull(text, file, options);
}
