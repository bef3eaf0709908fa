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

/** Each kind's numbers, all finite: what a distribution read from outside a file (a shard's part) must hold. */
export const DISTRIBUTION_FIELDS: { readonly [K in DistributionKind]: readonly Exclude<keyof Extract<Distribution, { kind: K }>, 'kind'>[] } = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  beta: ['alpha', 'beta', 'min', 'max'],
  normal: ['mean', 'sd', 'min', 'max'],
  bernoulli: ['p'],
};

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

/**
 * A distribution in words. `call` is how files, warnings and reports write it:
 * `triangular(0, 4, 7)`, `beta(2, 5) on [0, 1]`. `compact` is the explorer's, with its numbers
 * passed through `n`: `triangular 0.02–0.1–0.25`, `normal(0.5, sd 0.1) in 0–1`.
 */
export function describeDistribution(d: Distribution, style: 'call' | 'compact' = 'call', n: (x: number) => string = String): string {
  const call = style === 'call';
  const range = (min: number, max: number) => (call ? `[${n(min)}, ${n(max)}]` : `${n(min)}–${n(max)}`);
  switch (d.kind) {
    case 'fixed':
      return n(d.value);
    case 'uniform':
      return call ? `uniform(${n(d.min)}, ${n(d.max)})` : `uniform ${range(d.min, d.max)}`;
    case 'triangular':
      return call ? `triangular(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})` : `triangular ${n(d.min)}–${n(d.mode)}–${n(d.max)}`;
    case 'beta':
      return `beta(${n(d.alpha)}, ${n(d.beta)}) on ${range(d.min, d.max)}`;
    case 'normal':
      return call ? `normal(${n(d.mean)}, ${n(d.sd)}) on ${range(d.min, d.max)}` : `normal(${n(d.mean)}, sd ${n(d.sd)}) in ${range(d.min, d.max)}`;
    case 'bernoulli':
      return call ? `bernoulli(${n(d.p)})` : `bernoulli p=${n(d.p)}`;
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
