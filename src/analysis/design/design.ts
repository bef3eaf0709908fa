import alea from 'seedrandom/lib/alea.js';
import { betaQuantile } from '../../engine/beta-quantile.js';

/**
 * Sampling designs over factors scaled to [0, 1]: a Latin hypercube (scenario discovery)
 * and Morris trajectories (elementary effects). Random numbers come from seedrandom's alea,
 * seeded from the run's seed and the design's name, so a design is fixed by its seed.
 */
export type Uniform = () => number;

export function designRng(seed: string, name: string): Uniform {
  const rng = alea(`${seed}/${name}`);
  return () => rng.double();
}

/** An integer in [0, n). */
function below(rng: Uniform, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** A random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(rng: Uniform, n: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * A Latin hypercube of `samples` points in [0, 1]^dims: each dimension is cut into `samples`
 * equal strata and every stratum holds exactly one point, at a random place within it.
 * Returned by dimension, in one typed array each (8 bytes a value): column j holds every
 * point's value of dimension j.
 */
export function latinHypercubeColumns(samples: number, dims: number, rng: Uniform): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let j = 0; j < dims; j++) {
    const strata = permutation(rng, samples);
    const column = new Float64Array(samples);
    for (let i = 0; i < samples; i++) column[i] = (strata[i]! + rng()) / samples;
    columns.push(column);
  }
  return columns;
}

/** The same hypercube by point: row i is point i. For small designs (a sweep's). */
export function latinHypercube(samples: number, dims: number, rng: Uniform): Float64Array[] {
  const columns = latinHypercubeColumns(samples, dims, rng);
  return Array.from({ length: samples }, (_, i) => Float64Array.from(columns, (column) => column[i]!));
}

/** One Morris trajectory: k + 1 points, each after the first moving exactly one factor by ±delta. */
export interface Trajectory {
  /** points[s] is a Float64Array of k scaled values. */
  readonly points: readonly Float64Array[];
  /** The factor moved between points s and s + 1. */
  readonly order: Int32Array;
  /** +1 or -1: the direction of each step. */
  readonly direction: Int8Array;
}

/**
 * Morris (1991) trajectories on a grid of `levels` levels with the usual step
 * delta = levels / (2 (levels - 1)): a random base point on the grid, factors moved in a
 * random order, each up or down at random, staying inside [0, 1].
 */
export function morrisTrajectories(r: number, k: number, levels: number, rng: Uniform): { trajectories: Trajectory[]; delta: number } {
  const delta = levels / (2 * (levels - 1));
  // Base values such that both x and x + delta lie on the grid.
  const baseLevels = Math.floor((1 - delta) * (levels - 1) + 1e-9) + 1;
  const trajectories: Trajectory[] = [];
  for (let t = 0; t < r; t++) {
    const start = new Float64Array(k);
    const direction = new Int8Array(k);
    for (let j = 0; j < k; j++) {
      const base = below(rng, baseLevels) / (levels - 1);
      direction[j] = rng() < 0.5 ? 1 : -1;
      start[j] = direction[j] === 1 ? base : base + delta;
    }
    const order = permutation(rng, k);
    const points = [start];
    for (let s = 0; s < k; s++) {
      const next = Float64Array.from(points[s]!);
      const j = order[s]!;
      next[j] = next[j]! + direction[j]! * delta;
      points.push(next);
    }
    trajectories.push({ points, order, direction });
  }
  return { trajectories, delta };
}

/**
 * The 95% Student-t interval of the mean of xs, its lower end held at `floor` (a mean of
 * absolute values cannot go below 0): mean ± t(0.975, n − 1) · s / √n. With the eight
 * trajectories of a Morris design a percentile bootstrap covered μ* only 52-76% of the time (it
 * takes the sample's spread for the population's and ignores t's wider tails); t is the
 * small-sample interval. With one value, or values all alike, it is that value.
 */
export function meanInterval(xs: ArrayLike<number>, floor = -Infinity): [number, number] {
  const n = xs.length;
  if (n === 0) return [0, 0];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const m = sum / n;
  if (n === 1) return [m, m];
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - m) ** 2;
  const half = studentT975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return [Math.max(floor, m - half), m + half];
}

/** t(0.975, df): from the Beta(df/2, 1/2) quantile x at 0.05, t = √(df (1 − x) / x). */
export function studentT975(df: number): number {
  const x = betaQuantile(df / 2, 0.5, 0.05);
  return Math.sqrt((df * (1 - x)) / x);
}
