import { describeDistribution, type Distribution, type Param } from '../model/distribution.js';
import type { ParamInput } from './schema.js';

/** `0.3`, `{ value, source }` or `{ dist, ... }` as the model's Param. Beta's range defaults to [0, 1]. */
export function toParam(input: ParamInput): Param {
  if (typeof input === 'number') return { dist: { kind: 'fixed', value: input } };
  return annotate(toDistribution(input), input);
}

function toDistribution(input: Exclude<ParamInput, number>): Distribution {
  if (!('dist' in input)) return { kind: 'fixed', value: input.value };
  switch (input.dist) {
    case 'uniform':
      return { kind: 'uniform', min: input.min, max: input.max };
    case 'triangular':
      return { kind: 'triangular', min: input.min, mode: input.mode, max: input.max };
    case 'beta':
      return { kind: 'beta', alpha: input.alpha, beta: input.beta, min: input.min ?? 0, max: input.max ?? 1 };
    case 'normal':
      return { kind: 'normal', mean: input.mean, sd: input.sd, min: input.min, max: input.max };
    case 'bernoulli':
      return { kind: 'bernoulli', p: input.p };
  }
}

function annotate(dist: Distribution, input: { source?: string | undefined; note?: string | undefined }): Param {
  return {
    dist,
    ...(input.source !== undefined && { source: input.source }),
    ...(input.note !== undefined && { note: input.note }),
  };
}

/** A parameter as a warning shows it: `0.05`, `triangular(0, 4, 7)`. */
export function describeParam(param: Param): string {
  return describeDistribution(param.dist);
}

/** The parameter, or `fallback` with a warning that names the field left out. */
export function paramOrDefault(input: ParamInput | undefined, fallback: Param, field: string, warnings: string[]): Param {
  if (input !== undefined) return toParam(input);
  warnings.push(`${field} not set: using default ${describeParam(fallback)}`);
  return fallback;
}
