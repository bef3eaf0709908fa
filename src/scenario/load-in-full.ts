import { baselineProblems } from './baseline-file.js';
import { checkScenario } from './checks.js';
import { duplicateNames } from './document-shape.js';
import { mergeExtendsChain } from './extends.js';
import { notAScenario } from './file-kind.js';
import { explainNearMisses } from './new-entries.js';
import { capIssues } from './issue.js';
import { LIMITS } from './limits.js';
import type { LoadOptions, LoadResult } from './loaded.js';
import { bundledScenariosDir } from '../io/paths.js';
import { findEntry, toPlain, type LocatedMap } from './located.js';
import { normalizeScenario } from './normalize.js';
import { applyOverrides } from './overrides.js';
import { parseScenarioText } from './parse-yaml.js';
import { readScenarioFile } from './read-scenario-file.js';
import { schemaIssues } from './schema-issues.js';
import { defaultMessage } from './schema-messages.js';
import { scenarioSchema } from './schema.js';

/**
 * The full loader: parse (YAML), follow `extends`, apply --set, validate (schema), check and
 * normalise. It pulls in the YAML parser and the schema library, so it is loaded only when a
 * file is not in the build-time cache (see load-cache.ts).
 */
export async function loadFileInFull(path: string, options: LoadOptions): Promise<LoadResult> {
  const parsed = await readScenarioFile(path);
  return capped(parsed.ok ? await loadDocument(parsed.value, path, options) : parsed);
}

export async function loadTextInFull(text: string, file: string, options: LoadOptions): Promise<LoadResult> {
  const parsed = parseScenarioText(text, file);
  return capped(parsed.ok ? await loadDocument(parsed.value, file, options) : parsed);
}

function capped(result: LoadResult): LoadResult {
  return result.ok ? result : { ok: false, issues: capIssues(result.issues, LIMITS.maxIssues) };
}

async function loadDocument(parsed: LocatedMap, file: string, options: LoadOptions): Promise<LoadResult> {
  const wrongKind = notAScenario(parsed);
  if (wrongKind !== undefined) return { ok: false, issues: [wrongKind] };
  const bundledDir = options.bundledDir ?? bundledScenariosDir();
  const merged = await mergeExtendsChain(parsed, file, bundledDir);
  if (!merged.ok) return merged;
  const { chain, issues: mergeIssues } = merged.value;

  const overridden = applyOverrides(merged.value.document, options.sets ?? [], options.setsAt);
  if (!overridden.ok) return { ok: false, issues: [...mergeIssues, ...overridden.issues] };
  const root = overridden.value;
  // A --set can rename an entry onto another: the repeat a file with the same content gets.
  const setFiles = new Set(['--set', ...(options.setsAt ?? []).flatMap((at) => (at === undefined ? [] : [at.file]))]);
  const renamed = duplicateNames(root).filter((issue) => setFiles.has(issue.file));
  if (renamed.length > 0) return { ok: false, issues: [...mergeIssues, ...renamed] };
  const document = toPlain(root);

  const validated = scenarioSchema.safeParse(document, { reportInput: true, error: defaultMessage });
  if (!validated.success) return { ok: false, issues: [...mergeIssues, ...explainNearMisses(schemaIssues(validated.error.issues, root), merged.value.nearMisses, root)] };
  const problems = [...mergeIssues, ...checkScenario(validated.data, root), ...(await baselineProblems(root, chain, bundledDir))];
  if (problems.length > 0) return { ok: false, issues: problems };

  const { scenario, warnings } = normalizeScenario(validated.data);
  const baselineAt = findEntry(root, 'baseline')?.value.at;
  return { ok: true, value: { scenario, warnings, file, chain, document, ...(baselineAt === undefined ? {} : { baselineAt }) } };
}
