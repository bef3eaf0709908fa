import { bundledScenariosDir } from '../io/paths.js';
import type { Scenario } from '../model/scenario.js';
import type { Issue } from './issue.js';
import { cachedLoad } from './load-cache.js';

export { formatIssue, type Issue, type IssueCode } from './issue.js';

export interface LoadOptions {
  /** `path=value` overrides, applied in order after `extends` and before validation. */
  readonly sets?: readonly string[];
  /** Where `extends: bundled:<id>` looks; defaults to the repository's scenarios/ folder. */
  readonly bundledDir?: string;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** Defaults that stood in for values the scenario left out, and similar notes. */
  readonly warnings: string[];
  readonly file: string;
  /** The loaded file, then the file it extends, and so on to the root of the chain. */
  readonly chain: string[];
  /** The merged document (after --set, before defaults), as plain data: for diffing and saving. */
  readonly document: unknown;
}

export type LoadResult = { readonly ok: true; readonly value: LoadedScenario } | { readonly ok: false; readonly issues: Issue[] };

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
