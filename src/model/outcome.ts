/** How a branch ends. Exactly one per branch, so shares always sum to 1. */
export const OUTCOMES = [
  'joined',
  'no_application',
  'withdrawn',
  'map_stalled',
  'vetoed',
  'ratification_failed',
  'pending_at_horizon',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcome with the most branches; among equals, the first in OUTCOMES. */
export function mostCommonOutcome(counts: Readonly<Record<Outcome, { readonly count: number }>>): Outcome {
  return OUTCOMES.reduce((best, o) => (counts[o].count > counts[best].count ? o : best), OUTCOMES[0]);
}

/**
 * Endings a branch is given when it reaches the horizon standing where it stood (never applied,
 * stuck before an invitation, an objection or ratification under way): they are dated to the
 * horizon, so no branch has one by an earlier year.
 */
export const SETTLED_AT_HORIZON: ReadonlySet<Outcome> = new Set<Outcome>(['no_application', 'map_stalled', 'pending_at_horizon']);

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  joined: 'Joined (instrument deposited)',
  no_application: 'Never applied',
  withdrawn: 'Applied, then withdrew',
  map_stalled: 'Stalled before invitation',
  vetoed: 'Invitation vetoed',
  ratification_failed: 'Ratification refused for good',
  pending_at_horizon: 'Pending at horizon (objection or ratification under way)',
};

/** Outcomes in words a class reads: the student handouts' and the projector's, so a projected screen and a page agree. */
export const PLAIN_OUTCOMES: Readonly<Record<Outcome, string>> = {
  joined: 'Joined NATO',
  no_application: 'Never applied',
  withdrawn: 'Applied, then gave up',
  map_stalled: 'Stuck before an invitation',
  vetoed: 'Invitation blocked by a veto',
  ratification_failed: 'A parliament said no for good',
  pending_at_horizon: 'Still undecided at the end',
};

/** Stages a branch passes through; the funnel counts branches reaching each. */
export const STAGES = ['interested', 'applied', 'invited', 'ratified', 'joined'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  interested: 'Leadership interested',
  applied: 'Applied',
  invited: 'Invited (unanimous)',
  ratified: 'Ratified by every member',
  joined: 'Joined',
};

/** The preparation track taken after applying. */
export const TRACKS = ['map', 'dialogue', 'special'] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABELS: Readonly<Record<Track, string>> = {
  map: 'Membership Action Plan',
  dialogue: 'Standard path without a MAP (Council decision, dialogue or fast track)',
  special: 'Special status demanded',
};
