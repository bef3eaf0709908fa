import { OUTCOMES, type Outcome } from '../model/outcome.js';

/** Integer codes used inside the hot loop; names live in model/outcome.ts. */
export const StageCode = { idle: 0, preparation: 1, ratification: 2, done: 3 } as const;
export const TrackCode = { none: -1, map: 0, dialogue: 1, special: 2 } as const;

export const OutcomeCode = Object.fromEntries(OUTCOMES.map((o, i) => [o, i])) as Readonly<Record<Outcome, number>>;

/**
 * How a branch ended, one level finer than the outcome: a vetoed branch was stopped by a
 * veto or by a hold-out that never lifted. Tallies are kept per exit.
 */
export const EXITS = [
  { exit: 'joined', outcome: 'joined', role: 'process' },
  { exit: 'no_application', outcome: 'no_application', role: 'candidate' },
  { exit: 'withdrawn', outcome: 'withdrawn', role: 'candidate' },
  { exit: 'map_stalled', outcome: 'map_stalled', role: 'process' },
  { exit: 'vetoed', outcome: 'vetoed', role: 'veto' },
  { exit: 'held_out', outcome: 'vetoed', role: 'holdout' },
  { exit: 'ratification_failed', outcome: 'ratification_failed', role: 'ratification' },
  { exit: 'pending_at_horizon', outcome: 'pending_at_horizon', role: 'process' },
] as const;
export const ExitCode = {
  joined: 0,
  no_application: 1,
  withdrawn: 2,
  map_stalled: 3,
  vetoed: 4,
  held_out: 5,
  ratification_failed: 6,
  pending_at_horizon: 7,
} as const;

/**
 * Reasons are integers: a fixed list first, then one per precondition, rule and event
 * of the compiled scenario (see CompiledModel.reasonOf*).
 */
export const FixedReason = {
  propensity: 0,
  threat: 1,
  special_status: 2,
  not_interested: 3,
  domestic_opposition: 4,
  withdrawal: 5,
  ratification_vote: 6,
  horizon: 7,
  min_years: 8,
} as const;
export const FIXED_REASON_COUNT = 9;

/** The actor slot of the candidate and of the process itself, after the Allies. */
export const NO_ACTOR = -1;
