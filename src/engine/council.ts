import { ExitCode, FixedReason, NO_ACTOR, StageCode, TrackCode } from './codes.js';
import { allyRuleShifts, takeEventShifts } from './effects.js';
import { finish } from './finish.js';
import { takeAllMet } from './levels.js';
import { Actor, type CompiledModel } from './model.js';
import { boxMuller, normalCdf, normalQuantile } from './normal.js';
import { clamp01, unitOpen } from './numbers.js';
import { Phase, sampleParamRange, sampleParams } from './params.js';
import { belowBit, bitsBelow, chance, drawBits, Purpose, UNIT } from './rng.js';
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
  if (m.rules.length > 0) allyRuleShifts(m, s);
  takeEventShifts(m, s);
  if (!s.voteParamsDrawn) {
    sampleParams(m.params, s.key, s.values, m.voteParams);
    s.voteParamsDrawn = true;
  }
  const members = s.members();
  // Allies that voted before in this branch; `consented` of the others is left from earlier branches.
  const votedBefore = s.allyVoteDrawn;
  if (votedBefore < members) drawAllyTerms(m, s, members);
  const k = m.preconditionCount;
  takeAllMet(m, s);
  const met = s.met;
  const metCentered = s.metCentered;
  for (let j = 0; j < k; j++) metCentered[j] = met[j]! - 0.5;
  const cohesion = clamp01(s.values[m.cohesion]!);
  setCopula(m, s, cohesion, Purpose.allianceA, Purpose.allianceB);
  const penalty = special ? s.values[m.specialPenalty]! : 0;
  const asked = trace === null ? null : alliesToAsk(s, members, votedBefore);
  // Locals: the loop stores into typed arrays, after which V8 would reload every field.
  const consented = s.consented;
  const allyBase = s.allyBase;
  const consentShift = s.consentShift;
  const ruleConsent = s.ruleConsent;
  const allyWeight = s.allyWeight;
  const ruleBlockAlly = s.ruleBlockAlly;
  const allyP = s.allyP;
  const objectorAlly = s.objectorAlly;
  const allyActor = m.allyActor;
  const key0 = s.key0;
  // First every Ally not yet agreed decides, with no branch on its draw (a random branch is
  // mispredicted about half the time); those who refuse are listed, in order, as objectors.
  let objectors = 0;
  for (let i = 0; i < members; i++) {
    if (i < votedBefore && consented[i] === 1) continue;
    // consent + Σ weight·(met − ½) − threat − special-status penalty + event and rule shifts.
    let p = allyBase[i]! + consentShift[i]! + ruleConsent[i]! - penalty;
    for (let j = 0, row = i * k; j < k; j++) p += allyWeight[row + j]! * metCentered[j]!;
    allyP[i] = p;
    // p ≥ 1 agrees and p ≤ 0 refuses whatever the draw; an Ally a rule blocks (index ≥ 0) refuses.
    // The copula's draw costs enough to be skipped when the answer is certain.
    let bits = 0;
    if (cohesion <= 0) bits = drawBits(key0, allyActor[i]!, Purpose.consent);
    else if (p > 0 && p < 1 && ruleBlockAlly[i]! < 0) bits = copulaBits(m, s, i, Purpose.consent);
    const agrees = belowBit(bits, bitsBelow(p)) & (ruleBlockAlly[i]! >>> 31);
    consented[i] = agrees;
    objectorAlly[objectors] = i;
    objectors += 1 - agrees;
  }
  s.objectorCount = objectors;
  // Then each objection: its reason, and whether it is a veto or a hold-out.
  let firstVeto = -1;
  let vetoP = Infinity;
  let vetoReason = 0;
  let firstHoldout = -1;
  for (let q = 0; q < objectors; q++) {
    const i = objectorAlly[q]!;
    const blockRule = ruleBlockAlly[i]!;
    const reason = blockRule >= 0 ? m.reasonOfRule + blockRule : refusalReason(m, s, i, special);
    const holdout = m.allyHoldout[i] === 1;
    s.objectorReason[q] = reason;
    s.objectorHoldout[q] = holdout ? 1 : 0;
    // An Ally a rule makes refuse has the strongest objection of all.
    const strength = blockRule >= 0 ? -Infinity : allyP[i]!;
    if (holdout) {
      s.holding[i] = 1;
      s.anyHolding = s.holdingTouched = true;
      s.holdingReason[i] = reason;
      if (firstHoldout < 0) firstHoldout = i;
    } else if (firstVeto < 0 || strength < vetoP) {
      // The blocker named is the Ally with the strongest objection, not the first in order.
      firstVeto = i;
      vetoP = strength;
      vetoReason = reason;
    }
  }
  if (asked !== null && trace !== null) traceVote(s, asked, trace);
  if (firstVeto >= 0) {
    finish(m, s, ExitCode.vetoed, firstVeto, vetoReason, trace);
    return;
  }
  if (firstHoldout >= 0) return;
  invite(m, s, members, trace);
}

/** The members this vote asks: those that have not agreed in an earlier vote (for a story only). */
function alliesToAsk(s: BranchState, members: number, votedBefore: number): number[] {
  const asked: number[] = [];
  for (let i = 0; i < members; i++) if (i >= votedBefore || s.consented[i] === 0) asked.push(i);
  return asked;
}

/** Each asked Ally's answer, in order, with its objection's reason. */
function traceVote(s: BranchState, asked: readonly number[], trace: Tracer): void {
  let q = 0;
  for (const i of asked) {
    const consent = s.consented[i] === 1;
    const reason = consent ? -1 : s.objectorReason[q++]!;
    trace.push({ kind: 'vote', year: s.year, ally: i, p: clamp01(s.allyP[i]!), consent, reason });
  }
}

/**
 * Ally i's 31 random bits for a purpose (consent, ratification), fixed per
 * branch. With cohesion ρ > 0 it is a Gaussian copula, Φ(√ρ·z_alliance + √(1−ρ)·z_i), so
 * Allies lean the same way together.
 */
function copulaBits(m: CompiledModel, s: BranchState, i: number, purpose: number): number {
  const own = normalQuantile(unitOpen(drawBits(s.key0, m.allyActor[i]!, purpose) * UNIT));
  // Scaled back to 31 bits so the result stays a small integer (see drawBits).
  return Math.floor(normalCdf(s.copulaShared + s.copulaOwnWeight * own) * 2147483647.999);
}

/**
 * Sets the copula of a vote or of ratification: the alliance's part of every Ally's draw,
 * √ρ·z_alliance with z_alliance fixed per branch, and the weight of each Ally's own, √(1−ρ).
 */
function setCopula(m: CompiledModel, s: BranchState, cohesion: number, a: number, b: number): void {
  const z = cohesion > 0 ? boxMuller(drawBits(s.key0, m.actors[Actor.alliance]!, a) * UNIT, drawBits(s.key0, m.actors[Actor.alliance]!, b) * UNIT) : 0;
  s.copulaShared = Math.sqrt(cohesion) * z;
  s.copulaOwnWeight = Math.sqrt(1 - cohesion);
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
  setCopula(m, s, cohesion, Purpose.ratifyA, Purpose.ratifyB);
  const values = s.values;
  const allyMonths = m.allyMonths;
  const allyPass = m.allyPass;
  const allyActor = m.allyActor;
  const key0 = s.key0;
  for (let i = 0; i < members; i++) {
    const months = Math.max(0, values[allyMonths[i]!]!);
    const pass = values[allyPass[i]!]!;
    let bits = 0;
    if (cohesion <= 0) bits = drawBits(key0, allyActor[i]!, Purpose.ratification);
    else if (pass > 0 && pass < 1) bits = copulaBits(m, s, i, Purpose.ratification);
    const passed = bits < bitsBelow(pass);
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

/** consent − threat for Allies [from, to), from this branch's parameter values. */
export function denseAllyBase(m: CompiledModel, values: Float64Array, base: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) base[i] = values[m.allyConsent[i]!]! - values[m.allyThreat[i]!]!;
}

/** The dense weight matrix of Allies [from, to), 0 where an Ally ignores a precondition, from this branch's parameter values. */
export function denseAllyWeights(m: CompiledModel, values: Float64Array, weight: Float64Array, from: number, to: number): void {
  const k = m.preconditionCount;
  for (let c = from * k; c < to * k; c++) {
    const w = m.allyWeight[c]!;
    weight[c] = w >= 0 ? values[w]! : 0;
  }
}

/**
 * Draws the numbers of the Allies that vote for the first time: members are a prefix of the
 * Allies, so those are [allyVoteDrawn, members). An Ally that joins later draws its own when it
 * first votes (each draw is keyed by its path, so the values are the same).
 */
function drawAllyTerms(m: CompiledModel, s: BranchState, members: number): void {
  const from = s.allyVoteDrawn;
  sampleParamRange(m.params, s.key, s.values, m.allyVoteParams, m.allyVoteParamsEnd[from]!, m.allyVoteParamsEnd[members]!);
  // Terms all of whose numbers are fixed were set when the state was made.
  if (m.allyBaseRandom) denseAllyBase(m, s.values, s.allyBase, from, members);
  if (m.allyWeightsRandom) denseAllyWeights(m, s.values, s.allyWeight, from, members);
  s.allyVoteDrawn = members;
}
