import type { Scenario } from '../../model/scenario.js';
import { actingRewrite, applyRewrite, leverDistance, NO_REWRITE, reach, type Lever, type ParamLever, type Rewrite } from './levers.js';
import { changeCount, keyOf, roundZ, supportOf, withFlip, withoutChange, withShift, zOf } from './moves.js';
import { meets, type Target } from './target.js';

/**
 * The least rewrite that reaches a target, searched by a hand-written beam search on common
 * random numbers (every candidate run on the same seed and branches, so candidates differ only
 * through what they change):
 *
 * 1. screen: every parameter moved 2 units either way and every switch flipped, from the
 *    start; the parameters whose move does most (each in the directions that helped) become
 *    the candidates;
 * 2. forward: a beam of a few partial rewrites is kept side by side, starting from the start
 *    and from the seeds (the switches of counterfactual files of the same decision point).
 *    Each round tries, from each of them, every candidate parameter moved 1, 2 or 4 units in
 *    the direction that helped (a move of several steps at once, as far as the end of its
 *    range), every parameter already moved one unit either way or two further, and every
 *    switch flipped; the next beam is the children with the best gain per unit of rewrite
 *    distance added, no two changing the same things. A stalled beam screens again from its
 *    best point, switches included;
 * 3. backward: for the cheapest few that meet the target, drop any change the target does
 *    without, then shrink each parameter's move by bisection to the least that keeps it.
 *
 * Gain is the target's share (capped at the threshold) plus a small tie-breaker, the funnel
 * guide (see funnelGuide): while the target's share is 0 everywhere it says which rewrites
 * bring branches closer to it. Every point evaluated within the limits enters the Pareto front
 * of distance against the share. Deterministic: candidates, moves and ties come in a fixed
 * order, so the same inputs and seed give the same front.
 */
export interface Evaluation {
  /** The target's share. */
  readonly share: number;
  /** The funnel guide towards the target (see funnelGuide); 0 when there is none. */
  readonly guide: number;
  /**
   * How the branches end: shares by outcome and year (any fixed layout). Two evaluations with
   * different profiles changed something, even where neither share nor guide moved: a screening
   * keeps such parameters to try again later, when other changes may have made them matter.
   */
  readonly profile?: ArrayLike<number>;
}

/** Runs a batch of scenarios (on the same seed and branches) and returns their evaluations, in order. */
export type Evaluator = (batch: readonly Scenario[]) => Promise<Evaluation[]>;

export interface SearchOptions {
  readonly target: Target;
  /** A rewrite costlier than this is not kept. */
  readonly maxDistance: number;
  /** At most this many changes (parameters and switches). */
  readonly maxChanges: number;
  /** Parameters kept as candidates after a screening (default 8). */
  readonly keep?: number;
  /** Partial rewrites kept side by side (default 3; 1 is a greedy search). */
  readonly beam?: number;
  /** Forward rounds at most (default 24). */
  readonly maxRounds?: number;
  /** Evaluations after which no further round starts (default 2,400); the backward pass comes on top. */
  readonly budget?: number;
  /** Starting points besides the start (rewrites of its levers). */
  readonly seeds?: readonly Rewrite[];
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
  /** The point within the limits that came closest to the target (the best found, when it was). */
  readonly closest: Point;
  /** Non-dominated points: each costs more and reaches further than the one before. */
  readonly front: readonly Point[];
  readonly evaluations: number;
  readonly rounds: number;
}

export const SEARCH_DEFAULTS = { keep: 8, beam: 3, maxRounds: 24, budget: 2400 } as const;

/** Weight of the funnel guide against the target's share. */
const GUIDE_WEIGHT = 0.1;
/** Steps (units) tried for a parameter not yet moved, and for one already moved. */
const NEW_STEPS = [1, 2, 4];
const OWN_STEPS = [1, 2];
/** Screening move, in units either way; screenings of the active set try longer moves too (an effect may need a threshold crossed). */
const SCREEN_STEP = 2;
const RESCREEN_STEPS = [2, 4];
/** A parameter whose screening move changes how branches end by more than this (L1 of the profile) is active. */
const ACTIVE = 0.005;
/** Active parameters screened again, at most. */
const ACTIVE_MAX = 48;
/** Rounds between two screenings of the active set from the best point of the beam. */
const RESCREEN_EVERY = 3;
/** Rewrites that meet the target taken through the backward pass. */
const SHRINK_COUNT = 3;
/** The least distance a move is taken to add when its rate is worked out. */
const MIN_ADDED = 0.05;
/** Halvings of a move in the backward pass at most: enough to reach a hundredth of a unit from the longest move allowed. */
const BISECTIONS = 16;
/** Rate given to a move that reaches the target: above any gain per unit. */
const REACHED = 1e9;

type Evaluated = Point & Evaluation;

interface Screening {
  /** Candidate parameters, most promising first, each with the directions that helped. */
  readonly params: readonly { readonly path: string; readonly directions: readonly (1 | -1)[] }[];
  /** Switches whose flip helped, most first. */
  readonly switches: readonly string[];
}

export async function searchRewrite(start: Scenario, levers: readonly Lever[], evaluate: Evaluator, options: SearchOptions): Promise<SearchResult> {
  const byPath = new Map(levers.map((l) => [l.path, l]));
  const params = levers.filter((l): l is ParamLever => l.kind === 'param');
  const switches = levers.filter((l) => l.kind === 'switch');
  const seen = new Map<string, Evaluated>();
  const sizes = new Map<string, number>();
  const { target } = options;
  const keep = options.keep ?? SEARCH_DEFAULTS.keep;
  const width = Math.max(1, options.beam ?? SEARCH_DEFAULTS.beam);
  const budget = options.budget ?? SEARCH_DEFAULTS.budget;
  const goal = target.op === '>=' ? target.threshold : 1 - target.threshold;
  const progress = (e: Evaluation) => (target.op === '>=' ? e.share : 1 - e.share);
  const value = (e: Evaluation) => Math.min(progress(e), goal) + GUIDE_WEIGHT * e.guide;
  const within = (p: Point) => p.distance <= options.maxDistance + 1e-9 && changeCount(p.rewrite) <= options.maxChanges;

  /** Evaluates the rewrites not seen yet, in one batch; returns all of them (each without the moves it makes inside rules it leaves off). */
  const run = async (asked: readonly Rewrite[]): Promise<Evaluated[]> => {
    const rewrites = asked.map((r) => actingRewrite(byPath, r));
    const fresh = new Map<string, { rewrite: Rewrite; scenario: Scenario; distance: number }>();
    for (const r of rewrites) {
      const key = keyOf(r);
      if (seen.has(key) || fresh.has(key)) continue;
      fresh.set(key, { rewrite: r, scenario: applyRewrite(start, byPath, r), distance: leverDistance(byPath, r, sizes) });
    }
    const todo = [...fresh.entries()];
    const results = todo.length === 0 ? [] : await evaluate(todo.map(([, f]) => f.scenario));
    todo.forEach(([key, f], i) => seen.set(key, { rewrite: f.rewrite, distance: f.distance, ...results[i]! }));
    return rewrites.map((r) => seen.get(keyOf(r))!);
  };

  /**
   * Each of `paths` moved ±2 units and each switch flipped from `from`: the parameters whose
   * move did most (the candidates) and, by how much they changed how branches end at all, the
   * ones that did anything (the active set, screened again later from further on).
   */
  const screen = async (from: Evaluated, paths: readonly string[], steps: readonly number[]): Promise<Screening & { readonly active: readonly string[] }> => {
    const full = changeCount(from.rewrite) >= options.maxChanges;
    const per = 2 * steps.length;
    const tries = paths.flatMap((path) => steps.flatMap((step) => [1, -1].map((d) => withShift(from.rewrite, path, roundZ(zOf(from.rewrite, path) + d * step)))));
    const flips = full ? [] : switches.filter((l) => !from.rewrite.flips.includes(l.path)).map((l) => withFlip(from.rewrite, l.path));
    const done = await run([...tries, ...flips]);
    const base = value(from);
    const rows = paths.map((path, i) => {
      const tried = done.slice(per * i, per * (i + 1));
      const gainUp = Math.max(...tried.filter((_, k) => k % 2 === 0).map((p) => value(p) - base));
      const gainDown = Math.max(...tried.filter((_, k) => k % 2 === 1).map((p) => value(p) - base));
      const order: [number, 1 | -1][] = gainUp >= gainDown ? [[gainUp, 1], [gainDown, -1]] : [[gainDown, -1], [gainUp, 1]];
      const directions = order.filter(([g]) => g > 1e-9).map(([, d]) => d);
      return { path, gain: Math.max(gainUp, gainDown), directions, activity: Math.max(...tried.map((p) => activity(from, p))) };
    });
    const byName = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    const flipped = done.slice(per * paths.length).map((p) => ({ path: p.rewrite.flips.find((f) => !from.rewrite.flips.includes(f))!, gain: value(p) - base }));
    return {
      switches: flipped
        .filter((f) => f.gain > 1e-9)
        .sort((a, b) => b.gain - a.gain || byName(a, b))
        .map((f) => f.path),
      params: rows
        .filter((r) => r.directions.length > 0)
        .sort((a, b) => b.gain - a.gain || byName(a, b))
        .slice(0, keep)
        .map(({ path, directions }) => ({ path, directions })),
      active: rows
        .filter((r) => r.activity > ACTIVE)
        .sort((a, b) => b.activity - a.activity || byName(a, b))
        .slice(0, ACTIVE_MAX)
        .map((r) => r.path),
    };
  };

  /** The rewrite if within the distance allowed; else its moves scaled down until it is; undefined when nothing is left. */
  const fit = (r: Rewrite): Rewrite | undefined => {
    const limit = options.maxDistance + 1e-9;
    let d = leverDistance(byPath, r, sizes);
    if (d <= limit) return r;
    const room = options.maxDistance - r.flips.length;
    if (room <= 0 || r.shifts.length === 0) return undefined;
    let f = room / (d - r.flips.length);
    for (let i = 0; i < 8; i++, f *= 0.98) {
      const shifts = r.shifts.map((s) => ({ path: s.path, z: Math.trunc(s.z * f * 100) / 100 })).filter((s) => s.z !== 0);
      const scaled = { shifts, flips: r.flips };
      d = leverDistance(byPath, scaled, sizes);
      if (d <= limit) return scaled;
    }
    return undefined;
  };

  /** The rewrite with its moves scaled up to the distance allowed (undefined if that cannot be done). */
  const fill = (r: Rewrite): Rewrite | undefined => {
    const d = leverDistance(byPath, r, sizes);
    const room = options.maxDistance - r.flips.length;
    if (r.shifts.length === 0 || d - r.flips.length <= 1e-9 || room <= d - r.flips.length) return undefined;
    const f = room / (d - r.flips.length);
    return fit({ shifts: r.shifts.map((s) => ({ path: s.path, z: Math.trunc(s.z * f * 100) / 100 })), flips: r.flips });
  };

  /**
   * The moves tried from one point of the beam. A point with every change it may have swaps
   * its weakest change (the one whose removal loses least) for each candidate instead.
   */
  const moves = async (from: Evaluated, screening: Screening): Promise<Rewrite[]> => {
    const r = from.rewrite;
    const out: Rewrite[] = [];
    const atLimit = from.distance >= options.maxDistance - 0.1;
    for (const { path, z } of r.shifts) {
      const sign = z > 0 ? 1 : -1;
      for (const step of OWN_STEPS) out.push(withShift(r, path, roundZ(z + sign * step)));
      // At the limit, less of one is more of the others. A move of a unit or less is taken back, not turned the other way.
      const less = Math.abs(z) <= 1 ? withoutChange(r, path) : withShift(r, path, roundZ(z - sign));
      out.push((atLimit ? fill(less) : undefined) ?? less);
    }
    let base = r;
    if (changeCount(r) >= options.maxChanges) {
      const paths = [...r.shifts.map((s) => s.path), ...r.flips];
      const without = await run(paths.map((path) => withoutChange(r, path)));
      const weakest = without.map((p, i) => ({ path: paths[i]!, value: value(p) })).sort((a, b) => b.value - a.value || (a.path < b.path ? -1 : 1))[0];
      if (weakest === undefined) return out;
      base = withoutChange(r, weakest.path);
    }
    for (const { path, directions } of screening.params) {
      if (zOf(base, path) !== 0 || zOf(r, path) !== 0) continue;
      const lever = byPath.get(path) as ParamLever;
      for (const d of directions) {
        const room = reach(lever, d);
        const steps = NEW_STEPS.filter((s) => s <= room + 0.5);
        if (room > 0.25 && (steps.length === 0 || room < NEW_STEPS[NEW_STEPS.length - 1]!)) steps.push(roundZ(room));
        for (const step of new Set(steps)) out.push(withShift(base, path, roundZ(d * step)));
      }
    }
    for (const path of screening.switches) if (!r.flips.includes(path) && !base.flips.includes(path)) out.push(withFlip(base, path));
    return out;
  };

  const [origin] = await run([NO_REWRITE]);
  const seeds = (await run(options.seeds ?? [])).filter(within);
  let beam: Evaluated[] = distinctBy([origin!, ...seeds], (p) => keyOf(p.rewrite));
  // A start that meets the target needs no screening: nothing is cheaper than nothing.
  // A value inside a rule or event that is off does nothing until a rewrite switches it on: it is screened from there (rescreen).
  const dormant = params.filter((l) => l.within !== undefined && !l.within.on);
  const first = meets(target, origin!.share) ? { params: [], switches: [], active: [] } : await screen(origin!, params.filter((l) => !dormant.includes(l)).map((l) => l.path), [SCREEN_STEP]);
  let screening: Screening = first;
  let rounds = 0;
  let stalled = false;
  const maxRounds = options.maxRounds ?? SEARCH_DEFAULTS.maxRounds;
  /** Screens the active set again from the best point of the beam, with the values of the rules and events it switched on; the new candidates go first. */
  const rescreen = async () => {
    const woken = dormant.filter((l) => beam[0]!.rewrite.flips.includes(l.within!.path)).map((l) => l.path);
    const again = await screen(beam[0]!, [...first.active, ...woken], RESCREEN_STEPS);
    screening = { params: distinctBy([...again.params, ...screening.params], (p) => p.path), switches: distinctBy([...again.switches, ...screening.switches], (p) => p) };
  };
  while (!beam.some((p) => meets(target, p.share)) && rounds < maxRounds && seen.size < budget) {
    rounds++;
    if (rounds % RESCREEN_EVERY === 0 && beam[0]!.rewrite !== NO_REWRITE) await rescreen();
    const tries: { parent: Evaluated; children: Rewrite[] }[] = [];
    for (const p of beam) tries.push({ parent: p, children: await moves(p, screening) });
    // A move past the distance allowed is scaled back onto it: the move's coordinate grows,
    // the others shrink in proportion, a step along the limit rather than over it.
    for (const t of tries) t.children = distinctBy(t.children.map(fit).filter((c): c is Rewrite => c !== undefined), keyOf);
    const done = await run(tries.flatMap((t) => t.children));
    let at = 0;
    const scored: { point: Evaluated; rate: number }[] = [];
    for (const { parent, children } of tries) {
      const base = value(parent);
      for (let i = 0; i < children.length; i++) {
        const p = done[at++]!;
        if (!within(p)) continue;
        const gain = value(p) - base;
        if (gain <= 1e-9) continue;
        // Reaching the target outright beats any rate; among those, the cheapest. A move along
        // the limit (or one that saves distance) counts as if it cost a little.
        const added = Math.max(p.distance - parent.distance, MIN_ADDED);
        scored.push({ point: p, rate: meets(target, p.share) ? REACHED - p.distance : gain / added });
      }
    }
    scored.sort((a, b) => b.rate - a.rate || (keyOf(a.point.rewrite) < keyOf(b.point.rewrite) ? -1 : 1));
    // Side by side means different: no two with the same changes, nor with the same result
    // (two moves that do the same thing, such as a level raised or its threshold lowered).
    const next = distinctBy(
      distinctBy(
        scored.map((s) => s.point),
        (p) => supportOf(p.rewrite),
      ),
      (p) => `${p.share}/${p.guide}`,
    ).slice(0, width);
    options.onRound?.(rounds, seen.size);
    if (next.length === 0) {
      // Stalled: screen again from where the beam is, then stop if that finds nothing either.
      if (stalled) break;
      stalled = true;
      await rescreen();
      continue;
    }
    stalled = false;
    beam = next;
  }

  // The cheapest few that meet the target, through the backward pass; then the cheapest of all.
  const meeting = () => [...seen.values()].filter((p) => within(p) && meets(target, p.share)).sort(byDistance);
  for (const p of distinctBy(meeting(), (q) => supportOf(q.rewrite)).slice(0, SHRINK_COUNT)) await shrink(p, run, target, within);
  const found = meeting()[0];
  const closest = found ?? [...seen.values()].filter(within).sort((a, b) => progress(b) - progress(a) || value(b) - value(a) || byDistance(a, b))[0]!;
  // Changes that change nothing are left out of the front.
  const all = [...seen.values()].filter((p) => within(p) && (p.distance > 1e-9 || keyOf(p.rewrite) === keyOf(NO_REWRITE)));
  return {
    start: strip(origin!),
    ...(found === undefined ? {} : { best: strip(found) }),
    closest: strip(closest),
    front: paretoFront(all, progress).map(strip),
    evaluations: seen.size,
    rounds,
  };
}

/** Backward pass: drop what the target does without (costliest first), then bisect each move down. */
export async function shrink<P extends Point>(point: P, run: (r: readonly Rewrite[]) => Promise<P[]>, target: Target, within: (p: Point) => boolean): Promise<P> {
  let p = point;
  for (let dropped = true; dropped; ) {
    dropped = false;
    const paths = [...p.rewrite.shifts.map((s) => s.path), ...p.rewrite.flips];
    const without = await run(paths.map((path) => withoutChange(p.rewrite, path)));
    const ok = without.filter((q) => within(q) && meets(target, q.share)).sort(byDistance)[0];
    if (ok !== undefined) [p, dropped] = [ok, true];
  }
  // A move bisected first takes the slack the others would have had: which one goes first can
  // change the answer (Spain 1982's read 2.47 taken in one order, 2.32 in another). Each move
  // goes first once, the others following in turn, and the cheapest answer is kept.
  const paths = p.rewrite.shifts.map((s) => s.path);
  let best = p;
  for (let first = 0; first < paths.length; first++) {
    const bisected = await bisectEach(p, [...paths.slice(first), ...paths.slice(0, first)], run, target);
    if (bisected.distance < best.distance - 1e-9) best = bisected;
  }
  return best;
}

/** Each move in `order` bisected down, the ones before it as they were bisected. */
async function bisectEach<P extends Point>(point: P, order: readonly string[], run: (r: readonly Rewrite[]) => Promise<P[]>, target: Target): Promise<P> {
  let p = point;
  for (const path of order) {
    let lo = 0;
    let hi = zOf(p.rewrite, path);
    // Down to the hundredth of a unit moves are written in: six halvings of a move of 4 units
    // stopped 0.06 short of it, and the answer read 3.57 where 3.51 reached the target.
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = roundZ((lo + hi) / 2);
      if (mid === lo || mid === hi) break;
      const [q] = await run([withShift(p.rewrite, path, mid)]);
      if (meets(target, q!.share)) [p, hi] = [q!, mid];
      else lo = mid;
    }
  }
  return p;
}

/**
 * Distances are shown to two decimals, so within 0.005 of each other they count as one
 * distance: the front never lists two rows at what reads as the same cost (a shift that the
 * range clamps to 0.9994 sd beside a switch of 1), nor two that differ by rounding alone.
 */
const DISTANCE_STEP = 0.01;
/** Which shown distance a distance reads as: equal for two distances the front counts as one. */
export const shownDistance = (distance: number) => Math.round(distance / DISTANCE_STEP);
const distanceStep = (p: Point) => shownDistance(p.distance);

/** Points no other point beats on both counts (cheaper and at least as far), cheapest first; of points at one distance (to its shown two decimals), the furthest. */
export function paretoFront<P extends Point>(points: readonly P[], progress: (p: P) => number): P[] {
  const sorted = [...points].sort((a, b) => distanceStep(a) - distanceStep(b) || progress(b) - progress(a) || a.distance - b.distance || changeCount(a.rewrite) - changeCount(b.rewrite) || (keyOf(a.rewrite) < keyOf(b.rewrite) ? -1 : 1));
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

/** How much a move changed how branches end: the profile's L1 change, plus the share's and the guide's. */
function activity(from: Evaluation, to: Evaluation): number {
  let sum = Math.abs(to.share - from.share) + Math.abs(to.guide - from.guide);
  const [a, b] = [from.profile ?? [], to.profile ?? []];
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += Math.abs(b[i]! - a[i]!);
  return sum;
}

function byDistance(a: Point, b: Point): number {
  return a.distance - b.distance || changeCount(a.rewrite) - changeCount(b.rewrite) || (keyOf(a.rewrite) < keyOf(b.rewrite) ? -1 : 1);
}

/** The first of each key, in order. */
function distinctBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const keys = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  });
}

function strip(p: Point): Point {
  return { rewrite: p.rewrite, distance: p.distance, share: p.share };
}
