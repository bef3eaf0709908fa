/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as used for scenario
 * discovery (Bryant & Lempert 2010): find boxes — a range per input — in which an outcome
 * is much more frequent than overall. Pure arithmetic over arrays.
 *
 * Points carry weights: point i stands for w[i] trials of which y[i] had the outcome (a
 * parameter vector run for many branches). Density is Σy / Σw inside the box; coverage is
 * Σy inside over Σy of all points; mass is the share of points inside.
 */
import { normalQuantile } from '../../engine/normal.js';

export interface PrimData {
  /** columns[j][i]: input j of point i. */
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
  readonly w: Float64Array;
}

export interface PrimOptions {
  /** Share of the points in the box removed by one peel (default 0.05). */
  readonly peelAlpha?: number;
  /** Share added by one paste (default 0.02). */
  readonly pasteAlpha?: number;
  /** Peeling stops before the box holds fewer than this share of all points (default 0.03). */
  readonly minMass?: number;
  /**
   * A restriction stays only if the points it excludes have a clearly lower share than the
   * box's: Welch's t at least this (default 2.5; see restrictionT).
   */
  readonly minT?: number;
  /** Among boxes within this share of the best score, the one with fewest restrictions wins (default 0.95). */
  readonly preferSimple?: number;
}

/** A box: lo[j] ≤ x_j ≤ hi[j]; ±Infinity where input j is not restricted. */
export interface Box {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export interface BoxStats {
  readonly points: number;
  readonly mass: number;
  readonly trials: number;
  readonly count: number;
  readonly density: number;
  readonly coverage: number;
}

export interface FoundBox extends BoxStats {
  readonly box: Box;
  /** Inputs the box restricts, in order of the input index. */
  readonly restricted: readonly number[];
  /** Best box with 1, 2, 3 ... restrictions along this box's peeling path, for the trade-off. */
  readonly tradeoff: readonly (BoxStats & { readonly box: Box; readonly restricted: readonly number[] })[];
}

export const PRIM_DEFAULTS = { peelAlpha: 0.05, pasteAlpha: 0.02, minMass: 0.03, minT: 2.5, preferSimple: 0.95 } as const;
const DEFAULTS = PRIM_DEFAULTS;

export function unrestricted(dims: number): Box {
  return { lo: new Float64Array(dims).fill(-Infinity), hi: new Float64Array(dims).fill(Infinity) };
}

export function restrictedDims(box: Box): number[] {
  const out: number[] = [];
  for (let j = 0; j < box.lo.length; j++) if (box.lo[j]! > -Infinity || box.hi[j]! < Infinity) out.push(j);
  return out;
}

/** Whether point i lies in the box, checking only `dims` (the box's restricted inputs) other than `skip`. */
function inside(data: PrimData, box: Box, dims: readonly number[], i: number, skip = -1): boolean {
  for (const j of dims) {
    if (j === skip) continue;
    const x = data.columns[j]![i]!;
    if (x < box.lo[j]! || x > box.hi[j]!) return false;
  }
  return true;
}

/** Statistics of a box over the points still `active`; coverage against `totalCount`. */
export function boxStats(data: PrimData, box: Box, active: Uint8Array, totalCount: number): BoxStats {
  let points = 0;
  let trials = 0;
  let count = 0;
  let all = 0;
  const dims = restrictedDims(box);
  for (let i = 0; i < data.y.length; i++) {
    if (active[i] === 0) continue;
    all++;
    if (!inside(data, box, dims, i)) continue;
    points++;
    trials += data.w[i]!;
    count += data.y[i]!;
  }
  return {
    points,
    mass: all === 0 ? 0 : points / all,
    trials,
    count,
    density: trials === 0 ? 0 : count / trials,
    coverage: totalCount === 0 ? 0 : count / totalCount,
  };
}

/** F1 of the box as a classifier of the outcome: harmonic mean of density and coverage. */
export function boxScore(s: BoxStats): number {
  return s.density + s.coverage === 0 ? 0 : (2 * s.density * s.coverage) / (s.density + s.coverage);
}

/**
 * Peels from the full box over the active points: each step removes the alpha share of
 * points at the low or high end of one input, whichever leaves the highest density.
 * Returns the boxes along the way, the full box first.
 */
export function peel(data: PrimData, active: Uint8Array, options: PrimOptions = {}): Box[] {
  const alpha = options.peelAlpha ?? DEFAULTS.peelAlpha;
  const minMass = options.minMass ?? DEFAULTS.minMass;
  const d = data.columns.length;
  const n = data.y.length;
  const order = data.columns.map((col) => Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => col[a]! - col[b]!));
  const inBox = Uint8Array.from(active);
  let m = inBox.reduce((s, v) => s + v, 0);
  const minPoints = Math.max(1, Math.ceil(minMass * m));
  let box = unrestricted(d);
  const path = [box];
  let sumY = 0;
  let sumW = 0;
  for (let i = 0; i < n; i++) if (inBox[i] === 1) ((sumY += data.y[i]!), (sumW += data.w[i]!));

  while (m > minPoints && sumY < sumW) {
    const k = Math.max(1, Math.floor(alpha * m));
    let best: { j: number; side: 0 | 1; cut: number; y: number; w: number; removed: number; density: number } | undefined;
    for (let j = 0; j < d; j++) {
      const col = data.columns[j]!;
      const ord = order[j]!;
      for (const side of [0, 1] as const) {
        // The k-th in-box value from this end: points strictly beyond it are peeled.
        let seen = 0;
        let cut = Number.NaN;
        for (let t = 0; t < n; t++) {
          const i = ord[side === 0 ? t : n - 1 - t]!;
          if (inBox[i] === 0) continue;
          if (seen === k) {
            cut = col[i]!;
            break;
          }
          seen++;
        }
        if (Number.isNaN(cut)) continue;
        // Ties at the end (an input that is off or on): the k-th value is the end value itself,
        // so nothing lies strictly beyond it. Peel the whole tied block instead, if anything is left.
        const end = firstInBox(ord, inBox, side, n);
        if (cut === col[end]!) {
          cut = Number.NaN;
          for (let t = 0; t < n; t++) {
            const i = ord[side === 0 ? t : n - 1 - t]!;
            if (inBox[i] === 1 && col[i]! !== col[end]!) {
              cut = col[i]!;
              break;
            }
          }
          if (Number.isNaN(cut)) continue;
        }
        let y = 0;
        let w = 0;
        let removed = 0;
        for (let t = 0; t < n; t++) {
          const i = ord[side === 0 ? t : n - 1 - t]!;
          if (inBox[i] === 0) continue;
          const x = col[i]!;
          if (side === 0 ? x >= cut : x <= cut) break;
          y += data.y[i]!;
          w += data.w[i]!;
          removed++;
        }
        if (removed === 0 || m - removed < minPoints) continue;
        const density = sumW - w === 0 ? 0 : (sumY - y) / (sumW - w);
        if (best === undefined || density > best.density + 1e-12) best = { j, side, cut, y, w, removed, density };
      }
    }
    if (best === undefined) break;
    const lo = Float64Array.from(box.lo);
    const hi = Float64Array.from(box.hi);
    if (best.side === 0) lo[best.j] = best.cut;
    else hi[best.j] = best.cut;
    box = { lo, hi };
    const col = data.columns[best.j]!;
    for (let i = 0; i < n; i++) if (inBox[i] === 1 && (col[i]! < lo[best.j]! || col[i]! > hi[best.j]!)) inBox[i] = 0;
    m -= best.removed;
    sumY -= best.y;
    sumW -= best.w;
    path.push(box);
  }
  return path;
}

/** The index of the first point in the box from one end (0: low, 1: high) of an input's order. */
function firstInBox(ord: Int32Array, inBox: Uint8Array, side: 0 | 1, n: number): number {
  for (let t = 0; t < n; t++) {
    const i = ord[side === 0 ? t : n - 1 - t]!;
    if (inBox[i] === 1) return i;
  }
  return -1;
}

/** Widens a box one input at a time while that does not lower its density (the pasting phase). */
export function paste(data: PrimData, box: Box, active: Uint8Array, options: PrimOptions = {}): Box {
  const alpha = options.pasteAlpha ?? DEFAULTS.pasteAlpha;
  const n = data.y.length;
  let current = box;
  let stats = boxStats(data, current, active, 1);
  for (let round = 0; round < 100; round++) {
    let best: { box: Box; density: number } | undefined;
    const k = Math.max(1, Math.floor(alpha * stats.points));
    const dims = restrictedDims(current);
    for (const j of dims) {
      for (const side of [0, 1] as const) {
        const limit = side === 0 ? current.lo[j]! : current.hi[j]!;
        if (!Number.isFinite(limit)) continue;
        // Points outside only on input j, on this side: the nearest k of them come in.
        const outside: number[] = [];
        for (let i = 0; i < n; i++) {
          if (active[i] === 0 || !inside(data, current, dims, i, j)) continue;
          const x = data.columns[j]![i]!;
          if (side === 0 ? x < limit : x > limit) outside.push(x);
        }
        if (outside.length === 0) continue;
        outside.sort((a, b) => (side === 0 ? b - a : a - b));
        const edge = outside[Math.min(k, outside.length) - 1]!;
        const lo = Float64Array.from(current.lo);
        const hi = Float64Array.from(current.hi);
        if (side === 0) lo[j] = outside.length <= k ? -Infinity : edge;
        else hi[j] = outside.length <= k ? Infinity : edge;
        const candidate = { lo, hi };
        const density = boxStats(data, candidate, active, 1).density;
        // Not worse is enough: a box pasted back to where the outcome stops is the honest one.
        if (density >= stats.density - 1e-12 && (best === undefined || density > best.density)) best = { box: candidate, density };
      }
    }
    if (best === undefined) break;
    current = best.box;
    stats = boxStats(data, current, active, 1);
  }
  return current;
}

/** Opens every bound that excludes no point the box's other bounds let in: it says nothing. */
export function relaxIdleBounds(data: PrimData, box: Box, active: Uint8Array): Box {
  let current = box;
  for (const j of restrictedDims(box)) {
    for (const side of [0, 1] as const) {
      const limit = side === 0 ? current.lo[j]! : current.hi[j]!;
      if (!Number.isFinite(limit)) continue;
      const dims = restrictedDims(current);
      let binds = false;
      for (let i = 0; i < data.y.length && !binds; i++) {
        if (active[i] === 0 || !inside(data, current, dims, i, j)) continue;
        const x = data.columns[j]![i]!;
        binds = side === 0 ? x < limit : x > limit;
      }
      if (binds) continue;
      const lo = Float64Array.from(current.lo);
      const hi = Float64Array.from(current.hi);
      if (side === 0) lo[j] = -Infinity;
      else hi[j] = Infinity;
      current = { lo, hi };
    }
  }
  return current;
}

/**
 * How clearly restriction j of a box earns its place: Welch's t of the per-point share inside
 * the box against the points it excludes (those inside on every other restricted input).
 * Points, not branches, are the observations: the branches of one point share its inputs.
 */
export function restrictionT(data: PrimData, box: Box, active: Uint8Array, j: number): number {
  const dims = restrictedDims(box);
  const kept: number[] = [];
  const excluded: number[] = [];
  for (let i = 0; i < data.y.length; i++) {
    if (active[i] === 0 || data.w[i] === 0 || !inside(data, box, dims, i, j)) continue;
    const x = data.columns[j]![i]!;
    (x < box.lo[j]! || x > box.hi[j]! ? excluded : kept).push(data.y[i]! / data.w[i]!);
  }
  if (kept.length === 0) return 0;
  if (excluded.length === 0) return 0;
  const [mk, vk] = meanVar(kept);
  const [me, ve] = meanVar(excluded);
  const varE = excluded.length < 2 ? vk : ve;
  const se = Math.sqrt(vk / kept.length + varE / excluded.length);
  if (se === 0) return mk > me ? Infinity : 0;
  return (mk - me) / se;
}

function meanVar(xs: readonly number[]): [number, number] {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  const v = xs.length < 2 ? 0 : xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return [m, v];
}

/** Drops restrictions, weakest first, while one's t (see restrictionT) is below `minT`. */
export function simplify(data: PrimData, box: Box, active: Uint8Array, minT: number): Box {
  let current = box;
  for (;;) {
    let weakest: { j: number; t: number } | undefined;
    for (const j of restrictedDims(current)) {
      const t = restrictionT(data, current, active, j);
      if (t < minT && (weakest === undefined || t < weakest.t)) weakest = { j, t };
    }
    if (weakest === undefined) return current;
    const lo = Float64Array.from(current.lo);
    const hi = Float64Array.from(current.hi);
    lo[weakest.j] = -Infinity;
    hi[weakest.j] = Infinity;
    current = { lo, hi };
  }
}

/** Average ranks (ties share their mean rank), 0-based. */
function ranks(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const r = new Float64Array(n);
  for (let t = 0; t < n; ) {
    let u = t;
    while (u + 1 < n && xs[order[u + 1]!] === xs[order[t]!]) u++;
    for (let v = t; v <= u; v++) r[order[v]!] = (t + u) / 2;
    t = u + 1;
  }
  return r;
}

/** Spearman's rank correlation of each input with the per-point share, as z = ρ·√(n − 1). */
export function rankCorrelations(data: PrimData): Float64Array {
  const n = data.y.length;
  const share = Float64Array.from({ length: n }, (_, i) => (data.w[i] === 0 ? 0 : data.y[i]! / data.w[i]!));
  const rs = ranks(share);
  const mean = (n - 1) / 2;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (rs[i]! - mean) ** 2;
  return Float64Array.from(data.columns, (col) => {
    const rx = ranks(col);
    let sx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sx += (rx[i]! - mean) ** 2;
      sxy += (rx[i]! - mean) * (rs[i]! - mean);
    }
    return sx === 0 || ss === 0 ? 0 : (sxy / Math.sqrt(sx * ss)) * Math.sqrt(n - 1);
  });
}

/**
 * The inputs allowed to bound a box: those whose rank correlation with the outcome share is
 * significant at `level` after a Bonferroni correction for the number of inputs, strongest
 * first, at most `max`. Peeling on inputs with no effect only fits noise; this keeps boxes
 * short and honest (an input that matters only in the middle of its range is missed).
 */
export function screenInputs(data: PrimData, level = 0.05, max = 12): number[] {
  const z = rankCorrelations(data);
  const d = z.length;
  const critical = normalQuantile(1 - level / (2 * Math.max(1, d)));
  return Array.from({ length: d }, (_, j) => j)
    .filter((j) => Math.abs(z[j]!) >= critical)
    .sort((a, b) => Math.abs(z[b]!) - Math.abs(z[a]!) || a - b)
    .slice(0, max);
}

/**
 * Up to `boxes` boxes by covering: find the best box, set its points aside, search the rest;
 * a later box is kept only while its density beats the share over all points.
 * Each box is the simplest on its peeling path that scores (F1 of density and coverage)
 * within `preferSimple` of the best, after pasting and dropping restrictions that add little.
 */
export function prim(data: PrimData, boxes: number, options: PrimOptions = {}): FoundBox[] {
  const n = data.y.length;
  const minT = options.minT ?? DEFAULTS.minT;
  const preferSimple = options.preferSimple ?? DEFAULTS.preferSimple;
  const total = data.y.reduce((s, v) => s + v, 0);
  const overall = total / Math.max(1e-300, data.w.reduce((s, v) => s + v, 0));
  const active = new Uint8Array(n).fill(1);
  const found: FoundBox[] = [];
  for (let b = 0; b < boxes && total > 0; b++) {
    const left = boxStats(data, unrestricted(data.columns.length), active, total);
    if (left.count === 0 || left.points === 0) break;
    const candidates = peel(data, active, options).map((box) => {
      const simple = relaxIdleBounds(data, simplify(data, paste(data, box, active, options), active, minT), active);
      const stats = boxStats(data, simple, active, total);
      return { box: simple, restricted: restrictedDims(simple), ...stats };
    });
    // Boxes that restrict nothing say nothing; the full box is kept only if it is all there is.
    const useful = candidates.filter((c) => c.restricted.length > 0 && c.count > 0);
    if (useful.length === 0) break;
    const bestScore = Math.max(...useful.map(boxScore));
    const chosen = useful
      .filter((c) => boxScore(c) >= preferSimple * bestScore)
      .sort((x, y) => x.restricted.length - y.restricted.length || boxScore(y) - boxScore(x))[0]!;
    const bySize = new Map<number, (typeof useful)[number]>();
    for (const c of useful) {
      const held = bySize.get(c.restricted.length);
      if (held === undefined || boxScore(c) > boxScore(held)) bySize.set(c.restricted.length, c);
    }
    // A later box must still beat the share over all points, or it is no scenario worth naming.
    if (b > 0 && chosen.density <= overall) break;
    // The trade-off keeps a larger box only if it buys density over every simpler one.
    const tradeoff: typeof useful = [];
    for (const size of [...bySize.keys()].sort((x, y) => x - y)) {
      const c = bySize.get(size)!;
      if (tradeoff.length === 0 || c.density > tradeoff[tradeoff.length - 1]!.density) tradeoff.push(c);
    }
    found.push({ ...chosen, tradeoff });
    for (let i = 0; i < n; i++) if (active[i] === 1 && inside(data, chosen.box, chosen.restricted, i)) active[i] = 0;
  }
  return found;
}
