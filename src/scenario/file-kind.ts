import { issueAt, type Issue } from './issue.js';
import { findEntry, type LocatedMap } from './located.js';

/**
 * The files article10 reads and writes look alike (YAML or JSON mappings), and one given where
 * another is expected would otherwise get a problem for each field it lacks and each it has.
 * Told apart by the fields only that kind has, so one message says what the file is and which
 * command reads it.
 */
type FileKind = 'scenario' | 'experiment' | 'partial' | 'output';

function kindOf(root: LocatedMap): FileKind | undefined {
  const has = (key: string) => findEntry(root, key) !== undefined;
  const format = findEntry(root, 'format')?.value;
  if (format?.kind === 'scalar' && typeof format.value === 'string' && format.value.startsWith('article10-partial/')) return 'partial';
  // The --json documents of run, compare, sweep, backtest and sensitivity carry both, and no
  // scenario or experiment has a version (a run's also has a decisionPoint, a sweep's a scenario and vary).
  if (has('version') && has('seed')) return 'output';
  if (has('candidate') || has('decisionPoint') || has('extends')) return 'scenario';
  if (has('vary') && has('scenario')) return 'experiment';
  return undefined;
}

const WHAT: Readonly<Record<Exclude<FileKind, 'scenario'>, string>> = {
  experiment: 'an experiment file (it has scenario and vary): run it with `article10 sweep --experiment FILE`',
  partial: 'a part of a sharded run or sweep (written with --shard): combine the parts with `article10 merge PART...`',
  output: "a result article10 wrote (a --json document), not a file it reads",
};

/** The one problem of a file given as a scenario that is another kind of article10 file; undefined for anything else. */
export function notAScenario(root: LocatedMap): Issue | undefined {
  const kind = kindOf(root);
  if (kind === undefined || kind === 'scenario') return undefined;
  return issueAt('wrong_kind_of_file', `this is not a scenario but ${WHAT[kind]}`, root.at, '');
}

/** The one problem of a file given as an experiment that is another kind of article10 file; undefined for anything else. */
export function notAnExperiment(root: LocatedMap): Issue | undefined {
  const kind = kindOf(root);
  if (kind === undefined || kind === 'experiment') return undefined;
  const what = kind === 'scenario' ? 'a scenario: sweep it with `article10 sweep FILE --vary path=from:to:steps`, or write an experiment file that names it (scenario: FILE)' : WHAT[kind];
  return issueAt('wrong_kind_of_file', `this is not an experiment file but ${what}`, root.at, '');
}
