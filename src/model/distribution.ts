/**
 * A numeric parameter is either a fixed value or a distribution sampled once per
 * branch (epistemic uncertainty: we do not know the true value, so each branch
 * lives in one possible world).
 */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Beta(alpha, beta) rescaled to [min, max] (default [0, 1]). */
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number; readonly min: number; readonly max: number }
  /** Normal(mean, sd) truncated to [min, max]. */
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly min: number; readonly max: number }
  /** 1 with probability p, else 0 (a precondition that is either met or not). */
  | { readonly kind: 'bernoulli'; readonly p: number };

export type DistributionKind = Distribution['kind'];

/** A tunable number with where it came from. */
export interface Param {
  readonly dist: Distribution;
  /** Source id (see the scenario's `sources`), or a short citation. */
  readonly source?: string;
  readonly note?: string;
}

export function fixed(value: number, source?: string): Param {
  return source === undefined ? { dist: { kind: 'fixed', value } } : { dist: { kind: 'fixed', value }, source };
}

/** The central value of a distribution: what a reader would call "the" value. */
export function centralValue(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return d.mode;
    case 'beta':
      return d.min + ((d.max - d.min) * d.alpha) / (d.alpha + d.beta);
    case 'normal':
      return Math.min(d.max, Math.max(d.min, d.mean));
    case 'bernoulli':
      return d.p;
  }
}

/** The range a distribution can take, [lo, hi]. */
export function support(d: Distribution): readonly [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.value, d.value];
    case 'bernoulli':
      return [0, 1];
    default:
      return [d.min, d.max];
  }
}
