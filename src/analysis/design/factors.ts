import { EXITS, compile, type Tally } from '../../engine/index.js';
import { centralValue, fixed, support, type Distribution } from '../../model/distribution.js';
import { OUTCOMES, OUTCOME_LABELS, STAGES, STAGE_LABELS, type Outcome, type Stage } from '../../model/outcome.js';
import type { Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { paramKind, rangeProblem } from '../../scenario/param-kinds.js';
import { scenarioParams, setParam } from '../../scenario/param-paths.js';
import { switchPath, withSwitches } from '../../scenario/switch-paths.js';

/**
 * The uncertain inputs of an analysis ("factors"): every parameter the engine reads whose
 * distribution has a range, plus any range given by hand. Analyses move a factor by fixing
 * it at a value; every other parameter keeps its distribution.
 */
export interface Factor {
  /** Parameter path, as `--set` and the engine name it (`allies.US.consent`). */
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  /** The value a reader would call "the" value (mode, mean, or the fixed value). */
  readonly central: number;
  /**
   * Where the range comes from: the parameter's distribution, or `--range`; or a rule or event
   * switched off (0) and on (1), its path `rules.<id>` or `events.<id>` (see switchFactors).
   */
  readonly from: 'distribution' | 'range' | 'switch';
  readonly source?: string;
}

/**
 * The rules and events of a scenario as factors that are off (0) or on (1): the switches a
 * debate is about (`rules.baker-dream`, `events.chechnya2`). A value is on from 0.5 up, so a
 * design over [0, 1] switches it on half the time; `central` is the state as written.
 */
export function switchFactors(scenario: Scenario): Factor[] {
  const factor = (path: string, on: boolean, source: string | undefined): Factor => ({ path, lo: 0, hi: 1, central: on ? 1 : 0, from: 'switch', ...(source === undefined ? {} : { source }) });
  return [...scenario.rules.map((r) => factor(switchPath('rules', r.id), r.enabled, r.source)), ...scenario.events.map((e) => factor(switchPath('events', e.id), e.enabled, e.source))];
}

/** Whether a factor's value switches its rule or event on. */
export function switchedOn(value: number): boolean {
  return value >= 0.5;
}

/**
 * The factors of a scenario, in the order of its parameters. `ranges` (path → [lo, hi])
 * replace a distribution's support or give a fixed value a range; a path the scenario does
 * not have is an error. Parameters of switched-off rules and events are left out: the
 * engine never reads them.
 */
export function uncertainFactors(scenario: Scenario, ranges: ReadonlyMap<string, readonly [number, number]> = new Map()): Factor[] {
  const entries = scenarioParams(scenario);
  const known = new Set(entries.map((e) => e.path));
  for (const [path, [lo, hi]] of ranges) {
    if (!known.has(path)) throw new FactorError(`no parameter at "${path}"`);
    // The same domain a sweep and a scenario file hold the parameter to.
    for (const [end, x] of [['low end', lo], ['high end', hi]] as const) {
      const problem = rangeProblem(paramKind(path).range, x);
      if (problem !== undefined) throw new FactorError(`the ${end} ${problem}`, path);
    }
  }
  const read = new Set(compile(scenario).params.paths);
  const factors: Factor[] = [];
  for (const { path, param } of entries) {
    const given = ranges.get(path);
    const [lo, hi] = given ?? support(param.dist);
    if (!(hi > lo)) continue;
    if (given === undefined && !read.has(path)) continue;
    const factor: Factor = { path, lo, hi, central: centralValue(param.dist), from: given === undefined ? 'distribution' : 'range' };
    factors.push(param.source === undefined ? factor : { ...factor, source: param.source });
  }
  return factors;
}

/** A bad factor specification (a path the scenario lacks): the commands turn it into a usage error. */
export class FactorError extends Error {
  /** `path` is set when the path is right and its range is not. */
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'FactorError';
  }
}

/**
 * The scenario with each factor fixed at the value given for it (in scaled units 0..1 when
 * `scaled`). One or two factors go through setParam; many at once edit a private copy, which
 * is far cheaper than one immutable update each.
 */
export function withFactorValues(scenario: Scenario, factors: readonly Factor[], values: ArrayLike<number>, scaled = false): Scenario {
  const at = (j: number) => (scaled ? factors[j]!.lo + (factors[j]!.hi - factors[j]!.lo) * values[j]! : values[j]!);
  const switches = new Map<string, boolean>();
  factors.forEach((f, j) => f.from === 'switch' && switches.set(f.path, switchedOn(at(j))));
  const switched = (s: Scenario): Scenario => (switches.size === 0 ? s : withSwitches(s, (path, on) => switches.get(path) ?? on));
  if (factors.length <= 2) {
    let s = scenario;
    factors.forEach((f, j) => f.from !== 'switch' && (s = setParam(s, f.path, fixed(at(j), f.source))!));
    return switched(s);
  }
  // A JSON copy: plain data, and no object shared between two paths (allyDefaults can be).
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const params = new Map(scenarioParams(copy).map((e) => [e.path, e.param as { dist: Distribution }]));
  factors.forEach((f, j) => f.from !== 'switch' && (params.get(f.path)!.dist = { kind: 'fixed', value: at(j) }));
  return switched(copy);
}

/** What an analysis measures: the share of branches ending in an outcome, or reaching a funnel stage. */
export type Measure = { readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'stage'; readonly stage: Stage };

export const MEASURE_NAMES: readonly string[] = [...OUTCOMES, ...STAGES.filter((s) => !(OUTCOMES as readonly string[]).includes(s))];

/** `joined`, `vetoed`, ... (outcomes) or `interested`, `applied`, `invited`, `ratified` (stages reached). */
export function parseMeasure(name: string): Measure | undefined {
  if ((OUTCOMES as readonly string[]).includes(name)) return { kind: 'outcome', outcome: name as Outcome };
  if ((STAGES as readonly string[]).includes(name)) return { kind: 'stage', stage: name as Stage };
  return undefined;
}

export function measureName(m: Measure): string {
  return m.kind === 'outcome' ? m.outcome : m.stage;
}

/** How a measure reads in a sentence: "joined", "reached: Invited (unanimous)". */
export function measureLabel(m: Measure): string {
  return m.kind === 'outcome' ? OUTCOME_LABELS[m.outcome] : `Reached: ${STAGE_LABELS[m.stage]}`;
}

/** Branches of a tally counted by a measure. */
export function measureCount(t: Tally, m: Measure): number {
  if (m.kind === 'stage') return t.funnel[STAGES.indexOf(m.stage)]!;
  let n = 0;
  for (let e = 0; e < EXITS.length; e++) if (EXITS[e]!.outcome === m.outcome) n += t.exits[e]!;
  return n;
}

/** The fields every analysis report opens with: what was analysed, with which seed and version, measuring what. */
export interface AnalysisHeader {
  readonly scenario: string;
  readonly title: string;
  readonly seed: string;
  readonly version: string;
  /** The measure's name (`joined`, `applied`) and how it reads. */
  readonly measure: string;
  readonly measureLabel: string;
}

export function analysisHeader(scenario: Scenario, seed: string, measure: Measure): AnalysisHeader {
  return { scenario: scenario.id, title: scenario.title, seed, version: VERSION, measure: measureName(measure), measureLabel: measureLabel(measure) };
}
