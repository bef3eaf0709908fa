import { findBaseline } from '../../../analysis/rewrite/baseline.js';
import type { Scenario } from '../../../model/scenario.js';
import type { AuthoringMap } from '../../../scenario/authoring.js';
import { loadScenarioFile, problemsText } from '../../../scenario/load.js';
import { authoringYaml, completeDocument, countChanges, overrideDocument, savedHeader } from '../../../scenario/override-document.js';
import { putFile, setWorkingFolder } from '../../platform/files.js';
import { bundledFiles } from './data.js';

/**
 * The command line's loader in the page (loaded on first use: it brings the YAML parser and the
 * schema library). Files live in the page's own file store (platform/files.ts): the bundled
 * scenarios in /scenarios/, the user's in /files/, the working folder, so a file is named in
 * messages as the user named it and `extends: bundled:russia-2000` works as in the terminal.
 */
export const BUNDLED_DIR = '/scenarios';
const WORKING_DIR = '/files';

export interface Loaded {
  readonly scenario: Scenario;
  readonly warnings: readonly string[];
  /** As messages name it. */
  readonly file: string;
  /** What it rewrites (its `baseline:`, else the file it extends), as `run` finds it. */
  readonly baseline?: { readonly file: string; readonly scenario: Scenario };
}

export type LoadOutcome = { readonly ok: true; readonly value: Loaded } | { readonly ok: false; readonly message: string };

let ready: Promise<void> | undefined;

/** Puts the bundled files in place, once. */
function prepare(): Promise<void> {
  ready ??= bundledFiles().then((files) => {
    for (const [path, text] of Object.entries(files)) putFile(`${BUNDLED_DIR}/${path}`, text);
    setWorkingFolder(WORKING_DIR);
  });
  return ready;
}

async function load(path: string, shownAs: string = path): Promise<LoadOutcome> {
  await prepare();
  const result = await loadScenarioFile(path, { bundledDir: BUNDLED_DIR });
  if (!result.ok) return { ok: false, message: problemsText(result.issues, shownAs) };
  const base = await findBaseline(result.value, BUNDLED_DIR);
  const { scenario, warnings } = result.value;
  return { ok: true, value: { scenario, warnings, file: shownAs, ...(base.kind === 'found' && { baseline: { file: base.file, scenario: base.scenario } }) } };
}

/** Several files at once (a file and the files it extends): all are put in place before any is read. */
export async function loadUserFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<LoadOutcome[]> {
  await prepare();
  for (const f of files) putFile(`${WORKING_DIR}/${f.name}`, f.bytes);
  const out: LoadOutcome[] = [];
  for (const f of files) out.push(await load(f.name));
  return out;
}

/** Where a link's document is read from: next to its bundled scenario (which it extends), or in the working folder. */
const LINK_FILE = 'shared-link.yaml';

/**
 * The scenario a link holds: the changes to bundled scenario `name` (as the TUI's `s` saves
 * them), or a whole scenario when `name` is undefined. Read as a file is read, so a link made
 * by another version of the page is checked and its problems told as for a file.
 */
export async function loadLinkDocument(name: string | undefined, doc: unknown): Promise<LoadOutcome> {
  await prepare();
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, message: "the link's changes are not a scenario's" };
  // The page never writes one: changes that extend a file of their own would open another scenario under this one's name.
  if (name !== undefined && Object.hasOwn(doc, 'extends')) return { ok: false, message: `the link's changes name a file to extend, but they are changes to ${name}, which the link names` };
  const at = name === undefined ? `${WORKING_DIR}/${LINK_FILE}` : `${BUNDLED_DIR}/${name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : ''}${LINK_FILE}`;
  const document = name === undefined ? doc : { extends: `${name.slice(name.lastIndexOf('/') + 1)}.yaml`, ...doc };
  let text: string;
  try {
    text = authoringYaml(document as AuthoringMap, ' The scenario of a shared link.');
  } catch {
    return { ok: false, message: "the link's changes cannot be read as a scenario" };
  }
  putFile(at, text);
  return load(at, 'the shared link');
}

/** A link's document: what differs from the bundled scenario it came from, without a header (the link names the scenario). */
export function linkChanges(original: Scenario, edited: Scenario): AuthoringMap {
  const { extends: _extends, ...changes } = overrideDocument(original, edited, { extends: '' });
  return changes;
}

/** A whole scenario, for a link of a scenario that came from a file (the one who opens the link does not have it). */
export function wholeScenario(edited: Scenario): AuthoringMap {
  return completeDocument(edited, {});
}

export interface Download {
  readonly name: string;
  readonly text: string;
  readonly changes: number;
  readonly complete: boolean;
}

/**
 * The YAML file "Download" gives, as the TUI's `s` saves it: a small file that `extends:` the
 * bundled scenario and holds only the changes, which `article10 run` reads anywhere; a complete
 * copy when the scenario came from a file or from a folder `bundled:` cannot name.
 */
export function downloadYaml(original: Scenario, edited: Scenario, bundledName: string | undefined): Download {
  const { id, title } = savedHeader(original, edited);
  const name = `${id}.yaml`;
  if (bundledName !== undefined && !bundledName.includes('/')) {
    const doc = overrideDocument(original, edited, { extends: `bundled:${bundledName}`, id, title });
    const text = authoringYaml(doc, ` Saved by the article10 web explorer: what differs from bundled:${bundledName}. Run it with: npx article10 run ${name}`);
    return { name, text, changes: countChanges(doc), complete: false };
  }
  const doc = completeDocument(edited, { id, title });
  return { name, text: authoringYaml(doc, ` Saved by the article10 web explorer: a complete scenario with edits. Run it with: npx article10 run ${name}`), changes: countChanges(doc), complete: true };
}
