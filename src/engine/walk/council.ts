import { ExitCode, FixedReason, TrackCode } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { clamp01 } from '../numbers.js';
import { sampleParams } from '../params.js';
import { belowBit, bitsBelow, drawBits, Purpose } from '../rng.js';
import { drawAllyTerms } from './ally-terms.js';
import { copulaBits, copulaUnit, setCopula, sharedDraw } from './copula.js';
import { allyRuleShifts, takeEventShifts } from './effects.js';
import { alikeActor, finish } from './finish.js';
import { takeAllMet } from './levels.js';
import { invite } from './ratification.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * The North Atlantic Council: the invitation by unanimity of the members of the year, and
 * hold-outs that may lift before a vote is held again.
 */

/**
 * Hold-outs are negotiations: an objection lifts by a concession, with a monthly hazard from
 * the Ally's yearly chance (lift months are set at the vote it refused, see liftMonthOf), or
 * when its cause has gone: at the first Council meeting of a later year (`asked`, Infinity when
 * none is due) each holding Ally is asked again, with the disposition it voted with, under the
 * year's conditions (a criterion now met, an event's or a rule's shift; see agreesNow). A rule
 * that makes an Ally refuse binds while it holds: no concession lifts that objection before the
 * rule ends. Each year, the objections whose month has come (by the procedure's last month of
 * the year) lift; a vote is held again after the last one. Returns true while any objection
 * stands.
 */
export function liftHoldouts(m: CompiledModel, s: BranchState, asked: number, trace: Tracer | null): boolean {
  if (!s.anyHolding) return false;
  const until = s.actsUntil;
  const askAgain = asked <= until;
  if (askAgain) prepareConsent(m, s);
  else {
    if (m.rules.length > 0) allyRuleShifts(m, s);
    // An event's block on an Ally that came this year binds from then, vote or no vote.
    takeEventShifts(m, s);
  }
  let holding = false;
  const lifted = trace === null ? null : ([] as { month: number; ally: number; met: boolean; reason: number; criterionMet: boolean }[]);
  const still = trace === null ? null : ([] as number[]);
  for (let i = 0; i < m.allyCount; i++) {
    if (s.holding[i] === 0) continue;
    const blockedBy = s.ruleBlockAlly[i]!;
    // A concession due while a rule blocked the Ally comes in the year the rule ends; an
    // event's block is for good, so no concession ever comes.
    let month = blockedBy >= 0 || blockedForGood(s, i) ? Infinity : Math.max(s.liftMonth[i]!, s.year * 12);
    let met = false;
    if (askAgain && asked < month) {
      if (agreesNow(m, s, i)) {
        month = asked;
        met = true;
      } else {
        // Still refusing: its objection is as strong, and for the reason, it is now.
        s.holdingStrength[i] = blockedBy >= 0 ? -Infinity : Math.max(s.allyP[i]!, 0);
        s.holdingReason[i] = blockedBy >= 0 ? m.reasonOfRule + blockedBy : refusalReason(m, s, i, s.track === TrackCode.special);
        // Refusing at the meeting, whatever concession comes later in the year.
        still?.push(i);
      }
    }
    if (month <= until) {
      s.holding[i] = 0;
      s.consented[i] = 1;
      if (month > s.voteFrom) s.voteFrom = month;
      if (lifted !== null) {
        const reason = s.holdingReason[i]!;
        const criterion = reason - m.reasonOfPrecondition;
        lifted.push({ month, ally: i, met, reason, criterionMet: criterion >= 0 && reason < m.reasonOfRule && s.met[criterion] === 1 });
      }
    } else holding = true;
  }
  // A story tells the hold-outs asked again that still refuse, then the lifts in the order of their months.
  if (trace !== null && still!.length > 0) trace.push({ kind: 'still_holding', year: s.year, month: asked, allies: still! });
  if (trace !== null) {
    for (const l of lifted!.sort((a, b) => a.month - b.month)) {
      trace.push(
        l.met
          ? { kind: 'objection_met', year: s.year, month: l.month, ally: l.ally, reason: l.reason, criterionMet: l.criterionMet }
          : { kind: 'holdout_lifted', year: s.year, month: l.month, ally: l.ally },
      );
    }
  }
  s.anyHolding = holding;
  return holding;
}

/** Whether an event's block makes Ally i refuse for good (its consent shifted to −∞): talks cannot settle that. */
function blockedForGood(s: BranchState, i: number): boolean {
  return s.consentShift[i] === -Infinity;
}

/**
 * The terms of a vote as they stand this year: the rules' and events' shifts of consent, the
 * preconditions met (centred) and the copula of the Allies' dispositions.
 */
function prepareConsent(m: CompiledModel, s: BranchState): void {
  if (m.rules.length > 0) allyRuleShifts(m, s);
  takeEventShifts(m, s);
  takeAllMet(m, s);
  for (let j = 0; j < m.preconditionCount; j++) s.metCentered[j] = s.met[j]! - 0.5;
  setCopula(m, s, clamp01(s.values[m.cohesion]!), Purpose.allianceA, Purpose.allianceB);
}

/** Ally i's chance of consent under the terms prepareConsent (or a vote) set: consent + Σ weight·(met − ½) − threat − special-status penalty + event and rule shifts. */
function consentChance(m: CompiledModel, s: BranchState, i: number, penalty: number): number {
  const k = m.preconditionCount;
  const weight = s.allyWeight;
  const metCentered = s.metCentered;
  let p = s.allyBase[i]! + s.consentShift[i]! + s.ruleConsent[i]! - penalty;
  for (let j = 0, row = i * k; j < k; j++) p += weight[row + j]! * metCentered[j]!;
  return p;
}

/**
 * Whether holding Ally i, asked again with the same draw as at its vote (its disposition is
 * drawn once per branch), agrees under the terms prepareConsent set; its chance is left in
 * allyP. A rule's block still binds.
 */
function agreesNow(m: CompiledModel, s: BranchState, i: number): boolean {
  const p = (s.allyP[i] = consentChance(m, s, i, s.track === TrackCode.special ? s.values[m.specialPenalty]! : 0));
  return answer(m, s, i, p, clamp01(s.values[m.cohesion]!)) === 1;
}

/**
 * Ally i's answer (1 yes, 0 no) at chance p: its disposition's draw, fixed per branch, below
 * p. p ≥ 1 agrees and p ≤ 0 refuses whatever the draw; an Ally a rule blocks refuses. No
 * branch on the draw (a random branch is mispredicted about half the time); the copula's draw
 * costs enough to be skipped when the answer is certain.
 */
function answer(m: CompiledModel, s: BranchState, i: number, p: number, cohesion: number): number {
  const blocked = s.ruleBlockAlly[i]!;
  let bits = 0;
  if (cohesion <= 0) bits = drawBits(s.key0, m.allyActor[i]!, Purpose.consent);
  else if (p > 0 && p < 1 && blocked < 0) bits = copulaBits(m, s, i, Purpose.consent);
  return belowBit(bits, bitsBelow(p)) & (blocked >>> 31);
}

/**
 * The month Ally i's hold-out, under negotiation from month `fromMonth`, lifts: the first month
 * a concession comes, each month with the hazard that makes the Ally's yearly chance `p`
 * (never when p ≤ 0). Objections of several Allies lean together through cohesion: a Gaussian
 * copula of the vote's alliance draw (`shared`, already scaled) and the Ally's own.
 */
function liftMonthOf(m: CompiledModel, s: BranchState, i: number, fromMonth: number, shared: number, ownWeight: number): number {
  const p = s.values[m.allyLift[i]!]!;
  if (!(p > 0)) return Infinity;
  if (p >= 1) return fromMonth + 1;
  const u = copulaUnit(m, talksKey(m, s), i, Purpose.holdoutLift, shared, ownWeight);
  // P(still holding after n months) = (1 − p)^(n / 12).
  const months = Math.ceil((12 * Math.log1p(-u)) / Math.log1p(-p));
  return fromMonth + Math.max(1, months);
}

/**
 * The key of the talks on the application under way: its year's. The talks run from the
 * application, so when they settle must not hang on the year of the meeting that first hears
 * the objection: a meeting moved earlier or later (another Ally's talks, a criterion met a year
 * sooner) would otherwise redraw every other Ally's talks, and a faster concession by one Ally
 * could delay the invitation.
 */
function talksKey(m: CompiledModel, s: BranchState): number {
  return s.yearKeys[Math.floor(s.appliedMonth / 12) - m.startYear]!;
}

/**
 * The Ally whose standing objection is the strongest (lowest chance of consent when last asked;
 * a rule's block first; among equals, one a rule or an event singles out, then the lowest
 * chance, as a vote names its veto), or -1.
 */
export function strongestHolding(m: CompiledModel, s: BranchState): number {
  let best = -1;
  for (let i = 0; i < m.allyCount; i++) {
    if (s.holding[i] === 0) continue;
    const strength = s.holdingStrength[i]!;
    if (best < 0 || strength < s.holdingStrength[best]!) best = i;
    else if (strength === s.holdingStrength[best]!) {
      const singled = s.holdingReason[i]! >= m.reasonOfRule;
      const bestSingled = s.holdingReason[best]! >= m.reasonOfRule;
      if ((singled && !bestSingled) || (singled === bestSingled && s.allyP[i]! < s.allyP[best]!)) best = i;
    }
  }
  return best;
}

/** The actor to name for the strongest hold-out `best`: the actor of Allies alike when others hold out as strongly and no rule or event singles it out. */
export function holdoutActor(m: CompiledModel, s: BranchState, best: number): number {
  if (s.holdingReason[best]! >= m.reasonOfRule) return best;
  for (let i = 0; i < m.allyCount; i++) if (i !== best && s.holding[i] === 1 && s.holdingStrength[i] === s.holdingStrength[best]) return alikeActor(m);
  return best;
}

/**
 * The North Atlantic Council decides, at the meeting of month s.month, by unanimity of the
 * members of that month (co-candidates aside). Each
 * Ally's disposition is drawn once per branch, so a later re-vote (after hold-outs
 * lift) asks only members that have not yet agreed.
 */
export function vote(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  const special = s.track === TrackCode.special;
  if (!s.voteParamsDrawn) {
    sampleParams(m.params, s.key, s.values, m.voteParams);
    s.voteParamsDrawn = true;
  }
  const members = s.membersNow();
  const coCandidate = m.allyCoCandidate;
  // Allies that voted before in this branch; `consented` of the others is left from earlier branches.
  const votedBefore = s.allyVoteDrawn;
  if (votedBefore < members) drawAllyTerms(m, s, members);
  prepareConsent(m, s);
  const cohesion = clamp01(s.values[m.cohesion]!);
  const penalty = special ? s.values[m.specialPenalty]! : 0;
  const asked = trace === null ? null : alliesToAsk(m, s, members, votedBefore);
  // Locals: the loop stores into typed arrays, after which V8 would reload every field.
  const consented = s.consented;
  const ruleBlockAlly = s.ruleBlockAlly;
  const allyP = s.allyP;
  const objectorAlly = s.objectorAlly;
  // First every Ally not yet agreed decides, with no branch on its draw (a random branch is
  // mispredicted about half the time); those who refuse are listed, in order, as objectors.
  let objectors = 0;
  for (let i = 0; i < members; i++) {
    if (i < votedBefore && consented[i] === 1) continue;
    // A co-candidate never votes on the candidate.
    if (coCandidate[i] === 1) {
      consented[i] = 1;
      continue;
    }
    const p = (allyP[i] = consentChance(m, s, i, penalty));
    const agrees = answer(m, s, i, p, cohesion);
    consented[i] = agrees;
    objectorAlly[objectors] = i;
    objectors += 1 - agrees;
  }
  // Then each objection: its reason, and whether it is a veto or a hold-out.
  let firstVeto = -1;
  let vetoP = Infinity;
  let vetoReason = 0;
  // Vetoes as strong as the strongest, and whether a rule or an event singles one of them out.
  let vetoTies = 0;
  let vetoSingled = false;
  let firstHoldout = -1;
  // The climate of the talks on the hold-outs, shared by them (drawn only if one holds out).
  let liftShared = NaN;
  const liftOwnWeight = Math.sqrt(1 - cohesion);
  // Objections still standing at this meeting, listed in place of the refusals.
  let standing = 0;
  const settled = trace === null ? null : ([] as { month: number; ally: number }[]);
  for (let q = 0; q < objectors; q++) {
    const i = objectorAlly[q]!;
    const blockRule = ruleBlockAlly[i]!;
    const holdout = m.allyHoldout[i] === 1;
    if (holdout) {
      if (liftShared !== liftShared) liftShared = sharedDraw(m, talksKey(m, s), cohesion, Purpose.liftA, Purpose.liftB);
      // An objection is negotiated from the moment the candidate applies, not from the meeting
      // (Turkey's of 2022-05 was settled at the Madrid summit of 06-28), or from the day a later
      // member joined: one whose talks ended before this meeting is no objection at it. A rule
      // in force at the meeting, or an event's block (for good), still binds.
      const lift = liftMonthOf(m, s, i, Math.max(s.appliedMonth, m.allyJoinedMonth[i]!), liftShared, liftOwnWeight);
      if (lift <= s.month && blockRule < 0 && !blockedForGood(s, i)) {
        consented[i] = 1;
        settled?.push({ month: lift, ally: i });
        continue;
      }
      // A concession that came while a rule blocked the Ally stands: it lifts the objection in
      // the year the rule ends, as one that comes later does (liftHoldouts).
      s.liftMonth[i] = lift;
    }
    const reason = blockRule >= 0 ? m.reasonOfRule + blockRule : refusalReason(m, s, i, special);
    objectorAlly[standing] = i;
    s.objectorReason[standing] = reason;
    s.objectorHoldout[standing] = holdout ? 1 : 0;
    standing++;
    // An Ally a rule makes refuse has the strongest objection of all.
    // Chances at or below 0 are all certain refusals: none is stronger than another.
    const strength = blockRule >= 0 ? -Infinity : Math.max(allyP[i]!, 0);
    if (holdout) {
      s.holding[i] = 1;
      s.anyHolding = s.holdingTouched = true;
      s.holdingReason[i] = reason;
      s.holdingStrength[i] = strength;
      if (firstHoldout < 0) firstHoldout = i;
    } else {
      // The blocker named is the Ally with the strongest objection, not the first in order;
      // among objections as strong, one a rule or an event singles out, then the lowest chance.
      const singled = reason >= m.reasonOfRule;
      if (firstVeto < 0 || strength < vetoP) {
        firstVeto = i;
        vetoP = strength;
        vetoReason = reason;
        vetoTies = 1;
        vetoSingled = singled;
      } else if (strength === vetoP) {
        vetoTies++;
        if ((singled && !vetoSingled) || (singled === vetoSingled && allyP[i]! < allyP[firstVeto]!)) {
          firstVeto = i;
          vetoReason = reason;
          vetoSingled = singled;
        }
      }
    }
  }
  s.objectorCount = standing;
  if (asked !== null && trace !== null) traceVote(s, asked, trace, settled!);
  if (firstVeto >= 0) {
    // Several vetoes alike, none singled out by a rule or an event: naming one would be arbitrary.
    finish(s, ExitCode.vetoed, vetoTies > 1 && !vetoSingled ? alikeActor(m) : firstVeto, vetoReason, s.month, trace);
    return;
  }
  if (firstHoldout >= 0) return;
  invite(m, s, trace === null ? 0 : voterCount(m, members), trace);
}

/** The members of a vote, co-candidates aside (for a story only). */
function voterCount(m: CompiledModel, members: number): number {
  let n = 0;
  for (let i = 0; i < members; i++) n += 1 - m.allyCoCandidate[i]!;
  return n;
}

/** The members this vote asks: those that have not agreed in an earlier vote (for a story only). */
function alliesToAsk(m: CompiledModel, s: BranchState, members: number, votedBefore: number): number[] {
  const asked: number[] = [];
  for (let i = 0; i < members; i++) if (m.allyCoCandidate[i] === 0 && (i >= votedBefore || s.consented[i] === 0)) asked.push(i);
  return asked;
}

/** Each asked Ally's answer, in order, with its objection's reason; then the objections settled by talks before the meeting, in the order of their months. */
function traceVote(s: BranchState, asked: readonly number[], trace: Tracer, settled: { month: number; ally: number }[]): void {
  let q = 0;
  for (const i of asked) {
    const consent = s.consented[i] === 1;
    const reason = consent ? -1 : s.objectorReason[q++]!;
    // An Ally a rule blocks refuses whatever its chance would be: its chance is none.
    const p = s.ruleBlockAlly[i]! >= 0 ? 0 : clamp01(s.allyP[i]!);
    trace.push({ kind: 'vote', year: s.year, month: s.month, ally: i, p, consent, reason });
  }
  for (const o of settled.sort((a, b) => a.month - b.month)) trace.push({ kind: 'objection_settled', year: s.year, month: o.month, ally: o.ally });
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

