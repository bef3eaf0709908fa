import { Actor, ExitCode, FixedReason, NO_ACTOR, StageCode } from '../codes.js';
import { FINAL_REFUSAL, RETRY_MONTHS } from '../../model/ratification-record.js';
import type { CompiledModel } from '../model.js';
import { clamp01 } from '../numbers.js';
import { DistCode, paramAt, Phase, sampleParams } from '../params.js';
import { bitsBelow, drawBits, Purpose, UNIT } from '../rng.js';
import { copulaBits, setCopula } from './copula.js';
import { alikeActor, finish } from './finish.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/** After the invitation: the protocol, then ratification by each member's parliament, then the deposit. */

/**
 * Invitation, protocol, then each member's own ratification. Every member voted to invite, so
 * its government puts the protocol to its parliament: a vote passes with the Ally's `pass`
 * chance; a failed vote is put again a month later, with the same chance (so it only delays),
 * unless it is a final refusal, which the record makes rare whatever the vote's chance
 * (ratification-record.ts).
 * Pass or fail and the months it takes are fixed per branch and Ally, so an earlier invitation
 * can only bring membership earlier.
 */
export function invite(m: CompiledModel, s: BranchState, voters: number, trace: Tracer | null): void {
  s.stage = StageCode.ratification;
  // A candidacy withdrawn after an earlier invitation starts its ratification afresh.
  s.ratificationFailAlly = s.slowestAlly = -1;
  sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.ratification]);
  // A candidacy invited again after a withdrawal keeps its first invitation's month.
  if (!s.reachedInvited) s.firstInvitedMonth = s.month;
  s.reachedInvited = true;
  if (trace !== null) trace.push({ kind: 'invited', year: s.year, month: s.month, voters });
  // Acts are taken at the middle of their month; the protocol is signed, then each member ratifies.
  const start = s.month + 0.5 + s.values[m.protocolMonths]!;
  if (trace !== null) trace.push({ kind: 'protocol', year: Math.floor(Math.floor(start) / 12), month: Math.floor(start) });
  let slowest = 0;
  let slowestTies = 0;
  let failAt = Infinity;
  // The protocol is signed by the members of the invitation's month, co-candidates aside.
  const members = s.membersNow();
  const coCandidate = m.allyCoCandidate;
  // Parliaments ratify in the same political climate: cohesion correlates their votes too.
  const cohesion = clamp01(s.values[m.cohesion]!);
  setCopula(m, s, cohesion, Purpose.ratifyA, Purpose.ratifyB);
  const values = s.values;
  const allyMonths = m.allyMonths;
  const allyPass = m.allyPass;
  const allyActor = m.allyActor;
  const key0 = s.key0;
  drawRoundPace(m, s, members);
  for (let i = 0; i < members; i++) {
    if (coCandidate[i] === 1) continue;
    const firstVote = Math.max(0, values[allyMonths[i]!]!);
    let months = firstVote;
    const pass = values[allyPass[i]!]!;
    let bits = 0;
    if (cohesion <= 0) bits = drawBits(key0, allyActor[i]!, Purpose.ratification);
    // Below 1 the draw matters: a vote may fail, and the final refusal's slice is there even at pass 0.
    else if (pass < 1) bits = copulaBits(m, s, i, Purpose.ratification);
    const failed = bits < bitsBelow(pass) ? 0 : failedVotes(bits, pass);
    const passed = failed >= 0;
    if (failed > 0) months += RETRY_MONTHS * failed;
    if (trace !== null) {
      // A parliament that never passes it is told at its first vote.
      const month = Math.floor(start + (failed === Infinity ? firstVote : months));
      trace.push({ kind: 'ratification', year: Math.floor(month / 12), month, ally: i, passed, failedVotes: Math.max(0, failed), months });
    }
    if (!passed) {
      if (months < failAt) {
        failAt = months;
        s.ratificationFailAlly = i;
      }
    } else if (months > slowest || s.slowestAlly < 0) {
      slowest = months;
      s.slowestAlly = i;
      slowestTies = 1;
    } else if (months === slowest) slowestTies++;
  }
  // Parliaments at one pace with the same range finish together: naming one would be arbitrary.
  if (slowestTies > 1) s.slowestAlly = alikeActor(m);
  // Every member has ratified only once the last parliament has: by the horizon, before a withdrawal (see ratify).
  s.ratifiedMonth = s.ratificationFailAlly < 0 ? Math.floor(start + slowest) : Infinity;
  s.ratificationFailMonth = Math.floor(start + failAt);
  s.lastRatifiedAt = start + slowest;
}

/**
 * The votes a parliament fails before one passes, from its draw `bits` at or above `pass` (a
 * first vote failed), or -1 for a final refusal: the top of the draw's range, as rare as the
 * record says whatever `pass` is. Otherwise the protocol is put again, and each vote passes with
 * the same chance: the failures after the first are geometric, read from where the draw falls
 * between `pass` and the final refusal. A parliament whose votes never pass (pass ≤ 0) keeps
 * the ratification under way for good (Infinity).
 */
function failedVotes(bits: number, pass: number): number {
  const refusal = Math.min(FINAL_REFUSAL, 1 - pass);
  if (bits >= bitsBelow(1 - refusal)) return -1;
  if (!(pass > 0)) return Infinity;
  // Where the draw falls among the failed first votes, uniform in [0, 1).
  const w = Math.min(Math.max((bits * UNIT - pass) / (1 - refusal - pass), 0), 1 - UNIT);
  return 1 + Math.floor(Math.log1p(-w) / Math.log1p(-pass));
}

/**
 * The month of the last deposit, with the delay of events and of this year's rules as they
 * stand; never before this year: a delay that held the deposit back last year and has lapsed
 * lets it come now, not in the past.
 */
function depositMonth(s: BranchState): number {
  return Math.max(Math.floor(s.lastRatifiedAt + Math.max(0, s.delayShift + s.ruleDelay)), s.year * 12);
}

/** What holds the deposit back once every parliament has ratified: the event or rule adding the most delay (-1: none). */
export function delayReason(s: BranchState): number {
  return s.ruleDelayWorst > s.eventDelayWorst ? s.ruleDelayReason : s.eventDelayReason;
}

/**
 * Each member's months to ratify, as one round at one pace. The record (fact sheet §1.4) is a
 * record of rounds: every parliament receives the same protocol on the same day, carried by the
 * same summit's push, and a round lasted 3.9 to 20 months from protocol to membership. A
 * member's `ratification.months` is that range, so every member is taken at the same quantile
 * of its own distribution, the round's pace: the round lasts as long as the slowest
 * distribution says at that pace, within the range of the record. Thirty parliaments each at
 * a pace of its own would wait for the tail of the range in nearly every round, longer than
 * any round on record; an Ally whose parliament is slower than the round (a stated objection
 * carried into ratification) is written with a later range of its own.
 */
function drawRoundPace(m: CompiledModel, s: BranchState, members: number): void {
  const pace = drawBits(s.key0, m.actors[Actor.alliance]!, Purpose.roundPace) * UNIT;
  const params = m.params;
  let last = -1;
  for (let i = 0; i < members; i++) {
    const slot = m.allyMonths[i]!;
    if (m.allyCoCandidate[i] === 1 || params.code[slot] === DistCode.Fixed) continue;
    // Allies on allyDefaults come one after another with one range: at one pace, one value
    // (a Beta's quantile costs microseconds, thirty of them per invitation would show).
    s.values[slot] = last >= 0 && sameRange(params, slot, last) ? s.values[last]! : paramAt(params, slot, pace);
    last = slot;
  }
}

/** Whether parameters i and j have the same distribution. */
function sameRange(p: CompiledModel['params'], i: number, j: number): boolean {
  return p.code[i] === p.code[j] && p.a[i] === p.a[j] && p.b[i] === p.b[j] && p.c[i] === p.c[j] && p.d[i] === p.d[j];
}

/** Whether the branch ends this year (by its last month of acts): the first final refusal comes, or the last instrument is deposited. */
export function ratify(s: BranchState, trace: Tracer | null): void {
  const yearEnd = s.actsUntil;
  if (s.ratifiedMonth <= yearEnd) s.reachedRatified = true;
  if (s.ratificationFailAlly >= 0) {
    if (s.ratificationFailMonth <= yearEnd) finish(s, ExitCode.ratification_failed, s.ratificationFailAlly, FixedReason.ratification_vote, s.ratificationFailMonth, trace);
    return;
  }
  // A delay acts in the years it holds: a rule's while its condition does, an event's for good.
  const deposit = depositMonth(s);
  if (deposit <= yearEnd) finish(s, ExitCode.joined, NO_ACTOR, FixedReason.propensity, deposit, trace);
}

