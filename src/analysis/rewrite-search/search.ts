import type { Scenario } from '../../model/scenario.js';
import { rewriteDistance } from '../rewrite/rewrite-distance.js';
import { applyRewrite, NO_REWRITE, type Lever, type Rewrite } from './levers.js';
import { meets, type Target } from './target.js';

/**
 * The least rewrite that reaches a target, searched by hand-written greedy forward selection
 * on common random numbers (every candidate run on the same seed and branches, so candidates
 * differ only through what they change):
 *
 * 1. screen: every parameter moved ±2 units, every switch flipped; the most promising
 *    parameters (and every switch) become the candidates;
 * 2. forward: each round tries each candidate parameter 1, 2 or 3 units further in either
 *    direction, and each switch flipped, and takes the move with the best gain per unit of
 *    rewrite distance (gain: the target's share, capped at the threshold, plus a small weight
 *    on how deep branches get into the funnel, which guides the search while the share is 0);
 *    a stalled search screens again from where it is;
 * 3. backward: drop any change the target does without, then shrink each parameter's move by
 *    bisection to the least that keeps the target.
 *
 * Every point evaluated enters the Pareto front of distance against the share. Deterministic:
 * the order of candidates and of ties is fixed, so the same inputs and seed give the same front.
 */
export interface Evaluation {
  /** The target's share. */
  readonly share: number;
  /** Funnel depth towards the target (see funnelDepth). */
  readonly depth: number;
}

/** Runs a batch of scenarios (on the same seed and branches) and returns their evaluations, in order. */
export type Evaluator = (batch: readonly Scenario[]) => Promise<Evaluation[]>;

export interface SearchOptions {
  readonly target: Target;
  /** A rewrite costlier than this is not tried. */
  readonly maxDistance: number;
  /** At most this many changes (parameters and switches). */
  readonly maxChanges: number;
  /** Parameters kept as candidates after a screening. */
  readonly keep?: number;
  /** Forward rounds at most. */
  readonly maxRounds?: number;
  readonly onRound?: (round: number, evaluations: number) => void;
}

export interface Point {
  readonly rewrite: Rewrite;
  readonly distance: number;
  readonly share: number;
}

export interface SearchResult {
  readonly start: Point;
  /** The least rewrite found that meets the target; undefined when none was found within the limits. */
  readonly best?: Point;
  /** Where the forward search ended (the closest it came, when it found none). */
  readonly closest: Point;
  /** Non-dominated points: each costs more and reaches further than the one before. */
  readonly front: readonly Point[];
  readonly evaluations: number;
  readonly rounds: number;
}

const DEPTH_WEIGHT = 0.02;
const STEPS = [1, 2, 3];

export async function searchRewrite(start: Scenario, levers: readonly Lever[], evaluate: Evaluator, options: SearchOptions): Promise<SearchResult> {
  const byPath = new Map(levers.map((l) => [l.path, l]));
  const seen = new Map<string, Point & Evaluation>();
  const { target } = options;
  const goal = target.op === '>=' ? target.threshold : 1 - target.threshold;
  const progress = (e: Evaluation) => (target.op === '>=' ? e.share : 1 - e.share);
  const value = (e: Evaluation) => Math.min(progress(e), goal) + DEPTH_WEIGHT * (target.op === '>=' ? e.depth : -e.depth);

  /** Evaluates the rewrites not seen yet, in one batch; returns all of them. */
  const run = async (rewrites: readonly Rewrite[]): Promise<(Point & Evaluation)[]> => {
    const fresh = new Map<string, { rewrite: Rewrite; scenario: Scenario; distance: number }>();
    for (const r of rewrites) {
      const key = keyOf(r);
      if (seen.has(key) || fresh.has(key)) continue;
      const scenario = applyRewrite(start, byPath, r);
      fresh.set(key, { rewrite: r, scenario, distance: rewriteDistance(start, scenario).score });
    }
    const todo = [...fresh.entries()];
    const results = todo.length === 0 ? [] : await evaluate(todo.map(([, f]) => f.scenario));
    todo.forEach(([key, f], i) => seen.set(key, { rewrite: f.rewrite, distance: f.distance, ...results[i]! }));
    return rewrites.map((r) => seen.get(keyOf(r))!);
  };

  const [origin] = await run([NO_REWRITE]);
  let current = origin!;
  let rounds = 0;
  const params = levers.filter((l) => l.kind === 'param');
  const switches = levers.filter((l) => l.kind === 'switch');

  /** The parameters whose ±2 move does most from `from`, best first. */
  const screen = async (from: Rewrite): Promise<string[]> => {
    const tries = params.flatMap((l) => [withShift(from, l.path, zOf(from, l.path) + 2), withShift(from, l.path, zOf(from, l.path) - 2)]);
    const done = await run(tries);
    const base = value(seen.get(keyOf(from))!);
    const gain = params.map((l, i) => ({ path: l.path, gain: Math.max(value(done[2 * i]!), value(done[2 * i + 1]!)) - base }));
    return gain
      .filter((g) => g.gain > 1e-9)
      .sort((a, b) => b.gain - a.gain)
      .slice(0, options.keep ?? 12)
      .map((g) => g.path);
  };

  let candidates = await screen(current.rewrite);
  let rescreened = false;
  const maxRounds = options.maxRounds ?? 24;
  while (!meets(target, current.share) && rounds < maxRounds) {
    rounds++;
    const changes = current.rewrite.shifts.length + current.rewrite.flips.length;
    const full = changes >= options.maxChanges;
    const tries: Rewrite[] = [];
    for (const path of new Set([...candidates, ...current.rewrite.shifts.map((s) => s.path)])) {
      const z = zOf(current.rewrite, path);
      if (full && z === 0) continue;
      for (const step of STEPS) tries.push(withShift(current.rewrite, path, z + step), withShift(current.rewrite, path, z - step));
    }
    if (!full) for (const l of switches) if (!current.rewrite.flips.includes(l.path)) tries.push(withFlip(current.rewrite, l.path));
    const done = (await run(tries)).filter((p) => p.distance <= options.maxDistance + 1e-9);
    const base = value(current);
    let best: (Point & Evaluation) | undefined;
    let bestRate = 0;
    for (const p of done) {
      const added = p.distance - current.distance;
      // A move that costs nothing changed nothing (a value already at the end of its range).
      if (added <= 1e-9) continue;
      const gain = value(p) - base;
      if (gain <= 1e-9) continue;
      // Reaching the target outright beats any rate; among those, the cheapest.
      const rate = meets(target, p.share) ? 1e9 - p.distance : gain / Math.max(added, 1e-6);
      if (rate > bestRate) [best, bestRate] = [p, rate];
    }
    options.onRound?.(rounds, seen.size);
    if (best === undefined) {
      if (rescreened) break;
      rescreened = true;
      candidates = await screen(current.rewrite);
      continue;
    }
    rescreened = false;
    current = best;
  }

  let found: (Point & Evaluation) | undefined = meets(target, current.share) ? current : undefined;
  if (found !== undefined) found = await shrink(found, run, target);
  // The cheapest evaluated point that meets the target may beat the path the greedy took.
  const within = (p: Point) => p.distance <= options.maxDistance + 1e-9 && p.rewrite.shifts.length + p.rewrite.flips.length <= options.maxChanges;
  for (const p of seen.values()) if (within(p) && meets(target, p.share) && (found === undefined || p.distance < found.distance - 1e-9)) found = p;
  // Changes that change nothing are left out of the front.
  const all = [...seen.values()].filter((p) => p.distance > 1e-9 || keyOf(p.rewrite) === keyOf(NO_REWRITE));
  return {
    start: strip(origin!),
    ...(found === undefined ? {} : { best: strip(found) }),
    closest: strip(current),
    front: paretoFront(all, progress).map(strip),
    evaluations: seen.size,
    rounds,
  };
}

/** Backward pass: drop what the target does without (costliest first), then bisect each move down. */
async function shrink(
  point: Point & Evaluation,
  run: (r: readonly Rewrite[]) => Promise<(Point & Evaluation)[]>,
  target: Target,
): Promise<Point & Evaluation> {
  let p = point;
  for (let dropped = true; dropped; ) {
    dropped = false;
    const paths = [...p.rewrite.shifts.map((s) => s.path), ...p.rewrite.flips];
    const without = await run(paths.map((path) => withoutChange(p.rewrite, path)));
    const ok = without.filter((q) => meets(target, q.share)).sort((a, b) => a.distance - b.distance)[0];
    if (ok !== undefined) [p, dropped] = [ok, true];
  }
  for (const { path } of [...p.rewrite.shifts]) {
    let lo = 0;
    let hi = zOf(p.rewrite, path);
    for (let i = 0; i < 6; i++) {
      const mid = Math.round(((lo + hi) / 2) * 100) / 100;
      if (mid === lo || mid === hi) break;
      const [q] = await run([withShift(p.rewrite, path, mid)]);
      if (meets(target, q!.share)) [p, hi] = [q!, mid];
      else lo = mid;
    }
  }
  return p;
}

/** Points no other point beats on both counts (cheaper and at least as far), cheapest first. */
export function paretoFront<P extends Point>(points: readonly P[], progress: (p: P) => number): P[] {
  const sorted = [...points].sort((a, b) => a.distance - b.distance || progress(b) - progress(a) || changeCount(a.rewrite) - changeCount(b.rewrite) || (keyOf(a.rewrite) < keyOf(b.rewrite) ? -1 : 1));
  const out: P[] = [];
  let bestSoFar = -Infinity;
  for (const p of sorted) {
    if (progress(p) > bestSoFar + 1e-12) {
      out.push(p);
      bestSoFar = progress(p);
    }
  }
  return out;
}

function strip(p: Point): Point {
  return { rewrite: p.rewrite, distance: p.distance, share: p.share };
}

function zOf(r: Rewrite, path: string): number {
  return r.shifts.find((s) => s.path === path)?.z ?? 0;
}

function withShift(r: Rewrite, path: string, z: number): Rewrite {
  const rest = r.shifts.filter((s) => s.path !== path);
  const shifts = z === 0 ? rest : [...rest, { path, z }];
  return { shifts: shifts.sort((a, b) => (a.path < b.path ? -1 : 1)), flips: r.flips };
}

function withFlip(r: Rewrite, path: string): Rewrite {
  return { shifts: r.shifts, flips: [...r.flips, path].sort() };
}

export function withoutChange(r: Rewrite, path: string): Rewrite {
  return { shifts: r.shifts.filter((s) => s.path !== path), flips: r.flips.filter((f) => f !== path) };
}

export function keyOf(r: Rewrite): string {
  return `${r.shifts.map((s) => `${s.path}=${s.z}`).join(',')}|${r.flips.join(',')}`;
}

function changeCount(r: Rewrite): number {
  return r.shifts.length + r.flips.length;
}
