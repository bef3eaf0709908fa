import { knownPaths, scenarioLevers, globMatcher, type Lever } from '../../analysis/rewrite-search/levers.js';
import type { Scenario } from '../../model/scenario.js';
import { runRewriteSearch, searchEstimate } from '../../analysis/rewrite-search/run.js';
import { SEARCH_DEFAULTS } from '../../analysis/rewrite-search/search.js';
import { counterfactualSeeds } from '../../analysis/rewrite-search/seeds.js';
import { withBaselineFor } from '../../analysis/rewrite/baseline.js';
import { parseTarget } from '../../analysis/rewrite-search/target.js';
import { rewriteText } from '../../analysis/rewrite-search/text.js';
import { placeWritten } from '../../io/output-target.js';
import { bundledScenariosDir } from '../../io/paths.js';
import { integer, shellWord } from '../../report/format.js';
import { stableJson } from '../../report/json.js';
import { authoringYaml, completeDocument, extendsReference, overrideDocument } from '../../scenario/override-document.js';
import { checkWork } from '../budget.js';
import { runAnalysis } from '../analysis.js';
import { UsageError } from '../errors.js';
import { loadForCommand, resolveScenarioPath } from '../load.js';
import { checkOtherOutput, emit, printToStderr, terminalColumns } from '../output.js';
import type { RewriteFlags } from './rewrite.options.js';

/** Evaluations a search may use at most, for the work budget: its budget, a last round, the backward pass and the verification. */
const EVALUATIONS_BOUND = SEARCH_DEFAULTS.budget + 1600;

/** `article10 rewrite`: the least rewrite of a scenario that reaches a target. */
export async function rewriteCommand(file: string, flags: RewriteFlags): Promise<void> {
  if (flags.target === undefined) throw new UsageError('--target is required, e.g. --target "joined>=0.3"');
  const by = flags.by === undefined ? undefined : Number(flags.by);
  if (by !== undefined && !(/^\d{4}$/.test(flags.by!.trim()) && Number.isInteger(by))) throw new UsageError(`--by must be a year such as 1999, got "${flags.by}"`);
  const parsed = parseTarget(flags.target, by);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const maxDistance = Number(flags.maxDistance);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(flags.maxDistance) || !(maxDistance > 0)) throw new UsageError(`--max-distance must be a positive number written in digits (such as 6 or 8.5), got "${flags.maxDistance}"`);
  const loaded = await loadForCommand(file, flags.set);
  // A --save that would destroy what the search reads, or the --out, or that cannot be written: refused before any work.
  if (flags.save !== undefined) await checkOtherOutput('--save', flags.save, { reads: loaded.chain, writes: [flags.out] });
  const start = loaded.scenario;
  const known = knownPaths(start);
  for (const [flag, patterns] of [['--allow', flags.allow], ['--fix', flags.fix]] as const) {
    for (const p of patterns) {
      if (!known.some(globMatcher([p]))) throw new UsageError(`${flag} ${p}: no parameter, rule or event of ${start.id} matches (paths as in --set: allies.US.consent, rules.<id>, events.<id>, allies.*.consent)`);
    }
  }
  if (by !== undefined && (by < start.decisionPoint.year || by > start.decisionPoint.horizon)) {
    throw new UsageError(`--by ${by} is outside ${start.id}'s years (${start.decisionPoint.year} to ${start.decisionPoint.horizon})`);
  }
  const levers = scenarioLevers(start, flags.allow, flags.fix);
  for (const p of flags.allow) dormantAllowed(start, p, levers, flags.fix);
  if (levers.length === 0) throw new UsageError(`nothing left to change: --allow and --fix leave no parameter, rule or event of ${start.id}`);
  checkWork({ command: 'rewrite', made: `up to ${integer(EVALUATIONS_BOUND)} evaluations × ${integer(flags.runs)} branches`, branches: EVALUATIONS_BOUND * flags.runs, smaller: 'fewer --runs' }, flags.yes);
  const seeds = await counterfactualSeeds(start, levers);
  // Progress in evaluations against the search's budget (rounds stop there; the backward pass is short).
  const estimate = searchEstimate(levers);
  const { report, scenario } = await runAnalysis(`rewrite ${start.id}`, estimate * flags.runs, (signal, progress) =>
    runRewriteSearch(start, levers, {
      target: parsed.target,
      seed: flags.seed,
      runs: flags.runs,
      maxDistance,
      maxChanges: flags.maxChanges,
      seeds,
      workers: flags.workers,
      signal,
      onProgress: (done) => progress(Math.min(done, estimate) * flags.runs),
    }),
  );
  if (flags.save !== undefined) {
    const source = resolveScenarioPath(file);
    // Relative to where the file goes: through a symbolic link, that may be another folder.
    const place = await placeWritten(flags.save);
    const reference = extendsReference(source, place, bundledScenariosDir());
    const id = `${start.id}-rewrite`.slice(0, 60);
    const title = `${start.title} (least rewrite for ${report.target})`;
    // Diffed from the file as written, so --set values are saved too.
    const plain = flags.set.length === 0 ? start : (await loadForCommand(file)).scenario;
    // A complete copy names the start's baseline from where it goes.
    const doc = reference === undefined ? completeDocument(await withBaselineFor(scenario, loaded, place), { id, title }) : { ...overrideDocument(plain, scenario, { extends: reference, id, title }), baseline: reference };
    const comment = ` Saved by ${searchCommand(file, flags)}: ${report.found ? 'the least rewrite found' : 'the closest rewrite found (the target was not reached)'}.`;
    await emit(authoringYaml(doc, comment), flags.save);
    // emit named the file; what it holds is worth a word only when it cannot extend the start.
    if (!flags.json && reference === undefined) printToStderr(`The saved rewrite is a complete copy: the start cannot be extended from there\n`);
  }
  await emit(flags.json ? stableJson(report) : rewriteText(report, { width: terminalColumns(flags.out) }), flags.out);
}


/**
 * An --allow that names only values inside a rule or event that is off, whose switch the rewrite
 * may not turn (not allowed, or fixed): those values act only once it is on, so they are no
 * levers. Said, rather than searched without them or told that nothing is left to change.
 */
function dormantAllowed(start: Scenario, pattern: string, levers: readonly Lever[], fix: readonly string[]): void {
  const match = globMatcher([pattern]);
  if (levers.some((l) => match(l.path))) return;
  const off = [...start.rules.filter((r) => !r.enabled).map((r) => ({ path: `rules.${r.id}`, what: `the rule ${r.id}` })), ...start.events.filter((e) => !e.enabled).map((e) => ({ path: `events.${e.id}`, what: `the event ${e.id}` }))];
  const within = off.find((w) => knownPaths(start).some((path) => path.startsWith(`${w.path}.`) && match(path)));
  if (within === undefined) return;
  const how = globMatcher(fix)(within.path) ? `--fix keeps it off (leave ${within.path} out of --fix)` : `allow its switch too (--allow ${within.path})`;
  throw new UsageError(`--allow ${pattern}: the values it matches are inside ${within.what}, which is off in ${start.id}; they act only once a rewrite switches it on: ${how}`);
}

/** The command that runs this search again, every flag that shapes it included, as a shell would take it. */
function searchCommand(file: string, flags: RewriteFlags): string {
  const words = ['article10', 'rewrite', file, '--target', flags.target!];
  if (flags.by !== undefined) words.push('--by', flags.by);
  for (const p of flags.allow) words.push('--allow', p);
  for (const p of flags.fix) words.push('--fix', p);
  for (const s of flags.set) words.push('--set', s);
  words.push('--max-changes', String(flags.maxChanges), '--max-distance', flags.maxDistance, '--seed', flags.seed, '--runs', String(flags.runs));
  return words.map(shellWord).join(' ');
}
