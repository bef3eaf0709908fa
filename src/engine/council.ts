import { ExitCode, FixedReason, NO_ACTOR, StageCode, TrackCode } from './codes.js';
import { allyRuleShifts, takeEventShifts } from './effects.js';
import { finish } from './finish.js';
import { takeAllMet } from './levels.js';
import { Actor, type CompiledModel } from './model.js';
import { boxMuller, normalCdf, normalQuantile } from './normal.js';
import { clamp01, unitOpen } from './numbers.js';
import { Phase, sampleParams } from './params.js';
import { chance, drawBits, Purpose, UNIT } from './rng.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * The North Atlantic Council and the parliaments: the vote by unanimity of the members of the
 * year, hold-outs that may lift, the invitation, and ratification by each member.
 */

/** Hold-outs lift one by one, each year with its own chance; returns true while any remains. */
export function liftHoldouts(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
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
export function vote(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
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
  return cohesion > 0 ? boxMuller(drawBits(s.key0, m.actors[Actor.alliance]!, a) * UNIT, drawBits(s.key0, m.actors[Actor.alliance]!, b) * UNIT) : 0;
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
export function invite(m: CompiledModel, s: BranchState, voters: number, trace: Tracer | null): void {
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

export function ratify(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.ratificationFailAlly >= 0) {
    if (s.ratificationFailYear <= s.year) finish(m, s, ExitCode.ratification_failed, s.ratificationFailAlly, FixedReason.ratification_vote, trace);
    return;
  }
  if (s.joinYear <= s.year) finish(m, s, ExitCode.joined, NO_ACTOR, FixedReason.propensity, trace);
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
