import type { CompiledModel } from './model.js';

/**
 * Everything one branch changes, allocated once per simulation and reset per branch:
 * the hot loop writes numbers into these arrays and allocates nothing.
 */
export class BranchState {
  key = 0;
  /** yearKey of this branch for year 0 (per-branch draws) and for the current year. */
  key0 = 0;
  yearKey = 0;
  year = 0;
  stage = 0;
  track = -1;
  appliedYear = 0;
  inviteYear = 0;
  everInterested = false;
  blockedByRule = -1;
  blockedByEvent = -1;

  // Persistent shifts from events.
  interestShift = 0;
  withdrawalShift = 0;
  standardPathShift = 0;
  delayShift = 0;
  /** The largest drop in interest from a rule or event while idle, and its reason code. */
  interestWorst = 0;
  interestWorstReason = -1;
  // Shifts from rules, recomputed every year.
  ruleInterest = 0;
  ruleWithdrawal = 0;
  ruleStandardPath = 0;
  ruleDelay = 0;

  // Ratification, settled at invitation.
  joinYear = 0;
  ratificationFailYear = 0;
  ratificationFailAlly = -1;
  slowestAlly = -1;

  // The end of the branch.
  exit = -1;
  exitYear = 0;
  blockerActor = -1;
  blockerReason = 0;
  reachedInterested = false;
  reachedApplied = false;
  reachedInvited = false;
  reachedRatified = false;
  entryTrack = -1;
  objectorCount = 0;
  /** Whether an event fired or a vote was held since the last reset (what reset must clear). */
  eventsTouched = true;
  /** Whether this branch has drawn its vote-time and ratification-time parameters yet. */
  voteParamsDrawn = false;
  /** Which rule arrays this year's rules wrote, so next year clears only those. */
  ruleHazardDirty = true;
  rulePreconditionDirty = true;
  ratificationParamsDrawn = false;
  voteTouched = true;

  readonly values: Float64Array;
  /** Per branch: consent − threat, and the dense weight matrix (0 where an Ally ignores a precondition). */
  readonly allyBase: Float64Array;
  readonly allyWeight: Float64Array;
  readonly level: Float64Array;
  readonly met: Uint8Array;
  /** met − ½, as numbers, for the consent sum. */
  readonly metCentered: Float64Array;
  readonly preconditionRuleDelta: Float64Array;
  readonly eventFired: Uint8Array;
  readonly hazardShift: Float64Array;
  readonly ruleHazard: Float64Array;
  readonly consentShift: Float64Array;
  /** The event that lowered each Ally's consent most, and by how much. */
  readonly consentShiftWorst: Float64Array;
  readonly consentShiftWorstEvent: Int32Array;
  /** 1 for each rule whose condition holds this year. */
  readonly ruleActive: Uint8Array;
  readonly ruleConsent: Float64Array;
  readonly ruleConsentWorst: Float64Array;
  readonly ruleConsentWorstRule: Int32Array;
  readonly ruleBlockAlly: Int32Array;
  readonly consented: Uint8Array;
  readonly holding: Uint8Array;
  readonly holdingReason: Int32Array;
  readonly objectorAlly: Int32Array;
  readonly objectorReason: Int32Array;
  readonly objectorP: Float64Array;
  readonly objectorHoldout: Uint8Array;

  constructor(readonly model: CompiledModel) {
    const p = model.params.fixedValues.length;
    const k = model.preconditionCount;
    const a = model.allyCount;
    const e = model.events.length;
    this.values = new Float64Array(p);
    this.allyBase = new Float64Array(a);
    this.allyWeight = new Float64Array(a * k);
    this.level = new Float64Array(k);
    this.met = new Uint8Array(k);
    this.metCentered = new Float64Array(k);
    this.preconditionRuleDelta = new Float64Array(k);
    this.eventFired = new Uint8Array(e);
    this.hazardShift = new Float64Array(e);
    this.ruleHazard = new Float64Array(e);
    this.consentShift = new Float64Array(a);
    this.consentShiftWorst = new Float64Array(a);
    this.consentShiftWorstEvent = new Int32Array(a);
    this.ruleActive = new Uint8Array(model.rules.length);
    this.ruleConsent = new Float64Array(a);
    this.ruleConsentWorst = new Float64Array(a);
    this.ruleConsentWorstRule = new Int32Array(a);
    this.ruleBlockAlly = new Int32Array(a);
    this.consented = new Uint8Array(a);
    this.holding = new Uint8Array(a);
    this.holdingReason = new Int32Array(a);
    this.objectorAlly = new Int32Array(a);
    this.objectorReason = new Int32Array(a);
    this.objectorP = new Float64Array(a);
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
}
