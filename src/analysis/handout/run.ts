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
}

export interface HandoutInputs {
  readonly scenario: Scenario;
  readonly comparison?: Comparison | null;
  readonly rewrite?: RewriteDistance | null;
  readonly command: string;
}

/** Branches a handout runs (for progress): the run and 1 + 2k tornado runs. */
export function handoutBranches(scenario: Scenario, options: Pick<HandoutOptions, 'runs' | 'sensitivityRuns'>): number {
  return options.runs + (1 + 2 * uncertainFactors(scenario).length) * options.sensitivityRuns;
}

export async function prepareHandout(inputs: HandoutInputs, options: HandoutOptions): Promise<HandoutData> {
  const scenario = inputs.scenario;
  const results = await runScenario(scenario, {
    seed: options.seed,
    runs: options.runs,
    workers: options.workers,
    signal: options.signal,
    onProgress: options.onProgress,
    warnings: options.warnings ?? [],
  });
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
  const stories = (['joined', 'vetoed', 'no_application'] as const).map((kind) => storyOf(model, options.seed, kind, keyPaths, options.storySearch ?? 100_000));
  return {
    scenario,
    results,
    measure: { name: measureName(measure), label: measureLabel(measure), why: options.measure === undefined ? auto.why : 'the share asked for with --outcome' },
    sensitivity,
    stories,
    comparison: inputs.comparison ?? null,
    rewrite: inputs.rewrite ?? null,
    command: inputs.command,
  };
}

const WANTED: Readonly<Record<StoryKind, (exit: string) => boolean>> = {
  joined: (exit) => exit === 'joined',
  vetoed: (exit) => exit === 'vetoed' || exit === 'held_out',
  no_application: (exit) => exit === 'no_application',
};

/** The first branch ending this way, traced and told; or why there is none. */
function storyOf(model: CompiledModel, seed: string, kind: StoryKind, keyPaths: readonly string[], limit: number): HandoutStory {
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
  return { kind, title, branch, story: tellStory(model, seed, trace), keyValues };
}
