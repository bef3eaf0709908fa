import { compile, summarize, type Tally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { VERSION } from '../../model/version.js';
import { paramKind, rangeProblem } from '../../scenario/param-kinds.js';
import { getParam, scenarioParams } from '../../scenario/param-paths.js';
import { describeParam } from '../../scenario/params.js';
import { didYouMean } from '../../scenario/suggest.js';
import type { SweepDesign, SweepHeader, SweepPoint, VarySpec } from './output.js';
import { integer } from '../../report/format.js';
import { designRng, latinHypercube } from '../design/design.js';
import { withFactorValues, type Factor } from '../design/factors.js';
import { eachVariant, type VariantRunOptions } from '../../batch/variants.js';
import { WORK_LIMITS } from '../../batch/work-limits.js';

/**
 * Sweeps: one scenario re-run at each point of a grid (or a Latin hypercube) over some of its
 * parameters. At a point every varied parameter is replaced by a fixed value that keeps its
 * source, every other keeps its distribution; every point runs the same branches with the same
 * seed (common random numbers), so neighbouring points differ only through the values set, and
 * a point equals a separate `run --set path=value` at that seed.
 */

/** Points a sweep may have: more is a study for shards, or a hypercube. */
export const MAX_POINTS = WORK_LIMITS.maxSweepPoints;
export const MAX_STEPS = WORK_LIMITS.maxSweepSteps;

/** A bad --vary, experiment or path: the commands make it a usage error (with a position when they have one). */
export class SweepError extends Error {
  constructor(
    message: string,
    /** Which vary entry it is about (0-based), when it is about one; the message then leaves its path to the caller. */
    readonly vary?: number,
    /** Which field of it, for positions in an experiment file. */
    readonly field?: 'path' | 'from' | 'to' | 'steps',
  ) {
    super(message);
    this.name = 'SweepError';
  }
}

/** `path=from:to:steps` (steps may be left out with --samples). */
export function parseVary(text: string): VarySpec {
  const m = /^\s*([^=\s]+)\s*=\s*([^:]+):([^:]+)(?::([^:]+))?\s*$/.exec(text);
  const usage = `--vary must look like path=from:to:steps, e.g. candidate.acceptsStandardPath=0.1:0.9:5; got "${text}"`;
  if (m === null) throw new SweepError(usage);
  const [from, to] = [m[2]!, m[3]!].map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new SweepError(usage);
  if (m[4] === undefined) return { path: m[1]!, from: from!, to: to! };
  const steps = Number(m[4].trim());
  if (!/^\s*\d+\s*$/.test(m[4])) throw new SweepError(`--vary ${m[1]}: steps must be a whole number, got "${m[4]}"`);
  return { path: m[1]!, from: from!, to: to!, steps };
}

/**
 * Checks a sweep against its scenario and returns the vary list with canonical paths (a `--set`
 * path ending in `.value` names the parameter itself). Throws SweepError naming the entry.
 */
export function checkVary(scenario: Scenario, vary: readonly VarySpec[], samples: number | undefined): VarySpec[] {
  if (vary.length === 0) throw new SweepError('say what to vary: --vary path=from:to:steps (repeatable)');
  const known = scenarioParams(scenario).map((e) => e.path);
  const seen = new Set<string>();
  const out = vary.map((v, i) => {
    const path = v.path.endsWith('.value') && getParam(scenario, v.path) === undefined ? v.path.slice(0, -'.value'.length) : v.path;
    if (getParam(scenario, path) === undefined) {
      throw new SweepError(`no such parameter in ${scenario.id}${didYouMean(path, known)} (paths as in --set: candidate.interest, allies.US.consent, preconditions.democracy.level, ...)`, i, 'path');
    }
    if (seen.has(path)) throw new SweepError('is varied twice', i, 'path');
    seen.add(path);
    const range = paramKind(path).range;
    for (const field of ['from', 'to'] as const) {
      const problem = rangeProblem(range, v[field]);
      if (problem !== undefined) throw new SweepError(`${field} ${problem}`, i, field);
    }
    if (samples === undefined) {
      if (v.steps === undefined) throw new SweepError('a grid needs steps (path=from:to:steps), or give --samples N for a Latin hypercube', i, 'steps');
      if (v.steps < 1 || v.steps > MAX_STEPS) throw new SweepError(`steps must be from 1 to ${MAX_STEPS}, got ${v.steps}`, i, 'steps');
      if (v.steps === 1 && v.from !== v.to) throw new SweepError(`one step cannot span ${v.from} to ${v.to}; use 2 or more steps`, i, 'steps');
    } else if (v.steps !== undefined) {
      // Steps would be silently ignored: a hypercube draws its own points.
      throw new SweepError(`steps make a grid, but ${samples} samples draw the points of a Latin hypercube instead: drop the steps or the samples`, i, 'steps');
    }
    return { ...v, path };
  });
  if (samples === undefined) {
    const points = out.reduce((n, v) => n * v.steps!, 1);
    if (points > MAX_POINTS) throw new SweepError(`the grid has ${integer(points)} points; the limit is ${integer(MAX_POINTS)}: use fewer steps, --samples N (Latin hypercube) or several sweeps`);
  } else if (samples < 1 || samples > MAX_POINTS) throw new SweepError(`--samples must be from 1 to ${MAX_POINTS}, got ${samples}`);
  return out;
}

/**
 * The points of a sweep: the grid (every combination, the first --vary slowest, values evenly
 * spaced from `from` to `to` inclusive), or with `samples` a Latin hypercube seeded by the
 * run's seed (seedrandom alea, stream "<seed>/sweep-lhs"): each range cut into `samples` equal
 * strata, one point in each stratum of each parameter. Values are rounded (12 significant
 * digits on the grid, 6 in a hypercube) so the printed value is the value run.
 */
export function sweepDesign(vary: readonly VarySpec[], samples: number | undefined, seed: string): SweepDesign {
  if (samples !== undefined) {
    const rows = latinHypercube(samples, vary.length, designRng(seed, 'sweep-lhs'));
    const points = rows.map((row) => vary.map((v, j) => round(v.from + (v.to - v.from) * row[j]!, 6)));
    return { kind: 'latin-hypercube', samples, vary, points };
  }
  let points: number[][] = [[]];
  for (const v of vary) {
    const steps = v.steps!;
    const values = Array.from({ length: steps }, (_, i) => (steps === 1 ? v.from : i === steps - 1 ? v.to : round(v.from + ((v.to - v.from) * i) / (steps - 1), 12)));
    points = points.flatMap((p) => values.map((x) => [...p, x]));
  }
  return { kind: 'grid', vary, points };
}

function round(x: number, digits: number): number {
  const r = Number(x.toPrecision(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** The scenario at one point: each varied parameter fixed at its value, keeping its source. */
export function pointScenario(base: Scenario, vary: readonly VarySpec[], values: readonly number[]): Scenario {
  const factors = vary.map((v): Factor => {
    const source = getParam(base, v.path)?.source;
    const f: Factor = { path: v.path, lo: v.from, hi: v.to, central: v.from, from: 'range' };
    return source === undefined ? f : { ...f, source };
  });
  return withFactorValues(base, factors, values);
}

/** Warnings about a sweep that runs but cannot show anything (a parameter the engine never reads). */
export function sweepWarnings(base: Scenario, vary: readonly VarySpec[]): string[] {
  const read = new Set(compile(base).params.paths);
  return vary.filter((v) => !read.has(v.path)).map((v) => `${v.path} is not read by the engine (its rule or event is off): varying it changes nothing`);
}

/**
 * Runs every point of a design (branches [first, first + runs) each) and hands each point's
 * tally to `consume` in order, as it completes: no tally outlives its point.
 */
export async function runSweep(
  base: Scenario,
  design: SweepDesign,
  consume: (tally: Tally, point: number) => void,
  options: Omit<VariantRunOptions, 'onVariant'> & { onPoint?: (done: number) => void },
): Promise<{ readonly peakHeld: number }> {
  return eachVariant(design.points.length, (i) => pointScenario(base, design.vary, design.points[i]!), consume, {
    ...options,
    ...(options.onPoint && { onVariant: options.onPoint }),
  });
}

/** One row of a sweep (point i, 0-based) from its tally. */
export function sweepPoint(base: Scenario, design: SweepDesign, i: number, tally: Tally, seed: string): SweepPoint {
  const values = design.points[i]!;
  const r = summarize(compile(pointScenario(base, design.vary, values)), tally, { seed });
  return { point: i + 1, values: Object.fromEntries(design.vary.map((v, j) => [v.path, values[j]!])), outcomes: r.outcomes, funnel: r.funnel };
}

/** Everything of a sweep's document but its rows. */
export function sweepHeader(base: Scenario, design: SweepDesign, meta: { seed: string; runs: number; warnings: readonly string[] }): SweepHeader {
  return {
    scenario: base.id,
    title: base.title,
    seed: meta.seed,
    runs: meta.runs,
    version: VERSION,
    design: design.kind,
    ...(design.samples !== undefined && { samples: design.samples }),
    vary: design.vary.map((v) => {
      const param = getParam(base, v.path)!;
      return { ...v, baseline: describeParam(param), ...(param.source !== undefined && { source: param.source }) };
    }),
    pointCount: design.points.length,
    warnings: meta.warnings,
  };
}
