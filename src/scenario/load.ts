import { bundledScenariosDir } from '../io/paths.js';
import type { Scenario } from '../model/scenario.js';
import { checkScenario } from './checks.js';
import { mergeExtendsChain } from './extends.js';
import { capIssues, type Issue } from './issue.js';
import { LIMITS } from './limits.js';
import { toPlain, type LocatedMap } from './located.js';
import { normalizeScenario } from './normalize.js';
import { applyOverrides } from './overrides.js';
import { parseScenarioText } from './parse-yaml.js';
import { readScenarioFile } from './read-scenario-file.js';
import { schemaIssues } from './schema-issues.js';
import { defaultMessage } from './schema-messages.js';
import { scenarioSchema } from './schema.js';

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

/** Reads, validates and normalizes a scenario file. Problems come back as issues, never as exceptions. */
export async function loadScenarioFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const parsed = await readScenarioFile(path);
  return capped(parsed.ok ? await loadDocument(parsed.value, path, options) : parsed);
}

/** As loadScenarioFile, for text already in memory; `file` names it and anchors relative `extends`. */
export async function loadScenarioText(text: string, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const parsed = parseScenarioText(text, file);
  return capped(parsed.ok ? await loadDocument(parsed.value, file, options) : parsed);
}

function capped(result: LoadResult): LoadResult {
  return result.ok ? result : { ok: false, issues: capIssues(result.issues, LIMITS.maxIssues) };
}

async function loadDocument(parsed: LocatedMap, file: string, options: LoadOptions): Promise<LoadResult> {
  const merged = await mergeExtendsChain(parsed, file, options.bundledDir ?? bundledScenariosDir());
  if (!merged.ok) return merged;
  const { chain, issues: mergeIssues } = merged.value;

  const overridden = applyOverrides(merged.value.document, options.sets ?? []);
  if (!overridden.ok) return { ok: false, issues: [...mergeIssues, ...overridden.issues] };
  const root = overridden.value;
  const document = toPlain(root);

  const validated = scenarioSchema.safeParse(document, { reportInput: true, error: defaultMessage });
  if (!validated.success) return { ok: false, issues: [...mergeIssues, ...schemaIssues(validated.error.issues, root)] };
  const problems = [...mergeIssues, ...checkScenario(validated.data, root)];
  if (problems.length > 0) return { ok: false, issues: problems };

  const { scenario, warnings } = normalizeScenario(validated.data);
  return { ok: true, value: { scenario, warnings, file, chain, document } };
}
