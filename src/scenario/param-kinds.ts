import { EFFECTS, type EffectKindSpec } from '../model/catalog/effects.js';
import { LARGEST_MAGNITUDE, NUMBER_KINDS, pastLargest, type NumberKind, type NumberRange } from '../model/catalog/numbers.js';
import { resolveParamPath } from '../model/catalog/parameters.js';

/**
 * What kind of number sits at a parameter path (see param-paths.ts): the range the scenario
 * schema allows there, its unit, and the default scale of a change (see model/catalog/numbers.ts).
 * Sweeps check their ranges against `range`; the rewrite distance measures changes of fixed
 * values in units of `scale`.
 */
export type ParamKind = NumberKind;

/** The kind of the parameter at a path such as `allies.US.consent` or `rules.x.effects.0.delta`. */
export function paramKind(path: string): ParamKind {
  const at = resolveParamPath(path);
  if (at === undefined) return NUMBER_KINDS.probability;
  if ('entry' in at) return NUMBER_KINDS[at.entry.number];
  // An effect's number is known by its field: `delta` shifts, `months` delays.
  const size = Object.values(EFFECTS as Readonly<Record<string, EffectKindSpec>>).find((k) => k.size?.field === at.field)?.size;
  return size === undefined ? NUMBER_KINDS.probability : NUMBER_KINDS[size.number];
}

/** Whether `x` lies in a schema range, and if not, how to say so. */
export function rangeProblem(range: NumberRange, x: number): string | undefined {
  if (!Number.isFinite(x)) return `${x} is not a finite number`;
  switch (range) {
    case 'probability':
      return x < 0 || x > 1 ? `${x} is not a probability: it must lie between 0 and 1` : undefined;
    case 'delta':
      return x < -1 || x > 1 ? `${x} is outside -1..1 (a shift of a probability or a 0..1 level)` : undefined;
    case 'nonNegative':
      if (x < 0) return `${x} is negative: the value must be 0 or more`;
      return x > LARGEST_MAGNITUDE ? pastLargest(String(x), false) : undefined;
    case 'real':
      return Math.abs(x) > LARGEST_MAGNITUDE ? pastLargest(String(x), x < 0) : undefined;
  }
}
