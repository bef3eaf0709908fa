import type { NumberRange } from './schema.js';

/**
 * What kind of number sits at a parameter path (see param-paths.ts): the range the scenario
 * schema allows there, its unit, and the default scale of a change used where a parameter has
 * no documented uncertainty of its own (a fixed value): the step an analyst would call "one
 * notch" on that scale. Sweeps check their ranges against `range`; the rewrite distance
 * measures changes of fixed values in units of `scale`.
 *
 * Default scales: 0.1 on probabilities and 0..1 levels (and on shifts of them, and on
 * weights); 0.02 a year on a level's drift and volatility; 1 year for preparation years;
 * 3 months for durations in months.
 */
export interface ParamKind {
  readonly range: NumberRange;
  readonly unit: 'probability' | 'level' | 'shift' | 'per year' | 'weight' | 'years' | 'months';
  readonly scale: number;
}

const PROBABILITY: ParamKind = { range: 'probability', unit: 'probability', scale: 0.1 };
const LEVEL: ParamKind = { range: 'probability', unit: 'level', scale: 0.1 };
const SHIFT: ParamKind = { range: 'delta', unit: 'shift', scale: 0.1 };
const DRIFT: ParamKind = { range: 'delta', unit: 'per year', scale: 0.02 };
const VOLATILITY: ParamKind = { range: 'nonNegative', unit: 'per year', scale: 0.02 };
const WEIGHT: ParamKind = { range: 'real', unit: 'weight', scale: 0.1 };
const YEARS: ParamKind = { range: 'nonNegative', unit: 'years', scale: 1 };
const MONTHS: ParamKind = { range: 'nonNegative', unit: 'months', scale: 3 };

const BY_FIELD: Readonly<Record<string, ParamKind>> = {
  interest: PROBABILITY,
  domesticOpposition: PROBABILITY,
  acceptsStandardPath: PROBABILITY,
  withdrawal: PROBABILITY,
  readiness: LEVEL,
  consentPenalty: PROBABILITY,
  cohesion: PROBABILITY,
  level: LEVEL,
  threshold: LEVEL,
  drift: DRIFT,
  volatility: VOLATILITY,
  consent: PROBABILITY,
  threat: PROBABILITY,
  holdoutLift: PROBABILITY,
  pass: PROBABILITY,
  hazard: PROBABILITY,
  delta: SHIFT,
  minYears: YEARS,
  months: MONTHS,
  protocolMonths: MONTHS,
};

/** The kind of the parameter at a path such as `allies.US.consent` or `rules.x.effects.0.delta`. */
export function paramKind(path: string): ParamKind {
  const parts = path.split('.');
  if (parts.length >= 2 && parts[parts.length - 2] === 'weights') return WEIGHT;
  return BY_FIELD[parts[parts.length - 1]!] ?? PROBABILITY;
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
      return x < 0 ? `${x} is negative: the value must be 0 or more` : undefined;
    case 'real':
      return undefined;
  }
}
