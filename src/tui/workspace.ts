import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { findBaseline, withBaselineFor, type BaselineLookup } from '../analysis/rewrite/baseline.js';
import { findSameFile, inspectOutput, placeWritten, type OutputTarget } from '../io/output-target.js';
import { writeToTarget } from '../io/write-output.js';
import { errorCode } from '../io/error-code.js';
import { shellWord } from '../report/format.js';
import type { Scenario } from '../model/scenario.js';
import { formatIssue, issueLine, loadScenarioFile } from '../scenario/load.js';
import { editedId } from '../scenario/edited-title.js';

/** What the UI reads and writes on disk: scenario files to open, and saved edits. */

export interface ScenarioEntry {
  readonly file: string;
  readonly id?: string;
  readonly title?: string;
  readonly year?: number;
  /** Why it cannot be opened. */
  readonly problem?: string;
}

export type Opened = { readonly ok: true; readonly scenario: Scenario; readonly file: string; readonly warnings: readonly string[] } | { readonly ok: false; readonly problems: readonly string[] };

export type Saved =
  | { readonly ok: true; readonly file: string; readonly id: string; readonly title: string; readonly changes: number; readonly complete: boolean }
  | { readonly ok: false; readonly message: string };

export interface Workspace {
  /** The bundled scenarios, the files named on the command line and `also`, each with its title. */
  listScenarios(also?: readonly string[]): Promise<ScenarioEntry[]>;
  open(file: string): Promise<Opened>;
  /** The historical baseline the file rewrites (its `baseline:`, else the file it extends), as `run` finds it. */
  findBaseline(file: string): Promise<BaselineLookup>;
  /** Where a save goes unless the user types another name. */
  defaultSavePath(source: string, id: string): string;
  resolvePath(typed: string): string;
  /** A path as the user would type it: relative to the working folder when it is inside it. */
  displayPath(path: string): string;
  exists(path: string): boolean;
  /** Writes the differences between the file `source` (as it is on disk) and `edited` to `target`. */
  save(source: string, edited: Scenario, target: string): Promise<Saved>;
}

export interface FileWorkspaceOptions {
  readonly bundledDir: string;
  /** Scenario files given on the command line, offered next to the bundled ones. */
  readonly extraFiles?: readonly string[];
  readonly cwd?: string;
  /** The folder a typed `~/` stands for (the user's home unless given). */
  readonly home?: string;
}

export function fileWorkspace(options: FileWorkspaceOptions): Workspace {
  const bundledDir = resolve(options.bundledDir);
  const cwd = options.cwd ?? process.cwd();
  const open = async (file: string): Promise<Opened> => {
    const result = await loadScenarioFile(file, { bundledDir });
    if (!result.ok) return { ok: false, problems: result.issues.map(issueLine) };
    return { ok: true, scenario: result.value.scenario, file: result.value.file, warnings: result.value.warnings };
  };
  return {
    async listScenarios(also = []) {
      const bundled = (await readdir(bundledDir)).filter((f) => /\.(ya?ml)$/.test(f)).sort().map((f) => join(bundledDir, f));
      const files = [...new Set([...bundled, ...[...(options.extraFiles ?? []), ...also].map((f) => resolve(cwd, f))])];
      return Promise.all(
        files.map(async (file): Promise<ScenarioEntry> => {
          const opened = await open(file);
          if (!opened.ok) return { file, problem: `${opened.problems.length} problem(s): ${opened.problems[0] ?? ''}` };
          const s = opened.scenario;
          return { file, id: s.id, title: s.title, year: s.decisionPoint.year };
        }),
      );
    },
    open,
    async findBaseline(file) {
      // Read again for its extends chain; a file that cannot be read now has no baseline to offer.
      const loaded = await loadScenarioFile(file, { bundledDir });
      return loaded.ok ? findBaseline(loaded.value, bundledDir) : { kind: 'none' };
    },
    defaultSavePath(source, id) {
      // Next to the source, unless it is a bundled file (the package's folder is not the user's).
      const dir = dirname(resolve(source)) === bundledDir ? cwd : dirname(resolve(source));
      return join(dir, `${editedId(id)}.yaml`);
    },
    // The prompt is not a shell: `~/` is expanded here, as a shell would, not saved as a folder named "~".
    resolvePath: (typed) => resolve(cwd, typed === '~' || typed.startsWith('~/') ? join(options.home ?? homedir(), typed.slice(1)) : typed),
    displayPath(path) {
      const rel = relative(cwd, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
    },
    exists: (path) => existsSync(path),
    async save(source, edited, target) {
      // Writing YAML needs the YAML library: loaded on the first save, not when the UI opens.
      const { authoringYaml, completeDocument, countChanges, extendsReference, overrideDocument, savedHeader } = await import('../scenario/override-document.js');
      const base = await loadScenarioFile(source, { bundledDir });
      if (!base.ok) return { ok: false, message: `cannot read ${source} to compare with: ${base.issues.map(formatIssue)[0] ?? ''}` };
      // Relative to where the file goes: through a symbolic link, that may be another folder.
      const written = await placeWritten(target);
      const reference = extendsReference(source, written, bundledDir);
      const { id, title } = savedHeader(base.value.scenario, edited, idFromFileName(target));
      // A source that rewrites the file it extends, with no `baseline:` in its chain, is measured
      // from that file (as on the status line). The saved file extends the source, so without a
      // `baseline:` naming that history `run` would measure it from the source, the file's own changes left out.
      const history = base.value.scenario.baseline === undefined ? await findBaseline(base.value, bundledDir) : undefined;
      const baseline = history?.kind === 'found' ? extendsReference(history.file, written, bundledDir) : undefined;
      try {
        const found = await inspectOutput(target);
        const refused = await refusedTarget(found, base.value.chain);
        if (refused !== undefined) return { ok: false, message: `could not save ${target}: ${refused}` };
        // A complete copy names the source's baseline from where it goes.
        const complete = async () => {
          const copy = await withBaselineFor(edited, base.value, written, bundledDir);
          return completeDocument(baseline === undefined ? copy : { ...copy, baseline }, { id, title });
        };
        const doc = reference === undefined ? await complete() : overrideDocument(base.value.scenario, edited, { extends: reference, id, title, ...(baseline !== undefined && { baseline }) });
        const comment =
          reference === undefined
            ? ` Saved by article10 tui: a complete copy of ${basename(source)} with edits (it is not in this folder or below it, so it cannot be extended from here).`
            : ` Saved by article10 tui: what differs from ${reference}. Run it with: npx article10 run ${shellWord(basename(target))}`;
        // A named pipe is written only to a program already reading it: the explorer cannot wait
        // for one (the wait would hold the save, and the quit after it, with nothing on screen to end it).
        const noReader = new AbortController();
        await writeToTarget(found, authoringYaml(doc, comment), { signal: noReader.signal, onWaitForReader: () => noReader.abort(new Error('it is a named pipe that no program is reading; nothing was written')) });
        return { ok: true, file: target, id, title, changes: countChanges(doc), complete: reference === undefined };
      } catch (error) {
        // The write goes through a temporary file beside the target: a system message would name that file, not the user's.
        const code = errorCode(error);
        const why = code === 'ENOENT' ? `there is no folder ${dirname(target)}` : code === 'ENOTDIR' ? `${dirname(target)} is not a folder` : code === 'EACCES' || code === 'EPERM' ? `no permission to write in ${dirname(target)}` : error instanceof Error ? error.message : String(error);
        return { ok: false, message: `could not save ${target}: ${why}` };
      }
    },
  };
}

/**
 * Why a save may not go to `found`, as for the command line's --out: it is the source or a
 * file it extends (the edits are computed from them, and would end up extending themselves),
 * a read-only file, or not a file at all.
 */
async function refusedTarget(found: OutputTarget, sources: readonly string[]): Promise<string | undefined> {
  if (found.kind === 'refused') return `it is ${found.what}`;
  if (found.kind === 'file' && found.readOnly) return 'the file is read-only';
  const source = found.kind === 'new' ? undefined : await findSameFile(found.id, sources);
  return source === undefined ? undefined : `that is ${basename(source)}, which the edits are based on; choose another name`;
}

/** A scenario id from a file name, when the name is a valid id ([a-z0-9-]). */
function idFromFileName(file: string): string | undefined {
  // "Team B.yaml" gives team-b: an id has only lowercase letters, digits and hyphens.
  const name = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? name : undefined;
}
