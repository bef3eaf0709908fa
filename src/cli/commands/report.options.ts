import { readsFile, valueOption, type FlagsOf } from '../command-spec.js';
import { json, output, runs, seed, set, workers, yes } from '../common-options.js';
import { branchesOption, countOption } from '../options.js';

/** `article10 report`: its options, and the flags its work receives (the command is declared in report.command.ts). */
export const options = {
  audience: valueOption('--audience <who>', 'student (one printed page in plain words: the question, both teams, one story, questions, a glossary) or teacher (everything: assumptions, sources, tornado, the least rewrite)', undefined, 'student'),
  compare: readsFile(valueOption('--compare <other>', 'team B\'s file (or bundled name): the <scenario> is team A, this file team B, both run on common random numbers; the handout is team B\'s, with team A beside it (for team A\'s handout, swap the two files)')),
  names: valueOption('--names <a,b>', 'the two teams\' names on the student\'s handout, in the order of the files: the <scenario>\'s (team A) first, then --compare\'s (team B); e.g. "Yes side,No side" (default: "Team A,Team B")'),
  format: valueOption('--format <format>', 'md or html (default: from the --out extension, else md)'),
  outcome: valueOption('--outcome <outcome>', 'the share the tornado explains (default: joined, or the deepest stage enough branches reach)'),
  runs: runs('branches for the outcomes, the funnel and the comparison', 20_000),
  sensitivityRuns: valueOption('--sensitivity-runs <N>', 'branches per end of each swing of the tornado', branchesOption('--sensitivity-runs'), 1000),
  seed: seed(),
  top: valueOption('--top <K>', 'rows of the tornado', countOption('--top', 1, 1000), 10),
  workers: workers('all cores for long runs'),
  set: set(),
  yes: yes(),
  json: json('print the data behind the handout as JSON'),
  charts: valueOption('--charts <dir>', 'also write each chart of the handout as SVG and PNG into this folder (made if missing; files there are replaced only with --force)'),
  ...output('write the handout to a file (atomically) instead of stdout'),
};

export type ReportFlags = FlagsOf<typeof options>;
