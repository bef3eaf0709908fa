import type { Scenario } from '../model/scenario.js';
import type { EffectCodeValue } from './codes.js';
import type { Predicate } from './condition.js';
import type { FrozenParams } from './params.js';

/**
 * What compile produces: a scenario as flat arrays and parameter slots, read by the year walk
 * (walk/) and by the accelerators (accelerators/), which compile also plans.
 */

export interface CompiledEffect {
  readonly code: EffectCodeValue;
  /** Parameter slot of the effect's size (delta or months); -1 for block. */
  readonly value: number;
  /** Allies touched (consent) or the blocking Ally (block, -1 for none). */
  readonly allies: Int32Array;
  /** Precondition or event index (precondition, hazard). */
  readonly target: number;
}

/**
 * Rules by situation (see condition.ts settledIndex), in rule order: rules[start[i] .. start[i + 1])
 * may act in situation i, with 1 in `check` where the branch decides (the rest hold whatever it is).
 */
export interface RulesBySituation {
  readonly rules: Int32Array;
  readonly check: Uint8Array;
  readonly start: Int32Array;
}

/** Events open in year offset y: events[start[y] .. start[y + 1]), in file order. */
export interface EventsByYear {
  readonly events: Int32Array;
  readonly start: Int32Array;
}

export interface CompiledRule {
  readonly index: number;
  readonly id: string;
  readonly when: Predicate;
  readonly effects: readonly CompiledEffect[];
  /** Random parameters of its effects, drawn when the rule first acts in a branch. */
  readonly paramSlots: Int32Array;
}

export interface CompiledEvent {
  readonly index: number;
  readonly id: string;
  readonly hazard: number;
  readonly from: number;
  readonly to: number;
  readonly once: boolean;
  readonly when: Predicate | null;
  /** Effects that act when it happens, and those that only matter in a vote (consent, an Ally's block). */
  readonly effects: readonly CompiledEffect[];
  readonly voteEffects: readonly CompiledEffect[];
  /** Random parameters of its effects, drawn when the event first happens in a branch. */
  readonly paramSlots: Int32Array;
}

/**
 * What the walk of many branches at once needs while the candidate has not applied (see
 * accelerators/idle-walk.ts): year by year, the events that may happen and the rules that hold, and the
 * parameters each branch reads before it applies.
 *
 * Only a scenario whose noticed conditions (see accelerators/quiet.ts) are, while the candidate is idle,
 * settled by the year or left asking whether one event has happened gets a plan: then nothing
 * before the application depends on a level, and the only effects that matter are those on
 * interest and on events' hazards.
 */
export interface IdlePlan {
  /** Events that may happen in year offset y: events[eventStart[y] .. eventStart[y + 1]), in file order. */
  readonly events: Int32Array;
  readonly eventStart: Int32Array;
  /** Rules that may hold in year offset y, in rule order. */
  readonly rules: Int32Array;
  readonly ruleStart: Int32Array;
  /**
   * Beside each of those events and rules, the event its condition still asks about (-1 when
   * the year settles it), and whether it holds when that event has not happened.
   */
  readonly eventAsks: Int32Array;
  readonly eventAskNegated: Uint8Array;
  readonly ruleAsks: Int32Array;
  readonly ruleAskNegated: Uint8Array;
  /** Whether any of those rules shifts an event's hazard (then the shifts are recomputed each year). */
  readonly rulesShiftHazard: boolean;
  /**
   * The random parameters a branch reads before it applies, each with a lane of its own:
   * laneOf[slot] is the lane, or -1 for a fixed parameter (read from fixedValues).
   */
  readonly laneSlots: Int32Array;
  readonly laneOf: Int32Array;
}

/**
 * Which accelerators a model uses. Each gives the same numbers as the plain walk, only sooner
 * (tests/engine/accelerators.test.ts): `quiet`, a first walk that skips what nobody notices
 * before the application; `blockWalk`, idle branches walked in blocks; `lazyLevels`, levels
 * brought up to date only when read.
 */
export interface Accelerators {
  readonly quiet: boolean;
  readonly blockWalk: boolean;
  readonly lazyLevels: boolean;
}

/** A scenario as flat arrays and slots: what the hot loop reads. */
export interface CompiledModel {
  readonly scenario: Scenario;
  readonly params: FrozenParams;
  readonly startYear: number;
  readonly horizon: number;
  readonly years: number;
  readonly mapYear: number;
  /** The procedure of each year, by year offset: an index into PROCEDURES (model/procedures.ts). */
  readonly procedureByYear: Uint8Array;
  /** Month index (year · 12 + month − 1) of the decision point's date: January of its year when it has none. */
  readonly startMonth: number;
  /** Month index of January of the first year: month offsets count from it. */
  readonly firstMonth: number;
  /** By month offset, the month index of the first Council meeting at or after it (model/council-calendar.ts). */
  readonly nextMeeting: Int32Array;
  /**
   * Draw places (32-bit name hashes) of the candidate and of the alliance-wide disposition, at
   * the indexes of Actor (codes.ts). Hashes live in typed arrays: as plain fields, one model's would be
   * small integers and another's not, and V8 would slow the shared engine code for both.
   */
  readonly actors: Uint32Array;

  readonly interest: number;
  readonly opposition: number;
  readonly standardPath: number;
  readonly withdrawal: number;
  readonly standardMinYears: number;
  readonly standardReadiness: number;
  readonly specialMinYears: number;
  readonly specialReadiness: number;
  readonly specialPenalty: number;
  readonly protocolMonths: number;
  readonly cohesion: number;

  readonly preconditionCount: number;
  readonly preconditionIds: readonly string[];
  readonly preconditionActor: Uint32Array;
  readonly level: Int32Array;
  readonly drift: Int32Array;
  readonly volatility: Int32Array;
  readonly threshold: Int32Array;
  /** The random ones among the preconditions' levels, drifts, volatilities and thresholds. */
  readonly preconditionParams: Int32Array;
  /** 1 where a level neither drifts nor wavers (both fixed at 0): only rules and events move it. */
  readonly driftless: Uint8Array;

  /** The month the first Ally that votes on the candidate became a member: no Council decides before it (Infinity: none in the window). */
  readonly councilFrom: number;
  readonly allyCount: number;
  readonly allyCodes: readonly string[];
  readonly allyActor: Uint32Array;
  /** Fractional year of accession: an Ally votes in year Y if it joined by mid-Y. */
  readonly allyJoined: Float64Array;
  /** The month (index) each Ally became a Party: an objection of a later member is negotiated from then. */
  readonly allyJoinedMonth: Float64Array;
  /** Allies are ordered by accession date, so the members of a year are a prefix: its length, by year offset. */
  readonly membersByYear: Int32Array;
  /** The same prefix's length by month offset: the Allies that are Parties in that month, who vote and ratify then. */
  readonly membersByMonth: Int32Array;
  /** 1 for an Ally that is the candidate's co-candidate: it never votes on nor ratifies the candidate's accession. */
  readonly allyCoCandidate: Uint8Array;
  readonly allyConsent: Int32Array;
  readonly allyThreat: Int32Array;
  readonly allyHoldout: Uint8Array;
  readonly allyLift: Int32Array;
  readonly allyPass: Int32Array;
  readonly allyMonths: Int32Array;
  /** allyWeight[i * preconditionCount + k]: parameter slot, or -1 when the Ally ignores precondition k. */
  readonly allyWeight: Int32Array;

  /** Whether some Ally's consent or threat, or some weight, is a distribution; else the dense terms below are used as they are. */
  readonly allyBaseRandom: boolean;
  readonly allyWeightsRandom: boolean;
  /**
   * Random numbers of a vote: the alliance's (drawn at a branch's first vote), and each Ally's,
   * in Ally order: Ally i's are allyVoteParams[allyVoteParamsEnd[i] .. allyVoteParamsEnd[i + 1]).
   */
  readonly voteParams: Int32Array;
  readonly allyVoteParams: Int32Array;
  readonly allyVoteParamsEnd: Int32Array;
  readonly fixedAllyBase: Float64Array;
  readonly fixedAllyWeight: Float64Array;

  readonly rules: readonly CompiledRule[];
  /**
   * Rules whose effects only matter in a vote (consent shifts, an Ally's block) are checked
   * only when the Council votes; the others every year.
   */
  readonly yearlyRules: Int32Array;
  /** Yearly rules with an effect on an event's hazard: asked at the start of each year, before its events (see applyRuleHazards). */
  readonly hazardRules: Int32Array;
  /** Rules with an effect read at a vote (an Ally's consent or block): their condition is asked at each vote, whatever else they do. */
  readonly voteRules: Int32Array;
  /** The yearly rules that may act in each situation. */
  readonly yearlyRulesBySituation: RulesBySituation;
  /**
   * Whether some yearly rule or event goes unnoticed while the candidate has not applied (see
   * accelerators/quiet.ts). A branch is first walked without them (noticedRulesBySituation,
   * noticedEventsByYear), and again in full only if the candidate applies (see walk/branch.ts).
   */
  readonly quietWhileIdle: boolean;
  /** Levels are brought up to date every year, not only when read (lazyLevels off). */
  readonly eagerLevels: boolean;
  readonly noticedRulesBySituation: RulesBySituation;
  /** How many branches walk together until they apply, if the scenario allows it (see accelerators/idle-plan.ts). */
  readonly idlePlan: IdlePlan | null;
  readonly events: readonly CompiledEvent[];
  /** Draw place of each event, by event index. */
  readonly eventActor: Uint32Array;
  /** Events open in each year, and those of them that are not quiet while the candidate is idle. */
  readonly eventsByYear: EventsByYear;
  readonly noticedEventsByYear: EventsByYear;

  /** Reason codes: fixed reasons, then preconditions, rules, events. */
  readonly reasonCount: number;
  readonly reasonOfPrecondition: number;
  readonly reasonOfRule: number;
  readonly reasonOfEvent: number;
}
