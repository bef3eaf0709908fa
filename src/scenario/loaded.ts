import type { Scenario } from '../model/scenario.js';
import type { Issue, Origin } from './issue.js';
import type { SetOrigin } from './overrides.js';

/** What loading a scenario file takes and gives (load.ts reads it; the cache and the full load share these). */
export interface LoadOptions {
  /** `path=value` overrides, applied in order after `extends` and before validation. */
  readonly sets?: readonly string[];
  /** Where each of `sets` is written, when a file holds it (an experiment's `set:` entries): its problems are told there. */
  readonly setsAt?: readonly (SetOrigin | undefined)[];
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
  /** Where `baseline:` is written (in this file or one it extends), for a message about it; absent from a cached load. */
  readonly baselineAt?: Origin;
}

export type LoadResult = { readonly ok: true; readonly value: LoadedScenario } | { readonly ok: false; readonly issues: Issue[] };
