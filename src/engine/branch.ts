import { holds, runProgram, settledIndex } from './condition.js';
import { ExitCode, FixedReason, NO_ACTOR, StageCode, TrackCode } from './codes.js';
import { EffectCode, type CompiledEffect, type CompiledModel } from './model.js';
import { Phase, sampleParams } from './params.js';
import { boxMuller, normalCdf, normalQuantile } from './normal.js';
import { chance, drawBits, Purpose, UNIT, yearKey } from './rng.js';
import type { BranchState } from './state.js';
import { addRuleDelta, levelAtStartOf, levelOf, newMetEpoch, resetLevels, shiftLevel, takeAllMet } from './levels.js';
import type { Tracer } from './trace.js';

/**
 * One branch of history, walked year by year from the decision point to the horizon:
 * interest → application → MAP, dialogue or special track → invitation by unanimity of
 * the members of that date → ratification by each → deposit → member.
 *
 * Every random decision draws from its own place (year, actor, purpose), so two
 * scenarios that differ in one assumption differ only through it. Allocation-free
 * unless a tracer is given.
 */
export function runBranch(m: CompiledModel, s: BranchState, key: number, trace: Tracer | null): void {
  reset(m, s, key);
  for (let year = m.startYear; year <= m.horizon; year++) {
    s.year = year;
    s.yearKey = yearKey(key, year);
    newMetEpoch(s, false);
    fireEvents(m, s, trace);
    applyRules(m, s, trace);
    step(m, s, trace);
    if (s.stage === StageCode.done) return;
  }
  s.year = m.horizon;
  endAtHorizon(m, s, trace);
}

function reset(m: CompiledModel, s: BranchState, key: number): void {
  s.key = key;
  s.key0 = yearKey(key, 0);
  // Fixed values were written when the state was made; only distributions change per branch,
  // and those of votes and ratification only once the branch gets there.
  sampleParams(m.params, key, s.values, m.params.randomByPhase[Phase.start]);
  s.voteParamsDrawn = false;
  s.ratificationParamsDrawn = false;
  s.stage = StageCode.idle;
  s.track = TrackCode.none;
  s.entryTrack = TrackCode.none;
  s.everInterested = false;
  s.blockedByRule = -1;
  s.blockedByEvent = -1;
  s.interestShift = s.withdrawalShift = s.standardPathShift = s.delayShift = 0;
  s.interestWorst = 0;
  s.interestWorstReason = -1;
  s.ruleInterest = s.ruleWithdrawal = s.ruleStandardPath = s.ruleDelay = 0;
  s.ratificationFailAlly = -1;
  s.slowestAlly = -1;
  s.exit = -1;
  s.blockerActor = NO_ACTOR;
  s.blockerReason = FixedReason.propensity;
  s.reachedInterested = s.reachedApplied = s.reachedInvited = s.reachedRatified = false;
  s.objectorCount = 0;
  s.anyHolding = false;
  s.firedForVote = s.firedForVoteApplied = 0;
  resetLevels(m, s);
  // Arrays only events and votes write to are cleared only if this state saw any.
  if (s.eventsTouched) {
    fillU8(s.eventFired, 0);
    fillF64(s.hazardShift, 0);
    fillF64(s.ruleHazard, 0);
    fillF64(s.consentShift, 0);
    fillF64(s.consentShiftWorst, 0);
    fillI32(s.consentShiftWorstEvent, -1);
    s.eventsTouched = false;
  }
  if (s.ownedDrawn) {
    fillU8(s.ruleParamsDrawn, 0);
    fillU8(s.eventParamsDrawn, 0);
    s.ownedDrawn = false;
  }
  if (s.voteTouched) {
    fillU8(s.consented, 0);
    fillU8(s.holding, 0);
    s.voteTouched = false;
  }
}

/** consent − threat per Ally and the dense weight matrix, from this branch's parameter values. */
export function denseAllyTerms(m: CompiledModel, values: Float64Array, base: Float64Array, weight: Float64Array): void {
  const k = m.preconditionCount;
  for (let i = 0; i < m.allyCount; i++) {
    base[i] = values[m.allyConsent[i]!]! - values[m.allyThreat[i]!]!;
    for (let j = 0; j < k; j++) {
      const w = m.allyWeight[i * k + j]!;
      weight[i * k + j] = w >= 0 ? values[w]! : 0;
    }
  }
}

/** Events act from the moment they happen, for good. */
function fireEvents(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  const events = m.events;
  let fired = false;
  // Only the events whose window covers this year, in their file order.
  const y = s.year - m.startYear;
  const list = m.eventsByYear;
  for (let q = m.eventsByYearStart[y]!, end = m.eventsByYearStart[y + 1]!; q < end; q++) {
    const e = list[q]!;
    const ev = events[e]!;
    if (ev.once && s.eventFired[e] === 1) continue;
    if (ev.when !== null && !holds(ev.when, s)) continue;
    const p = s.values[ev.hazard]! + s.hazardShift[e]! + s.ruleHazard[e]!;
    // p ≤ 0 never happens and p ≥ 1 always does, whatever the draw: the draw is skipped, not changed.
    if (p <= 0 || (p < 1 && drawBits(s.yearKey, ev.actor, Purpose.event) * UNIT >= p)) continue;
    s.eventFired[e] = 1;
    s.eventsTouched = true;
    if (s.eventParamsDrawn[e] === 0) drawOwned(m, s, ev.paramSlots, s.eventParamsDrawn, e);
    fired = true;
    if (trace !== null) trace.push({ kind: 'event', year: s.year, event: e, p: clamp01(p) });
    for (let j = 0; j < ev.effects.length; j++) applyEventEffect(m, s, ev.effects[j]!, e);
    // Shifts of consent are only read in a vote: they are added up there, in this order.
    if (ev.voteEffects.length > 0) s.firedForVoteLog[s.firedForVote++] = e;
  }
  // `met` is taken again once the year's events have moved the levels.
  if (fired) newMetEpoch(s, true);
}

/** Adds the consent effects of events that happened since the last vote, in the order they happened. */
function takeEventShifts(m: CompiledModel, s: BranchState): void {
  for (; s.firedForVoteApplied < s.firedForVote; s.firedForVoteApplied++) {
    const e = s.firedForVoteLog[s.firedForVoteApplied]!;
    const effects = m.events[e]!.voteEffects;
    for (let j = 0; j < effects.length; j++) applyEventEffect(m, s, effects[j]!, e);
  }
}

function applyEventEffect(m: CompiledModel, s: BranchState, fx: CompiledEffect, e: number): void {
  const v = fx.value >= 0 ? s.values[fx.value]! : 0;
  switch (fx.code) {
    case EffectCode.consent:
      for (let j = 0; j < fx.allies.length; j++) {
        const i = fx.allies[j]!;
        s.consentShift[i] = s.consentShift[i]! + v;
        if (v < s.consentShiftWorst[i]!) {
          s.consentShiftWorst[i] = v;
          s.consentShiftWorstEvent[i] = e;
        }
      }
      return;
    case EffectCode.interest:
      s.interestShift += v;
      noteInterestDrop(s, v, m.reasonOfEvent + e);
      return;
    case EffectCode.withdrawal:
      s.withdrawalShift += v;
      return;
    case EffectCode.standardPath:
      s.standardPathShift += v;
      return;
    case EffectCode.precondition:
      shiftLevel(m, s, fx.target, v);
      return;
    case EffectCode.hazard:
      if (fx.target >= 0) s.hazardShift[fx.target] = s.hazardShift[fx.target]! + v;
      return;
    case EffectCode.block:
      if (fx.allies.length > 0) {
        const i = fx.allies[0]!;
        s.consentShift[i] = s.consentShiftWorst[i] = -Infinity;
        s.consentShiftWorstEvent[i] = e;
      } else s.blockedByEvent = e;
      return;
    case EffectCode.delay:
      s.delayShift += v;
      return;
  }
}

/**
 * Rules act in every year their condition holds; their shifts are recomputed each year.
 * Shifts of Allies' consent matter only in a vote, so they are summed there, from the
 * rules active this year (see allyRuleShifts).
 */
function applyRules(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (m.yearlyRules.length === 0 && trace === null) return;
  s.ruleInterest = s.ruleWithdrawal = s.ruleStandardPath = s.ruleDelay = 0;
  s.blockedByRule = -1;
  // Clear only what last year's rules wrote.
  if (s.ruleHazardDirty) fillF64(s.ruleHazard, 0);
  s.ruleHazardDirty = false;
  const rules = m.rules;
  if (trace !== null) {
    // A story reports every rule every year; the batch checks vote-only rules at votes.
    for (let r = 0; r < rules.length; r++) {
      const active = holds(rules[r]!.when, s);
      s.ruleActive[r] = active ? 1 : 0;
      trace.push({ kind: 'rule', year: s.year, rule: r, active });
      if (active) applyRuleEffects(m, s, r);
    }
    return;
  }
  const yearly = m.yearlyRules;
  for (let q = 0; q < yearly.length; q++) s.ruleActive[yearly[q]!] = 0;
  // Only the rules the year, stage and track leave open; most of them hold without a check.
  const situation = settledIndex(s.year - m.startYear, s.stage, s.track);
  for (let q = m.yearlyRulesStart[situation]!, end = m.yearlyRulesStart[situation + 1]!; q < end; q++) {
    const r = m.yearlyRulesIn[q]!;
    if (m.yearlyRulesCheck[q] === 1 && !runProgram(rules[r]!.when, s)) continue;
    s.ruleActive[r] = 1;
    applyRuleEffects(m, s, r);
  }
}

/** What an active rule does this year (its shifts of consent are summed at a vote, see allyRuleShifts). */
function applyRuleEffects(m: CompiledModel, s: BranchState, r: number): void {
  const rule = m.rules[r]!;
  if (s.ruleParamsDrawn[r] === 0) drawOwned(m, s, rule.paramSlots, s.ruleParamsDrawn, r);
  for (let j = 0; j < rule.effects.length; j++) {
    const fx = rule.effects[j]!;
    const v = fx.value >= 0 ? s.values[fx.value]! : 0;
    switch (fx.code) {
      case EffectCode.interest:
        s.ruleInterest += v;
        noteInterestDrop(s, v, m.reasonOfRule + r);
        break;
      case EffectCode.withdrawal:
        s.ruleWithdrawal += v;
        break;
      case EffectCode.standardPath:
        s.ruleStandardPath += v;
        break;
      case EffectCode.precondition:
        addRuleDelta(m, s, fx.target, v);
        break;
      case EffectCode.hazard:
        if (fx.target >= 0) s.ruleHazard[fx.target] = s.ruleHazard[fx.target]! + v;
        s.ruleHazardDirty = true;
        break;
      case EffectCode.block:
        if (fx.allies.length === 0 && s.blockedByRule < 0) s.blockedByRule = r;
        break;
      case EffectCode.delay:
        s.ruleDelay += v;
        break;
    }
  }
}

/** A rule's or event's effect sizes, drawn when it first acts in this branch. */
function drawOwned(m: CompiledModel, s: BranchState, slots: Int32Array, drawn: Uint8Array, owner: number): void {
  if (slots.length > 0) sampleParams(m.params, s.key, s.values, slots);
  drawn[owner] = 1;
  s.ownedDrawn = true;
}

/** Sums this year's active rules' consent shifts and Ally blocks, with the worst rule per Ally. */
function allyRuleShifts(m: CompiledModel, s: BranchState): void {
  fillF64(s.ruleConsent, 0);
  fillF64(s.ruleConsentWorst, 0);
  fillI32(s.ruleConsentWorstRule, -1);
  fillI32(s.ruleBlockAlly, -1);
  const rules = m.rules;
  for (let q = 0; q < m.voteOnlyRules.length; q++) {
    const r = m.voteOnlyRules[q]!;
    s.ruleActive[r] = holds(rules[r]!.when, s) ? 1 : 0;
  }
  for (let r = 0; r < rules.length; r++) {
    if (s.ruleActive[r] === 0) continue;
    if (s.ruleParamsDrawn[r] === 0) drawOwned(m, s, rules[r]!.paramSlots, s.ruleParamsDrawn, r);
    const effects = rules[r]!.effects;
    for (let j = 0; j < effects.length; j++) {
      const fx = effects[j]!;
      if (fx.code === EffectCode.block) {
        if (fx.allies.length > 0) s.ruleBlockAlly[fx.allies[0]!] = r;
        continue;
      }
      if (fx.code !== EffectCode.consent) continue;
      const v = s.values[fx.value]!;
      for (let q = 0; q < fx.allies.length; q++) {
        const i = fx.allies[q]!;
        s.ruleConsent[i] = s.ruleConsent[i]! + v;
        if (v < s.ruleConsentWorst[i]!) {
          s.ruleConsentWorst[i] = v;
          s.ruleConsentWorstRule[i] = r;
        }
      }
    }
  }
}

function step(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  let appliedNow = false;
  if (s.stage === StageCode.idle) {
    appliedNow = considerApplying(m, s, trace);
    if (!appliedNow) return;
  }
  // Withdrawal is checked every year after the application year, up to membership.
  if (!appliedNow && withdraws(m, s, trace)) return;
  if (s.stage === StageCode.preparation) prepare(m, s, trace);
  if (s.stage === StageCode.ratification) ratify(m, s, trace);
}

function considerApplying(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  const pInterest = s.values[m.interest]! + s.interestShift + s.ruleInterest;
  const interested = chance(s.yearKey, m.candidateActor, Purpose.interest, pInterest);
  if (trace !== null) trace.push({ kind: 'interest', year: s.year, p: clamp01(pInterest), interested });
  if (!interested) return false;
  s.everInterested = true;
  s.reachedInterested = true;
  const pStop = s.values[m.opposition]!;
  const stopped = chance(s.yearKey, m.candidateActor, Purpose.opposition, pStop);
  if (trace !== null) trace.push({ kind: 'opposition', year: s.year, p: clamp01(pStop), stopped });
  if (stopped) return false;

  sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.application]);
  const pStandard = s.values[m.standardPath]! + s.standardPathShift + s.ruleStandardPath;
  const standard = chance(s.yearKey, m.candidateActor, Purpose.track, pStandard);
  s.track = standard ? (s.year >= m.mapYear ? TrackCode.map : TrackCode.dialogue) : TrackCode.special;
  s.entryTrack = s.track;
  s.stage = StageCode.preparation;
  s.appliedYear = s.year;
  s.reachedApplied = true;
  if (trace !== null) trace.push({ kind: 'applied', year: s.year, track: s.track, pStandard: clamp01(pStandard) });
  return true;
}

/** While the candidate has not applied, remember the rule or event that damped its interest most: that is why it never applied. */
function noteInterestDrop(s: BranchState, v: number, reason: number): void {
  if (s.stage === StageCode.idle && v < s.interestWorst) {
    s.interestWorst = v;
    s.interestWorstReason = reason;
  }
}

function withdraws(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  const p = s.values[m.withdrawal]! + s.withdrawalShift + s.ruleWithdrawal;
  if (!chance(s.yearKey, m.candidateActor, Purpose.withdrawal, p)) return false;
  finish(m, s, ExitCode.withdrawn, NO_ACTOR, FixedReason.withdrawal, trace);
  return true;
}

function prepare(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.track === TrackCode.dialogue && s.year >= m.mapYear) {
    s.track = TrackCode.map;
    if (trace !== null) trace.push({ kind: 'track_changed', year: s.year, track: s.track });
  }
  if (liftHoldouts(m, s, trace)) return;
  if (s.blockedByRule >= 0 || s.blockedByEvent >= 0) {
    if (trace !== null) trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: readiness(m, s), needed: 0 });
    return;
  }
  const special = s.track === TrackCode.special;
  const minYears = s.values[special ? m.specialMinYears : m.standardMinYears]!;
  const needed = s.values[special ? m.specialReadiness : m.standardReadiness]!;
  const ready = readiness(m, s);
  // Years are whole steps: a minimum of under half a year still allows a vote in the
  // application year (Finland applied in May 2022 and was invited in June).
  if (s.year - s.appliedYear + 0.5 < minYears || ready < needed) {
    if (trace !== null) trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: ready, needed });
    return;
  }
  vote(m, s, trace);
}

/** Hold-outs lift one by one, each year with its own chance; returns true while any remains. */
function liftHoldouts(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  if (!s.anyHolding) return false;
  let holding = false;
  for (let i = 0; i < m.allyCount; i++) {
    if (s.holding[i] === 0) continue;
    if (chance(s.yearKey, m.allyActor[i]!, Purpose.holdoutLift, s.values[m.allyLift[i]!]!)) {
      s.holding[i] = 0;
      s.consented[i] = 1;
      if (trace !== null) trace.push({ kind: 'holdout_lifted', year: s.year, ally: i });
    } else holding = true;
  }
  s.anyHolding = holding;
  return holding;
}

/**
 * The North Atlantic Council decides by unanimity of the members of this year. Each
 * Ally's disposition is drawn once per branch, so a later re-vote (after hold-outs
 * lift) asks only members that have not yet agreed.
 */
function vote(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  const special = s.track === TrackCode.special;
  let firstVeto = -1;
  let vetoP = Infinity;
  let vetoReason = 0;
  let firstHoldout = -1;
  let objectors = 0;
  s.voteTouched = true;
  if (m.rules.length > 0) allyRuleShifts(m, s);
  takeEventShifts(m, s);
  if (!s.voteParamsDrawn) {
    sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.vote]);
    if (m.allyTermsRandom) denseAllyTerms(m, s.values, s.allyBase, s.allyWeight);
    s.voteParamsDrawn = true;
  }
  const members = s.members();
  const k = m.preconditionCount;
  takeAllMet(m, s);
  const met = s.met;
  const metCentered = s.metCentered;
  for (let j = 0; j < k; j++) metCentered[j] = met[j]! - 0.5;
  const cohesion = clamp01(s.values[m.cohesion]!);
  const shared = allianceFactor(m, s, cohesion, Purpose.allianceA, Purpose.allianceB);
  const penalty = special ? s.values[m.specialPenalty]! : 0;
  // Locals: the loop stores into typed arrays, after which V8 would reload every field.
  const consented = s.consented;
  const allyBase = s.allyBase;
  const consentShift = s.consentShift;
  const ruleConsent = s.ruleConsent;
  const allyWeight = s.allyWeight;
  const ruleBlockAlly = s.ruleBlockAlly;
  const allyActor = m.allyActor;
  const key0 = s.key0;
  for (let i = 0; i < members; i++) {
    if (consented[i] === 1) continue;
    // consent + Σ weight·(met − ½) − threat − special-status penalty + event and rule shifts.
    let p = allyBase[i]! + consentShift[i]! + ruleConsent[i]! - penalty;
    for (let j = 0, row = i * k; j < k; j++) p += allyWeight[row + j]! * metCentered[j]!;
    const blockRule = ruleBlockAlly[i]!;
    // p ≥ 1 agrees and p ≤ 0 refuses whatever the draw: the draw is skipped, not changed.
    const agrees =
      blockRule < 0 && p > 0 && (p >= 1 || (cohesion > 0 ? copulaBits(m, s, i, Purpose.consent, cohesion, shared) : drawBits(key0, allyActor[i]!, Purpose.consent)) * UNIT < p);
    if (agrees) {
      consented[i] = 1;
      if (trace !== null) trace.push({ kind: 'vote', year: s.year, ally: i, p: clamp01(p), consent: true, reason: -1 });
      continue;
    }
    const reason = blockRule >= 0 ? m.reasonOfRule + blockRule : refusalReason(m, s, i, special);
    if (trace !== null) trace.push({ kind: 'vote', year: s.year, ally: i, p: clamp01(p), consent: false, reason });
    const holdout = m.allyHoldout[i] === 1;
    // An Ally a rule makes refuse has the strongest objection of all.
    const strength = blockRule >= 0 ? -Infinity : p;
    s.objectorAlly[objectors] = i;
    s.objectorReason[objectors] = reason;
    s.objectorHoldout[objectors] = holdout ? 1 : 0;
    objectors++;
    if (holdout) {
      s.holding[i] = 1;
      s.anyHolding = true;
      s.holdingReason[i] = reason;
      if (firstHoldout < 0) firstHoldout = i;
    } else if (firstVeto < 0 || strength < vetoP) {
      // The blocker named is the Ally with the strongest objection, not the first in order.
      firstVeto = i;
      vetoP = strength;
      vetoReason = reason;
    }
  }
  s.objectorCount = objectors;
  if (firstVeto >= 0) {
    finish(m, s, ExitCode.vetoed, firstVeto, vetoReason, trace);
    return;
  }
  if (firstHoldout >= 0) return;
  invite(m, s, members, trace);
}

/**
 * Ally i's 31 random bits for a purpose (consent, ratification), fixed per
 * branch. With cohesion ρ > 0 it is a Gaussian copula, Φ(√ρ·z_alliance + √(1−ρ)·z_i), so
 * Allies lean the same way together.
 */
function copulaBits(m: CompiledModel, s: BranchState, i: number, purpose: number, cohesion: number, shared: number): number {
  const bits = drawBits(s.key0, m.allyActor[i]!, purpose);
  if (cohesion <= 0) return bits;
  const own = normalQuantile(unitOpen(bits * UNIT));
  // Scaled back to 31 bits so the result stays a small integer (see drawBits).
  return Math.floor(normalCdf(Math.sqrt(cohesion) * shared + Math.sqrt(1 - cohesion) * own) * 2147483647.999);
}

/** The alliance-wide normal factor shared by every Ally's draw, fixed per branch. */
function allianceFactor(m: CompiledModel, s: BranchState, cohesion: number, a: number, b: number): number {
  return cohesion > 0 ? boxMuller(drawBits(s.key0, m.allianceActor, a) * UNIT, drawBits(s.key0, m.allianceActor, b) * UNIT) : 0;
}

/** The single largest push towards refusal: the reason an Ally gives for saying no. */
function refusalReason(m: CompiledModel, s: BranchState, i: number, special: boolean): number {
  let worst = 0;
  let reason: number = FixedReason.propensity;
  const threat = s.values[m.allyThreat[i]!]!;
  if (-threat < worst) {
    worst = -threat;
    reason = FixedReason.threat;
  }
  if (special) {
    const penalty = -s.values[m.specialPenalty]!;
    if (penalty < worst) {
      worst = penalty;
      reason = FixedReason.special_status;
    }
  }
  const k = m.preconditionCount;
  for (let j = 0; j < k; j++) {
    if (s.met[j] === 1) continue;
    const c = -0.5 * s.allyWeight[i * k + j]!;
    if (c < worst) {
      worst = c;
      reason = m.reasonOfPrecondition + j;
    }
  }
  if (s.ruleConsentWorst[i]! < worst) {
    worst = s.ruleConsentWorst[i]!;
    reason = m.reasonOfRule + s.ruleConsentWorstRule[i]!;
  }
  if (s.consentShiftWorst[i]! < worst) reason = m.reasonOfEvent + s.consentShiftWorstEvent[i]!;
  return reason;
}

/**
 * Invitation, protocol, then each member's own ratification. Pass or fail and the
 * months it takes are fixed per branch and Ally, so an earlier invitation can only
 * bring membership earlier.
 */
function invite(m: CompiledModel, s: BranchState, voters: number, trace: Tracer | null): void {
  s.stage = StageCode.ratification;
  s.inviteYear = s.year;
  sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.ratification]);
  s.ratificationParamsDrawn = true;
  s.reachedInvited = true;
  if (trace !== null) trace.push({ kind: 'invited', year: s.year, voters });
  const start = s.year + 0.5 + s.values[m.protocolMonths]! / 12;
  let slowest = 0;
  let failAt = Infinity;
  const members = s.members();
  // Parliaments ratify in the same political climate: cohesion correlates their votes too.
  const cohesion = clamp01(s.values[m.cohesion]!);
  const shared = allianceFactor(m, s, cohesion, Purpose.ratifyA, Purpose.ratifyB);
  for (let i = 0; i < members; i++) {
    const months = Math.max(0, s.values[m.allyMonths[i]!]!);
    const pass = s.values[m.allyPass[i]!]!;
    const passed = pass >= 1 || (pass > 0 && copulaBits(m, s, i, Purpose.ratification, cohesion, shared) * UNIT < pass);
    if (trace !== null) trace.push({ kind: 'ratification', year: s.year, ally: i, passed, months });
    if (!passed) {
      if (months < failAt) {
        failAt = months;
        s.ratificationFailAlly = i;
      }
    } else if (months >= slowest) {
      slowest = months;
      s.slowestAlly = i;
    }
  }
  s.reachedRatified = s.ratificationFailAlly < 0;
  s.ratificationFailYear = Math.floor(start + failAt / 12);
  s.joinYear = Math.floor(start + (slowest + Math.max(0, s.delayShift + s.ruleDelay)) / 12);
}

function ratify(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.ratificationFailAlly >= 0) {
    if (s.ratificationFailYear <= s.year) finish(m, s, ExitCode.ratification_failed, s.ratificationFailAlly, FixedReason.ratification_vote, trace);
    return;
  }
  if (s.joinYear <= s.year) finish(m, s, ExitCode.joined, NO_ACTOR, FixedReason.propensity, trace);
}

function endAtHorizon(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.stage === StageCode.idle) {
    const quiet = s.interestWorstReason >= 0 ? s.interestWorstReason : FixedReason.not_interested;
    finish(m, s, ExitCode.no_application, NO_ACTOR, s.everInterested ? FixedReason.domestic_opposition : quiet, trace);
  } else if (s.stage === StageCode.preparation) {
    const holder = firstHolding(m, s);
    if (holder >= 0) finish(m, s, ExitCode.held_out, holder, s.holdingReason[holder]!, trace);
    // The levels as they stand after the horizon year's drift.
    else finish(m, s, ExitCode.map_stalled, NO_ACTOR, stallReason(m, s, true), trace);
  } else {
    const actor = s.ratificationFailAlly >= 0 ? s.ratificationFailAlly : s.slowestAlly;
    finish(m, s, ExitCode.pending_at_horizon, actor, FixedReason.horizon, trace);
  }
}

function firstHolding(m: CompiledModel, s: BranchState): number {
  for (let i = 0; i < m.allyCount; i++) if (s.holding[i] === 1) return i;
  return -1;
}

/**
 * Why no vote is held: a blocking rule or event, else the precondition furthest below its
 * threshold, now or, at the horizon, after the last year's drift.
 */
function stallReason(m: CompiledModel, s: BranchState, atHorizon: boolean): number {
  if (s.blockedByRule >= 0) return m.reasonOfRule + s.blockedByRule;
  if (s.blockedByEvent >= 0) return m.reasonOfEvent + s.blockedByEvent;
  let worstGap = 0;
  let worst = -1;
  for (let k = 0; k < m.preconditionCount; k++) {
    const level = atHorizon ? levelAtStartOf(m, s, k, m.horizon + 1) : levelOf(m, s, k);
    const gap = level - s.values[m.threshold[k]!]!;
    if (gap < worstGap) {
      worstGap = gap;
      worst = k;
    }
  }
  return worst >= 0 ? m.reasonOfPrecondition + worst : FixedReason.min_years;
}

function readiness(m: CompiledModel, s: BranchState): number {
  if (m.preconditionCount === 0) return 1;
  takeAllMet(m, s);
  let met = 0;
  for (let k = 0; k < m.preconditionCount; k++) met += s.met[k]!;
  return met / m.preconditionCount;
}

function finish(m: CompiledModel, s: BranchState, exit: number, actor: number, reason: number, trace: Tracer | null): void {
  s.stage = StageCode.done;
  s.exit = exit;
  s.exitYear = s.year;
  s.blockerActor = actor;
  s.blockerReason = reason;
  if (trace !== null) trace.push({ kind: 'end', year: s.year, exit, actor, reason });
}

/** Loops beat TypedArray#fill and #set on arrays this small: the builtins' call overhead dominates. */
function fillF64(a: Float64Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

function fillI32(a: Int32Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

function fillU8(a: Uint8Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

/** Maps [0, 1) to (0, 1) so the inverse CDF stays finite. */
function unitOpen(u: number): number {
  return u + 1 / 8589934592;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
