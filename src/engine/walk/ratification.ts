import { ExitCode, FixedReason, NO_ACTOR, StageCode } from '../codes.js';
import { FINAL_REFUSAL, RETRY_MONTHS } from '../../model/ratification-record.js';
import type { CompiledModel } from '../model.js';
import { clamp01 } from '../numbers.js';
import { Phase, sampleParams } from '../params.js';
import { bitsBelow, drawBits, Purpose } from '../rng.js';
import { copulaBits, setCopula } from './copula.js';
import { finish } from './finish.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/** After the invitation: the protocol, then ratification by each member's parliament, then the deposit. */

/**
 * Invitation, protocol, then each member's own ratification. Every member voted to invite, so
 * its government puts the protocol to its parliament: a vote passes with the Ally's `pass`
 * chance; a failed vote is put again a month later (so it only delays), unless it is a final
 * refusal, which the record makes rare whatever the vote's chance (ratification-record.ts).
 * Pass or fail and the months it takes are fixed per branch and Ally, so an earlier invitation
 * can only bring membership earlier.
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
    let months = Math.max(0, values[allyMonths[i]!]!);
    const pass = values[allyPass[i]!]!;
    let bits = 0;
    if (cohesion <= 0) bits = drawBits(key0, allyActor[i]!, Purpose.ratification);
    else if (pass > 0 && pass < 1) bits = copulaBits(m, s, i, Purpose.ratification);
    // The top of the draw's range is the final refusal; between it and `pass`, a failed first vote.
    const passed = bits < bitsBelow(pass) || bits < bitsBelow(1 - Math.min(FINAL_REFUSAL, 1 - pass));
    const retried = passed && bits >= bitsBelow(pass);
    if (retried) months += RETRY_MONTHS;
    if (trace !== null) trace.push({ kind: 'ratification', year: s.year, ally: i, passed, retried, months });
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

/** Whether the branch ends this year: the first failed vote is known, or the last instrument is deposited. */
export function ratify(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.ratificationFailAlly >= 0) {
    if (s.ratificationFailYear <= s.year) finish(s, ExitCode.ratification_failed, s.ratificationFailAlly, FixedReason.ratification_vote, trace);
    return;
  }
  if (s.joinYear <= s.year) finish(s, ExitCode.joined, NO_ACTOR, FixedReason.propensity, trace);
}

