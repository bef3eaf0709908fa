import { FixedReason, NO_ACTOR, StageCode, TrackCode, type StageCodeValue, type TrackCodeValue } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { fillF64, fillI32, fillU8 } from '../numbers.js';
import { Phase, sampleParams } from '../params.js';
import { yearKey } from '../rng.js';

/**
 * Who shifted a chance, the delay or a hazard: events act for good, rules only in the years
 * their condition holds (their shifts are recomputed each year). A hazard shift is at
 * [source · events + event].
 */
export const ShiftSource = { events: 0, rules: 1 } as const;
export type ShiftSourceValue = (typeof ShiftSource)[keyof typeof ShiftSource];

/**
 * Everything one branch changes, allocated once per simulation and reset per branch (reset,
 * below): the hot loop writes numbers into these fields and arrays and allocates nothing.
 */
export class BranchState {
  // Where the branch is.
  key = 0;
  /** yearKey of this branch for year 0 (per-branch draws) and for the current year. */
  key0 = 0;
  yearKey = 0;
  year = 0;
  stage: StageCodeValue = StageCode.idle;
  track: TrackCodeValue = TrackCode.none;
  /** The procedure's clock, as month indexes (year · 12 + month − 1): its last act, and the application. */
  month = 0;
  appliedMonth = 0;
  /** The month of the last withdrawal of the application (read when the branch ends idle after applying). */
  withdrewMonth = 0;
  /** The last month the procedure acts in this year: December, or the month the candidate withdraws in (see branch.ts step). */
  actsUntil = 0;
  /** The first month a vote may be held: after the last hold-out lifted. */
  voteFrom = 0;
  everInterested = false;
  blockedByRule = -1;
  blockedByEvent = -1;

  // What rules and events did.
  // Shifts of the candidate's chances and of the delay: by events, for good, and by this year's rules.
  interestShift = 0;
  withdrawalShift = 0;
  standardPathShift = 0;
  delayShift = 0;
  ruleInterest = 0;
  ruleWithdrawal = 0;
  ruleStandardPath = 0;
  ruleDelay = 0;
  /** The largest drop in interest from a rule or event while idle, and its reason code. */
  interestWorst = 0;
  interestWorstReason = -1;

  // Ratification, settled at invitation: when the last parliament ratifies, and the month of the first final refusal.
  /** When the last parliament ratifies (months, unfloored): the deposit follows, after any delay of the year it comes in. */
  lastRatifiedAt = 0;
  /** The largest delay of the deposit an event added (for good) and one of this year's rules added, each with its reason code (-1: none). */
  eventDelayWorst = 0;
  eventDelayReason = -1;
  ruleDelayWorst = 0;
  ruleDelayReason = -1;
  /** The month the last parliament ratifies (Infinity when one refuses for good): every member has ratified once it has passed. */
  ratifiedMonth = 0;
  ratificationFailMonth = 0;
  ratificationFailAlly = -1;
  slowestAlly = -1;
  /** The month of the branch's first invitation (read only once reachedInvited). */
  firstInvitedMonth = 0;

  // The end of the branch: what a tally records.
  exit = -1;
  exitYear = 0;
  exitMonth = 0;
  blockerActor = -1;
  blockerReason = 0;
  reachedInterested = false;
  reachedApplied = false;
  reachedInvited = false;
  reachedRatified = false;
  entryTrack: TrackCodeValue = TrackCode.none;
  objectorCount = 0;

  // Bookkeeping of what to clear and to draw.
  /** Whether some Ally holds out (see holding). */
  anyHolding = false;
  /** Whether an event fired since the last reset (what reset must clear). */
  eventsTouched = true;
  /** Whether this branch has drawn its vote-time and ratification-time parameters yet. */
  voteParamsDrawn = false;
  /** How many Allies, in order, have drawn their vote-time numbers (see ally-terms.ts). */
  allyVoteDrawn = 0;
  /** Whether this year's rules shifted a hazard, so next year clears those shifts. */
  ruleHazardDirty = true;
  /** Whether an Ally held out since the last reset (see holding). */
  holdingTouched = true;
  /** Whether an event shifted or blocked an Ally's consent since the last reset. */
  consentShiftTouched = true;
  /** Whether a rule or event drew its effects' parameters since the last reset. */
  ownedDrawn = true;
  /** Events that moved Allies' consent, in the order they happened, and how many of them a vote has taken in. */
  firedForVote = 0;
  firedForVoteApplied = 0;
  /** While true, the walk skips rules nobody notices before the candidate applies, and stops if it does (see branch.ts). */
  skipQuiet = false;
  /** The copula of the current vote or ratification (see copula.ts). */
  copulaShared = 0;
  copulaOwnWeight = 1;

  // Levels (see levels.ts).
  /** Counts the moments `met` is taken at; never reset, so old marks are stale. */
  metEpoch = 0;
  metAfterEvents = false;
  /** Whether the preconditions' numbers are drawn and their levels set, this branch. */
  levelsStarted = false;
  /** Cells of the two ledgers written since the last reset. */
  deltaCellCount = 0;

  readonly values: Float64Array;
  /** yearKey of each year the walk has reached, by year offset. */
  readonly yearKeys: Int32Array;
  /** Per branch: consent − threat, and the dense weight matrix (0 where an Ally ignores a precondition). */
  readonly allyBase: Float64Array;
  readonly allyWeight: Float64Array;
  readonly level: Float64Array;
  /** Each level as its year opened, kept once the year's events are in `level` (see levels.ts conditionLevelOf). */
  readonly levelAtYearStart: Float64Array;
  readonly met: Uint8Array;
  /** met − ½, as numbers, for the consent sum. */
  readonly metCentered: Float64Array;
  /**
   * Lazily moved levels (see levels.ts): the year each is valid for, whether that year's events
   * are in it, the epoch each `met` was taken at, and the moves waiting by year.
   */
  readonly levelYear: Int32Array;
  readonly levelAfterEvents: Uint8Array;
  readonly metTakenAt: Float64Array;
  readonly ruleDeltaByYear: Float64Array;
  readonly eventDeltaByYear: Float64Array;
  readonly deltaCellTouched: Uint8Array;
  readonly deltaCells: Int32Array;
  readonly eventFired: Uint8Array;
  readonly firedForVoteLog: Int32Array;
  /** Shifts of each event's hazard, by source (see ShiftSource). */
  readonly hazardShift: Float64Array;
  readonly consentShift: Float64Array;
  /** The event that lowered each Ally's consent most, and by how much. */
  readonly consentShiftWorst: Float64Array;
  readonly consentShiftWorstEvent: Int32Array;
  /** 1 once a rule or event has drawn its effects' parameters in this branch. */
  readonly ruleParamsDrawn: Uint8Array;
  readonly eventParamsDrawn: Uint8Array;
  readonly ruleConsent: Float64Array;
  readonly ruleConsentWorst: Float64Array;
  readonly ruleConsentWorstRule: Int32Array;
  readonly ruleBlockAlly: Int32Array;
  /** 1 if Ally i agreed, valid for the Allies that have voted in this branch (see allyVoteDrawn). */
  readonly consented: Uint8Array;
  /** Each Ally's chance of consent in the last vote. */
  readonly allyP: Float64Array;
  readonly holding: Uint8Array;
  readonly holdingReason: Int32Array;
  /** Each holding Ally's chance of consent when last asked (-Infinity for a rule's block): the lowest is the strongest objection. */
  readonly holdingStrength: Float64Array;
  /** The month each holding Ally's objection lifts (a concession), set at the vote it refused. */
  readonly liftMonth: Float64Array;
  readonly objectorAlly: Int32Array;
  readonly objectorReason: Int32Array;
  readonly objectorHoldout: Uint8Array;

  constructor(readonly model: CompiledModel) {
    const p = model.params.fixedValues.length;
    const k = model.preconditionCount;
    const a = model.allyCount;
    const e = model.events.length;
    this.values = new Float64Array(p);
    this.yearKeys = new Int32Array(model.years);
    this.allyBase = new Float64Array(a);
    this.allyWeight = new Float64Array(a * k);
    this.level = new Float64Array(k);
    this.levelAtYearStart = new Float64Array(k);
    this.met = new Uint8Array(k);
    this.metCentered = new Float64Array(k);
    this.levelYear = new Int32Array(k);
    this.metTakenAt = new Float64Array(k).fill(-1);
    this.levelAfterEvents = new Uint8Array(k);
    this.ruleDeltaByYear = new Float64Array(k * model.years);
    this.eventDeltaByYear = new Float64Array(k * model.years);
    this.deltaCellTouched = new Uint8Array(2 * k * model.years);
    this.deltaCells = new Int32Array(2 * k * model.years);
    this.eventFired = new Uint8Array(e);
    this.firedForVoteLog = new Int32Array(e * model.years);
    this.hazardShift = new Float64Array(2 * e);
    this.consentShift = new Float64Array(a);
    this.consentShiftWorst = new Float64Array(a);
    this.consentShiftWorstEvent = new Int32Array(a);
    this.ruleParamsDrawn = new Uint8Array(model.rules.length);
    this.eventParamsDrawn = new Uint8Array(e);
    this.ruleConsent = new Float64Array(a);
    this.ruleConsentWorst = new Float64Array(a);
    this.ruleConsentWorstRule = new Int32Array(a);
    this.ruleBlockAlly = new Int32Array(a);
    this.consented = new Uint8Array(a);
    this.allyP = new Float64Array(a);
    this.holding = new Uint8Array(a);
    this.holdingReason = new Int32Array(a);
    this.holdingStrength = new Float64Array(a);
    this.liftMonth = new Float64Array(a);
    this.objectorAlly = new Int32Array(a);
    this.objectorReason = new Int32Array(a);
    this.objectorHoldout = new Uint8Array(a);
    // Rules reset these each year; with no rules they must still say "no rule".
    this.ruleBlockAlly.fill(-1);
    this.ruleConsentWorstRule.fill(-1);
    this.values.set(model.params.fixedValues);
    this.allyBase.set(model.fixedAllyBase);
    this.allyWeight.set(model.fixedAllyWeight);
  }

  /** Is Ally i a Party to the Treaty in the current year (joined by its middle)? */
  isMember(i: number): boolean {
    return i < this.members();
  }

  /** How many Allies are members this year: they come first, in accession order. */
  members(): number {
    return this.model.membersByYear[this.year - this.model.startYear]!;
  }

  /** How many Allies are members in the month the procedure has reached (the vote's, the protocol's). */
  membersNow(): number {
    return this.model.membersByMonth[this.month - this.model.firstMonth]!;
  }

  /** Starts the branch with this key afresh, clearing only what the branch before it wrote. */
  reset(key: number): void {
    const m = this.model;
    this.key = key;
    this.key0 = yearKey(key, 0);
    // Fixed values were written when the state was made; only distributions change per branch,
    // and those of votes and ratification only once the branch gets there.
    sampleParams(m.params, key, this.values, m.params.randomByPhase[Phase.start]);
    this.voteParamsDrawn = false;
    this.allyVoteDrawn = 0;
    this.stage = StageCode.idle;
    this.month = m.startMonth;
    this.voteFrom = 0;
    this.track = TrackCode.none;
    this.entryTrack = TrackCode.none;
    this.everInterested = false;
    this.blockedByRule = -1;
    this.blockedByEvent = -1;
    this.interestShift = this.withdrawalShift = this.standardPathShift = this.delayShift = 0;
    this.ruleInterest = this.ruleWithdrawal = this.ruleStandardPath = this.ruleDelay = 0;
    this.interestWorst = 0;
    this.interestWorstReason = -1;
    this.eventDelayWorst = this.ruleDelayWorst = 0;
    this.eventDelayReason = this.ruleDelayReason = -1;
    this.ratificationFailAlly = -1;
    this.slowestAlly = -1;
    this.exit = -1;
    this.blockerActor = NO_ACTOR;
    this.blockerReason = FixedReason.propensity;
    this.reachedInterested = this.reachedApplied = this.reachedInvited = this.reachedRatified = false;
    this.objectorCount = 0;
    this.anyHolding = false;
    this.firedForVote = this.firedForVoteApplied = 0;
    this.resetLevels();
    // Arrays only events and votes write to are cleared only if this state saw any.
    // Rules' hazard shifts are read by the first year's events, before the year's rules run.
    const e = m.events.length;
    if (this.ruleHazardDirty) {
      this.clearRuleHazards();
      this.ruleHazardDirty = false;
    }
    if (this.eventsTouched) {
      fillU8(this.eventFired, 0);
      for (let i = 0; i < e; i++) this.hazardShift[i] = 0;
      this.eventsTouched = false;
    }
    if (this.ownedDrawn) {
      fillU8(this.ruleParamsDrawn, 0);
      fillU8(this.eventParamsDrawn, 0);
      this.ownedDrawn = false;
    }
    // `consented` needs no clearing: a vote reads it only for Allies that voted earlier in the branch.
    if (this.holdingTouched) {
      fillU8(this.holding, 0);
      this.holdingTouched = false;
    }
    if (this.consentShiftTouched) {
      fillF64(this.consentShift, 0);
      fillF64(this.consentShiftWorst, 0);
      fillI32(this.consentShiftWorstEvent, -1);
      this.consentShiftTouched = false;
    }
  }

  /** A withdrawn application ends every objection to it and every consent given: a new application is voted on afresh by every member. */
  endVotes(): void {
    if (this.anyHolding) this.holding.fill(0);
    this.anyHolding = false;
    this.consented.fill(0, 0, this.allyVoteDrawn);
  }

  /** Clears the rules' shifts of events' hazards (the second half of hazardShift). */
  clearRuleHazards(): void {
    const e = this.model.events.length;
    for (let i = e; i < 2 * e; i++) this.hazardShift[i] = 0;
  }

  /** The levels wait for their first reader (see levels.ts startLevels). */
  private resetLevels(): void {
    const m = this.model;
    this.levelsStarted = false;
    for (let k = 0; k < m.preconditionCount; k++) this.levelAfterEvents[k] = 0;
    // Clear only the cells this branch wrote: most branches write a handful of the k · years.
    const cells = m.preconditionCount * m.years;
    for (let j = 0; j < this.deltaCellCount; j++) {
      const c = this.deltaCells[j]!;
      this.deltaCellTouched[c] = 0;
      if (c < cells) this.ruleDeltaByYear[c] = 0;
      else this.eventDeltaByYear[c - cells] = 0;
    }
    this.deltaCellCount = 0;
    this.metEpoch++;
  }
}
