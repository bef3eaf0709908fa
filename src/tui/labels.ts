import type { Outcome, Stage } from '../model/outcome.js';

/** Outcome names short enough for an 80-column screen (the full ones are OUTCOME_LABELS). */
export const SHORT_OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  joined: 'Joined',
  no_application: 'Never applied',
  withdrawn: 'Withdrew',
  map_stalled: 'Stalled',
  vetoed: 'Vetoed',
  ratification_failed: 'Not ratified',
  pending_at_horizon: 'Pending',
};

/** Funnel stage names short enough for an 80-column screen (the full ones are STAGE_LABELS). */
export const SHORT_STAGE_LABELS: Readonly<Record<Stage, string>> = {
  interested: 'Interested',
  applied: 'Applied',
  invited: 'Invited',
  ratified: 'Ratified',
  joined: 'Joined',
};
