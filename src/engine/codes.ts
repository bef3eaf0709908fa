import type { EffectKind } from '../model/catalog/effects.js';
import { STAGES, TRACKS } from '../model/outcome.js';
import type { ReasonKind } from '../model/results.js';
import { codesOf, indexOf, type CodeOf } from './tables.js';

/** Integer codes used inside the hot loop, each derived from one table; names live in model/outcome.ts. */

/** Where a branch stands. */
export const StageCode = { idle: 0, preparation: 1, ratification: 2, done: 3 } as const;
export type StageCodeValue = CodeOf<typeof StageCode>;
export const STAGE_COUNT = 4;

/** The preparation track, in the order of TRACKS; none before the application. */
export const TrackCode = { none: -1, ...indexOf(TRACKS) } as const;
export type TrackCodeValue = CodeOf<typeof TrackCode>;
/** Track codes and `none`, for tables indexed by track + 1. */
export const TRACK_SLOTS = TRACKS.length + 1;

/** Stages of the funnel, in the order of STAGES: what a tally counts branches reaching. */
export const FunnelStage = indexOf(STAGES);

/**
 * How a branch ended, one level finer than the outcome: a branch pending at the horizon waits
 * on an objection still under negotiation (held_out) or on ratification. Tallies are kept per
 * exit, in this order.
 */
export const EXITS = [
  { exit: 'joined', outcome: 'joined', role: 'process' },
  { exit: 'no_application', outcome: 'no_application', role: 'candidate' },
  { exit: 'withdrawn', outcome: 'withdrawn', role: 'candidate' },
  { exit: 'map_stalled', outcome: 'map_stalled', role: 'process' },
  { exit: 'vetoed', outcome: 'vetoed', role: 'veto' },
  { exit: 'held_out', outcome: 'pending_at_horizon', role: 'holdout' },
  { exit: 'ratification_failed', outcome: 'ratification_failed', role: 'ratification' },
  { exit: 'pending_at_horizon', outcome: 'pending_at_horizon', role: 'process' },
] as const;
export const ExitCode = codesOf(EXITS, 'exit');
export type ExitCodeValue = CodeOf<typeof ExitCode>;

/** The Allies that objected are tallied for the exits a vote ends: by role, in this order. */
export const OBJECTOR_ROLES = ['veto', 'holdout'] as const;
export const ObjectorRole = indexOf(OBJECTOR_ROLES);
/** 1 for each exit whose objectors are tallied. */
export const EXIT_HAS_OBJECTORS = Uint8Array.from(EXITS, (e) => ((OBJECTOR_ROLES as readonly string[]).includes(e.role) ? 1 : 0));

/**
 * Reasons are integers: this fixed list first, then one per precondition, rule and event
 * of the compiled scenario (see CompiledModel.reasonOf*).
 */
export const FIXED_REASONS = [
  { name: 'propensity', kind: 'propensity', label: 'unwilling, all else equal (low consent propensity)' },
  { name: 'threat', kind: 'threat', label: 'sees a threat in admitting the candidate' },
  { name: 'special_status', kind: 'special_status', label: 'candidate demanded special status instead of the standard path' },
  { name: 'not_interested', kind: 'not_interested', label: 'leadership never sought membership' },
  { name: 'domestic_opposition', kind: 'domestic_opposition', label: 'domestic opposition stopped an application' },
  { name: 'withdrawal', kind: 'withdrawal', label: 'candidate withdrew its application' },
  { name: 'ratification_vote', kind: 'ratification_vote', label: 'final refusal to ratify' },
  { name: 'horizon', kind: 'horizon', label: 'ratification still under way at the horizon' },
  { name: 'never_passes', kind: 'never_passes', label: 'a parliament rejects the protocol at every vote' },
  { name: 'min_years', kind: 'horizon', label: 'preparation years not yet served' },
  { name: 'next_meeting', kind: 'horizon', label: "waiting for the Council's next meeting" },
  { name: 'no_council', kind: 'horizon', label: 'no North Atlantic Council yet to decide: no Ally is a member' },
] as const satisfies readonly { name: string; kind: ReasonKind; label: string }[];
export const FixedReason = codesOf(FIXED_REASONS, 'name');
export type FixedReasonValue = CodeOf<typeof FixedReason>;
export const FIXED_REASON_COUNT = FIXED_REASONS.length;

/** The actor slot of the candidate and of the process itself, after the Allies. */
export const NO_ACTOR = -1;

/** Draw places of the candidate and of the alliance-wide disposition: indexes into CompiledModel.actors. */
export const Actor = { candidate: 0, alliance: 1 } as const;

/**
 * What a rule's or event's effect acts on, one entry per kind, and where it matters:
 * - `atVote`: read only when the Council votes, so added up there: always, never, or when the
 *   effect names an Ally (an Ally's block);
 * - `whileIdle`: whether it can change what a candidate that has not applied does: `read`
 *   always, `unread` never, or only if the level it moves is read, or the event whose hazard
 *   it moves is noticed (see accelerators/quiet.ts). The walk of idle branches in blocks
 *   applies only the kinds it knows (see accelerators/idle-plan.ts); a scenario with another
 *   kind that is read while idle is walked branch by branch.
 */
export const EFFECT_KINDS = [
  { kind: 'consent', atVote: 'always', whileIdle: 'unread' },
  { kind: 'interest', atVote: 'never', whileIdle: 'read' },
  { kind: 'withdrawal', atVote: 'never', whileIdle: 'unread' },
  { kind: 'standardPath', atVote: 'never', whileIdle: 'unread' },
  { kind: 'precondition', atVote: 'never', whileIdle: 'if-level-read' },
  { kind: 'hazard', atVote: 'never', whileIdle: 'if-event-noticed' },
  { kind: 'block', atVote: 'if-ally', whileIdle: 'unread' },
  { kind: 'delay', atVote: 'never', whileIdle: 'unread' },
] as const satisfies readonly { kind: EffectKind; atVote: 'always' | 'never' | 'if-ally'; whileIdle: 'read' | 'unread' | 'if-level-read' | 'if-event-noticed' }[];
export const EffectCode = codesOf(EFFECT_KINDS, 'kind');
export type EffectCodeValue = CodeOf<typeof EffectCode>;
// Every effect kind of the catalog has a code: a kind added there and not here does not compile.
EffectCode satisfies Readonly<Record<EffectKind, number>>;
