import * as z from 'zod';
import { notAnExperiment } from './file-kind.js';
import { issueAt, type Issue, type Result } from './issue.js';
import { locate, nodeAt, toPlain, type LocatedNode, type PathSegment } from './located.js';
import type { SetOrigin } from './overrides.js';
import { BUNDLED_NAME, BUNDLED_PREFIX, namingFile, resolveNamedFile } from './named-file.js';
import { readScenarioFile } from './read-scenario-file.js';
import { schemaIssues } from './schema-issues.js';
import { words } from './schema.js';
import { MAX_SEED_CHARACTERS, seedProblem } from '../model/seed.js';
import { unsafeCharacterIn } from '../model/unsafe-characters.js';
import { defaultMessage, unknownFieldMessages } from './schema-messages.js';

/**
 * An experiment file: a sweep written down, so a class or a study can re-run it exactly.
 *
 *   scenario: russia-2000-stands-in-line      # bundled name, or a path inside this file's folder
 *   vary:
 *     - { path: candidate.acceptsStandardPath, from: 0.1, to: 0.9, steps: 5 }
 *     - "allies.US.consent=0.3:0.7:3"          # the --vary form works too
 *   samples: 40                                # optional: a Latin hypercube instead of the grid
 *   runs: 20000
 *   seed: "7"
 *   set: [ "candidate.interest=0.3" ]          # optional --set overrides of the scenario
 *
 * Read with the scenario loader's safeguards (YAML limits, duplicate keys, positions); every
 * problem comes back as an Issue with file:line:column.
 */
function fields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? unknownFieldMessages(iss.keys, known) : undefined) });
}

// A text field's length is not a number: "" is empty, not "too small".
const nonEmpty = () => z.string().min(1, { error: 'must not be empty' });

// As `--seed` takes it (seedProblem), its length told in characters. Empty or holding a control
// character, it is told once, by `words` and min(1).
const seedText = words.min(1, { error: 'must not be empty' }).superRefine((s, ctx) => {
  if (s.length === 0 || unsafeCharacterIn(s) !== undefined) return;
  const characters = [...s].length;
  const problem = characters > MAX_SEED_CHARACTERS ? `is ${characters} characters long; a seed has at most ${MAX_SEED_CHARACTERS}` : seedProblem(s);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: s });
});

const varyObject = fields({ path: nonEmpty(), from: z.number(), to: z.number(), steps: z.int().min(1).optional() });

export function experimentSchema(maxRuns: number) {
  return fields({
    $schema: z.string().optional(),
    description: z.string().optional(),
    scenario: nonEmpty(),
    vary: z
      .array(
        z.union([nonEmpty(), varyObject], {
          error: (iss) => (iss.code === 'invalid_union' ? 'expected "path=from:to:steps" or { path, from, to, steps }' : undefined),
        }),
      )
      .min(1),
    samples: z.int().min(1).optional(),
    runs: z.int().min(1).max(maxRuns).optional(),
    seed: z.union([seedText, z.number()]).optional(),
    set: z.array(nonEmpty()).optional(),
  });
}

export type ExperimentDocument = z.output<ReturnType<typeof experimentSchema>>;

export interface LoadedExperiment {
  readonly file: string;
  readonly experiment: ExperimentDocument;
  /** The parsed file with positions, to place problems found later (a path the scenario lacks). */
  readonly root: LocatedNode;
}

const NOT_A_MAPPING = 'an experiment must be a mapping of fields (scenario: ..., vary: ...)';

/** Reads and validates an experiment file. Problems come back as issues, never as exceptions. */
export async function loadExperimentFile(file: string, options: { maxRuns: number }): Promise<Result<LoadedExperiment>> {
  // The scenario reader's safeguards and positions; a non-mapping is told as an experiment, not a scenario.
  const parsed = await readScenarioFile(file);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => (i.code === 'not_a_mapping' ? { ...i, message: NOT_A_MAPPING } : i)) };
  const root = parsed.value;
  const wrongKind = notAnExperiment(root);
  if (wrongKind !== undefined) return { ok: false, issues: [wrongKind] };
  const validated = experimentSchema(options.maxRuns).safeParse(toPlain(root), { reportInput: true, error: defaultMessage });
  if (!validated.success) return { ok: false, issues: schemaIssues(validated.error.issues, root) };
  return { ok: true, value: { file, experiment: validated.data, root } };
}

/** Where each `set:` entry of a loaded experiment is written: a problem in one is told at its line. */
export function experimentSetOrigins(loaded: LoadedExperiment): SetOrigin[] {
  return (loaded.experiment.set ?? []).map((_, i) => {
    const { file, line, column } = locate(loaded.root, ['set', i]);
    return { file, line, column };
  });
}

/** An issue placed at a field of a loaded experiment, e.g. ['vary', 1, 'path']. */
export function experimentIssue(loaded: LoadedExperiment, path: readonly PathSegment[], message: string): Issue {
  const shown = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`)).join('');
  return issueAt('invalid_value', message, locate(loaded.root, path), shown);
}

/**
 * The scenario file an experiment names: a bare bundled name (`russia-2000`), `bundled:<id>`,
 * or a path inside the experiment file's folder, under the same rule as `extends`.
 */
export async function experimentScenarioFile(loaded: LoadedExperiment, bundledDir: string): Promise<Result<string>> {
  const written = loaded.experiment.scenario;
  const name = BUNDLED_NAME.test(written) ? `${BUNDLED_PREFIX}${written}` : written;
  const found = await resolveNamedFile(name, await namingFile(loaded.file), { field: 'scenario', at: locate(loaded.root, ['scenario']), bundledDir });
  return found.ok ? { ok: true, value: found.value.shownAs } : found;
}

/** A number of an experiment file as it is written there (`seed: 0x10` is "0x10", as `--seed 0x10` is). */
export function writtenNumber(loaded: LoadedExperiment, path: readonly PathSegment[]): string {
  const node = nodeAt(loaded.root, path);
  return node?.kind === 'scalar' ? (node.written ?? String(node.value)) : '';
}
