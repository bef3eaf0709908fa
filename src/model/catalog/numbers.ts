/**
 * The kinds of number a scenario holds. Each parameter (parameters.ts) and each effect's size
 * (effects.ts) names one; the schema, sweeps, the rewrite distance and the explorer read their
 * range, unit, scale and editing steps from here.
 */

/** What a number may be. Deltas shift probabilities or 0..1 levels, so they stay within ±1. */
export type NumberRange = 'probability' | 'delta' | 'nonNegative' | 'real';

/**
 * The largest size of a number of the open ranges (`nonNegative`, `real`): a million months,
 * years, units of weight or of volatility is far past anything the model can tell apart (a
 * window lasts at most a century), while 1e308 made the rewrite distance overflow to Infinity
 * (null in JSON, and a shard that merge then refused as damaged).
 */
export const LARGEST_MAGNITUDE = 1_000_000;

/** How a number past LARGEST_MAGNITUDE is told, in a file, a --set, a --vary or a --range alike. */
export function pastLargest(shown: string, negative: boolean): string {
  return `${shown} is past ${negative ? '-' : ''}${LARGEST_MAGNITUDE.toLocaleString('en-US')}, far beyond anything the model can tell apart`;
}

/** The interval a range allows. */
export function rangeBounds(range: NumberRange): readonly [number, number] {
  switch (range) {
    case 'probability':
      return [0, 1];
    case 'delta':
      return [-1, 1];
    case 'nonNegative':
      return [0, LARGEST_MAGNITUDE];
    case 'real':
      return [-LARGEST_MAGNITUDE, LARGEST_MAGNITUDE];
  }
}

export type Unit = 'probability' | 'level' | 'shift' | 'per year' | 'weight' | 'years' | 'months';

/** Allowed values of a number in the explorer and how far ←/→ (and shift+←/→) move it. */
export interface EditSteps {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly bigStep: number;
}

/**
 * A kind of number: the range the scenario schema allows, its unit, and the default scale of a
 * change used where a parameter has no documented uncertainty of its own (a fixed value): the
 * step an analyst would call "one notch" on that scale. Kinds the explorer edits carry its steps.
 */
export interface NumberKind {
  readonly range: NumberRange;
  readonly unit: Unit;
  readonly scale: number;
  readonly edit?: EditSteps;
}

const ZERO_TO_ONE: EditSteps = { min: 0, max: 1, step: 0.01, bigStep: 0.1 };

/**
 * Default scales: 0.1 on probabilities and 0..1 levels (and on shifts of them, and on weights);
 * 0.02 a year on a level's drift and volatility; 1 year for preparation years; 3 months for
 * durations in months.
 */
export const NUMBER_KINDS = {
  probability: { range: 'probability', unit: 'probability', scale: 0.1, edit: ZERO_TO_ONE },
  level: { range: 'probability', unit: 'level', scale: 0.1, edit: ZERO_TO_ONE },
  shift: { range: 'delta', unit: 'shift', scale: 0.1, edit: { min: -1, max: 1, step: 0.01, bigStep: 0.1 } },
  drift: { range: 'delta', unit: 'per year', scale: 0.02, edit: { min: -0.5, max: 0.5, step: 0.005, bigStep: 0.05 } },
  volatility: { range: 'nonNegative', unit: 'per year', scale: 0.02 },
  weight: { range: 'real', unit: 'weight', scale: 0.1 },
  years: { range: 'nonNegative', unit: 'years', scale: 1, edit: { min: 0, max: 30, step: 0.1, bigStep: 1 } },
  months: { range: 'nonNegative', unit: 'months', scale: 3, edit: { min: 0, max: 240, step: 1, bigStep: 6 } },
} as const satisfies Readonly<Record<string, NumberKind>>;

export type NumberKindName = keyof typeof NUMBER_KINDS;
