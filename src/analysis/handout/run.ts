import { compile, findBranch, traceBranch, type CompiledModel } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import type { Comparison } from '../compare/comparison.js';
import { handoutMeasure, movingSwings, STORY_TITLES, type HandoutData, type HandoutStory, type StoryKind } from './content.js';
import { paramLabel } from '../../report/param-labels.js';
import type { RewriteDistance } from '../rewrite/rewrite-distance.js';
import { tellStory } from '../explain/story.js';
import { integer } from '../../report/format.js';
import { measureLabel, measureName, parseMeasure, uncertainFactors, type Measure } from '../design/factors.js';
import { runScenario } from '../../batch/run.js';
import { runSensitivity, type SensitivityReport } from '../sensitivity/run.js';
import { EXITS } from '../../engine/index.js';
import { OUTCOMES, type Outcome } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { endsThisWay } from '../../report/format.js';
import { compareScenarios } from '../compare/run.js';
import { scenarioLevers } from '../rewrite-search/levers.js';
import { runRewriteSearch, searchEstimate } from '../rewrite-search/run.js';
import { parseTarget } from '../rewrite-search/target.js';
import { studentHandout, type StudentHandout } from './student.js';

/**
 * Gathers a handout: the run, the tornado (one-at-a-time swings, no global method: a class
 * needs the ranking, not its error bars), three branches told as stories, and, when asked, the
 * comparison with a second assumption set. The comparison is made by the caller (the compare
 * module's paired run) and handed in, so this stays one call away from it.
 */
export interface HandoutOptions {
  readonly seed: string;
  readonly runs: number;
  /** Branches per end of each swing of the tornado. */
  readonly sensitivityRuns: number;
  /** The share the tornado explains; default: joined, or the deepest stage enough branches reach. */
  readonly measure?: Measure;
  /** Branches searched for each story. */
  readonly storySearch?: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** Progress in branches done, over the run and the tornado. */
  readonly onProgress?: (branchesDone: number) => void;
  readonly warnings?: readonly string[];
  /** The rewrite search's budget, for the teacher's "what would it take"; none: no search. */
  readonly rewriteSearch?: RewriteBudget;
}

/** A modest budget for the rewrite search a teacher's handout runs (the text says what it was). */
export interface RewriteBudget {
  readonly runs: number;
  readonly maxDistance: number;
  readonly maxChanges: number;
}

export const TEACHER_REWRITE_BUDGET: RewriteBudget = { runs: 400, maxDistance: 6, maxChanges: 4 };

export interface HandoutInputs {
  readonly scenario: Scenario;
  readonly comparison?: Comparison | null;
  readonly rewrite?: RewriteDistance | null;
  readonly command: string;
}

/** Branches a handout runs (for progress and the work budget): the run, 1 + 2k tornado runs, and the rewrite search's estimate. */
export function handoutBranches(scenario: Scenario, options: Pick<HandoutOptions, 'runs' | 'sensitivityRuns' | 'rewriteSearch'>): number {
  return sensitivityDone(scenario, options) + rewriteSearchBranches(scenario, options.rewriteSearch);
}

/** Branches run once the centre and the tornado are done. */
function sensitivityDone(scenario: Scenario, options: Pick<HandoutOptions, 'runs' | 'sensitivityRuns'>): number {
  return options.runs + (1 + 2 * uncertainFactors(scenario).length) * options.sensitivityRuns;
}

/** The rewrite search's branches, as its progress estimates them (its evaluations up to its budget, then the backward pass). */
export function rewriteSearchBranches(scenario: Scenario, budget: RewriteBudget | undefined): number {
  return budget === undefined ? 0 : searchEstimate(scenarioLevers(scenario, [], [])) * budget.runs;
}

export async function prepareHandout(inputs: HandoutInputs, options: HandoutOptions): Promise<HandoutData> {
  const scenario = inputs.scenario;
  const results = await runCentre(scenario, options);
  const auto = handoutMeasure(results);
  const measure = options.measure ?? parseMeasure(auto.name)!;
  const factors = uncertainFactors(scenario);
  const sensitivity: SensitivityReport | null =
    factors.length === 0
      ? null
      : await runSensitivity(scenario, factors, {
          seed: options.seed,
          runs: options.sensitivityRuns,
          measure,
          trajectories: 0,
          morrisRuns: 0,
          workers: options.workers,
          signal: options.signal,
          onProgress: (done) => options.onProgress?.(options.runs + done * options.sensitivityRuns),
        });
  const model = compile(scenario);
  const keyPaths = sensitivity === null ? [] : movingSwings(sensitivity, 3).map((s) => s.path);
  const stories = (['joined', 'vetoed', 'no_application'] as const).map((kind) => storyOf(model, options.seed, kind, keyPaths, options.storySearch ?? 100_000, results));
  const budget = options.rewriteSearch;
  let rewriteSearch: HandoutData['rewriteSearch'] = null;
  if (budget !== undefined) {
    // What would it take: the least rewrite to a third of branches joining, or, where that many
    // join already, to a tenth at most.
    const target = parseTarget(results.outcomes.joined.share < 0.3 ? 'joined>=0.3' : 'joined<=0.1');
    if (!target.ok) throw new Error(target.message);
    const levers = scenarioLevers(scenario, [], []);
    const before = sensitivityDone(scenario, options);
    const estimate = searchEstimate(levers);
    const { report } = await runRewriteSearch(scenario, levers, {
      target: target.target,
      seed: options.seed,
      runs: budget.runs,
      maxDistance: budget.maxDistance,
      maxChanges: budget.maxChanges,
      workers: options.workers,
      signal: options.signal,
      onProgress: (evaluations) => options.onProgress?.(before + Math.min(evaluations, estimate) * budget.runs),
    });
    rewriteSearch = { report, budget };
  }
  return {
    scenario,
    results,
    measure: { name: measureName(measure), label: measureLabel(measure), why: options.measure === undefined ? auto.why : 'the share asked for with --outcome' },
    sensitivity,
    stories,
    comparison: inputs.comparison ?? null,
    rewrite: inputs.rewrite ?? null,
    rewriteSearch,
    command: inputs.command,
  };
}

export interface StudentHandoutInputs {
  /** The team the handout is for (the centre: B in a comparison). */
  readonly scenario: Scenario;
  /** The other team (A), if any. */
  readonly other?: Scenario;
  readonly names?: { readonly centre: string; readonly other: string };
  readonly command: string;
  /** The paired comparison of the other team (A) with this one (B), when it has been run already (same seed and runs). */
  readonly comparison?: Comparison;
}

/** The student's page: the centre's run, the paired comparison with the other team, and one of the centre's branches in plain words. */
export async function prepareStudentHandout(inputs: StudentHandoutInputs, options: Omit<HandoutOptions, 'sensitivityRuns' | 'measure' | 'rewriteSearch'>): Promise<StudentHandout> {
  const scenario = inputs.scenario;
  const results = await runCentre(scenario, options);
  const comparison =
    inputs.other === undefined
      ? null
      : (inputs.comparison ?? (await compareScenarios(inputs.other, scenario, { seed: options.seed, runs: options.runs, signal: options.signal, onProgress: (n) => options.onProgress?.(options.runs + n) })));
  const outcome = studentStoryOutcome(results);
  const model = compile(scenario);
  const branch = outcome === null ? undefined : findBranch(model, options.seed, (exit) => EXITS.find((e) => e.exit === exit)?.outcome === outcome, 0, options.storySearch ?? 100_000);
  const story = branch === undefined || outcome === null ? null : { outcome, story: tellStory(model, options.seed, traceBranch(model, options.seed, branch), { plain: true }) };
  return studentHandout({
    vetoesAlike: vetoesAlike(results),
    scenario,
    results,
    comparison,
    ...(inputs.other !== undefined && { otherScenario: inputs.other }),
    story,
    ...(inputs.names !== undefined && { names: inputs.names }),
    command: inputs.command,
  });
}

/**
 * The ending a student's story shows: membership if at least 1 branch in 20 gets there (the
 * question of the debate), else the most common ending (what usually happens). Rare branches are
 * the teacher's, with their rarity.
 */
export function studentStoryOutcome(r: Results): Outcome | null {
  if (r.outcomes.joined.share >= 0.05) return 'joined';
  let best: Outcome | null = null;
  for (const o of OUTCOMES) if (r.outcomes[o].count > 0 && (best === null || r.outcomes[o].count > r.outcomes[best].count)) best = o;
  return best;
}

const WANTED: Readonly<Record<StoryKind, (exit: string) => boolean>> = {
  joined: (exit) => exit === 'joined',
  vetoed: (exit) => exit === 'vetoed' || exit === 'held_out',
  no_application: (exit) => exit === 'no_application',
};

/** The first branch ending this way, traced and told; or why there is none. */
function storyOf(model: CompiledModel, seed: string, kind: StoryKind, keyPaths: readonly string[], limit: number, results: Results): HandoutStory {
  const title = STORY_TITLES[kind];
  const branch = findBranch(model, seed, WANTED[kind], 0, limit);
  if (branch === undefined) {
    return { kind, title, branch: null, story: null, missing: `None of the first ${integer(limit)} branches ends this way with seed ${seed}.`, keyValues: [] };
  }
  const trace = traceBranch(model, seed, branch);
  const keyValues = keyPaths.flatMap((path) => {
    const sampled = trace.sampled.find((v) => v.path === path);
    return sampled === undefined ? [] : [{ path, label: paramLabel(model.scenario, path), value: sampled.value }];
  });
  const outcome = EXITS.find((e) => e.exit === trace.exit.exit)!.outcome;
  // A branch found past the handout's own runs: its ending is rarer than they can count, not absent.
  const counted = results.outcomes[outcome].count;
  const rarity = counted > 0 ? endsThisWay(counted, results.runs) : `rarer than 1 branch in ${integer(results.runs)}: none of the ${integer(results.runs)} counted here ends this way, and this one was found by searching further`;
  return { kind, title, branch, story: tellStory(model, seed, trace), keyValues, rarity };
}

/** The handout's own run of its scenario. */
function runCentre(scenario: Scenario, options: Pick<HandoutOptions, 'seed' | 'runs' | 'workers' | 'signal' | 'onProgress' | 'warnings'>): Promise<Results> {
  return runScenario(scenario, { seed: options.seed, runs: options.runs, workers: options.workers, signal: options.signal, onProgress: options.onProgress, warnings: options.warnings ?? [] });
}

/**
 * Whether most vetoes are shared alike: several Allies refusing with the same lowest chance and
 * none singled out, so that the tally names no Ally (the actor TIE, see describeActor).
 */
function vetoesAlike(r: Results): boolean {
  const vetoed = r.outcomes.vetoed.count;
  const alike = r.blockers.reduce((n, b) => n + (b.outcome === 'vetoed' && b.actor === 'TIE' ? b.count : 0), 0);
  return vetoed > 0 && alike * 2 > vetoed;
}
