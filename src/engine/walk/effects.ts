import { EffectCode, StageCode, type EffectCodeValue } from '../codes.js';
import { settledIndex } from '../condition.js';
import type { CompiledEffect, CompiledModel } from '../model.js';
import { clamp01, fillF64, fillI32 } from '../numbers.js';
import { sampleParams } from '../params.js';
import { chance, Purpose } from '../rng.js';
import { assertNever } from '../tables.js';
import { dependsOnBranch, holds } from './holds.js';
import { addRuleDelta, newMetEpoch, shiftLevel } from './levels.js';
import { ShiftSource, type BranchState, type ShiftSourceValue } from './state.js';
import type { Tracer } from './trace.js';

/**
 * What events and rules do to a branch. Events act from the moment they happen, for good;
 * rules act in every year their condition holds. What they share, shifts of the candidate's
 * chances, of the delay and of hazards, is one switch (addShift); their shifts of Allies' consent only matter in a vote, so they are added up
 * there (takeEventShifts, allyRuleShifts).
 */

/** Events act from the moment they happen, for good. */
export function fireEvents(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  const events = m.events;
  const e = events.length;
  let fired = false;
  // Only the events whose window covers this year, in their file order.
  const y = s.year - m.startYear;
  const open = s.skipQuiet ? m.noticedEventsByYear : m.eventsByYear;
  for (let q = open.start[y]!, end = open.start[y + 1]!; q < end; q++) {
    const i = open.events[q]!;
    const ev = events[i]!;
    if (ev.once && s.eventFired[i] === 1) continue;
    if (ev.when !== null && !holds(ev.when, s)) continue;
    const p = s.values[ev.hazard]! + s.hazardShift[i]! + s.hazardShift[e + i]!;
    if (!chance(s.yearKey, m.eventActor[i]!, Purpose.event, p)) continue;
    s.eventFired[i] = 1;
    s.eventsTouched = true;
    if (s.eventParamsDrawn[i] === 0) drawOwned(m, s, ev.paramSlots, s.eventParamsDrawn, i);
    fired = true;
    if (trace !== null) trace.push({ kind: 'event', year: s.year, event: i, p: clamp01(p) });
    for (let j = 0; j < ev.effects.length; j++) applyEventEffect(m, s, ev.effects[j]!, i);
    // Shifts of consent are only read in a vote: they are added up there, in this order.
    if (ev.voteEffects.length > 0) s.firedForVoteLog[s.firedForVote++] = i;
  }
  // `met` is taken again once the year's events have moved the levels.
  if (fired) newMetEpoch(s, true);
}

/** Adds the consent effects of events that happened since the last vote, in the order they happened. */
export function takeEventShifts(m: CompiledModel, s: BranchState): void {
  for (; s.firedForVoteApplied < s.firedForVote; s.firedForVoteApplied++) {
    const e = s.firedForVoteLog[s.firedForVoteApplied]!;
    const effects = m.events[e]!.voteEffects;
    for (let j = 0; j < effects.length; j++) applyEventEffect(m, s, effects[j]!, e);
  }
}

/**
 * Rules act in every year their condition holds; their shifts are recomputed each year.
 * Shifts of Allies' consent matter only in a vote, so they are summed there, from the
 * rules active this year (see allyRuleShifts).
 */
export function applyRules(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (m.yearlyRules.length === 0 && trace === null) return;
  s.ruleInterest = s.ruleWithdrawal = s.ruleStandardPath = s.ruleDelay = 0;
  s.ruleDelayWorst = 0;
  s.ruleDelayReason = -1;
  s.blockedByRule = -1;
  const rules = m.rules;
  if (trace !== null) {
    // A story reports every rule every year; the batch checks vote-only rules at votes.
    for (let r = 0; r < rules.length; r++) {
      const active = holds(rules[r]!.when, s);
      trace.push({ kind: 'rule', year: s.year, rule: r, active });
      if (active) applyRuleEffects(m, s, r);
    }
    return;
  }
  // Only the rules the year, stage and track leave open; most of them hold without a check.
  const situation = settledIndex(s.year - m.startYear, s.stage, s.track);
  const table = s.skipQuiet ? m.noticedRulesBySituation : m.yearlyRulesBySituation;
  for (let q = table.start[situation]!, end = table.start[situation + 1]!; q < end; q++) {
    const r = table.rules[q]!;
    if (table.check[q] === 1 && !dependsOnBranch(rules[r]!.when, s, situation)) continue;
    applyRuleEffects(m, s, r);
  }
}

/**
 * The rules' shifts of events' hazards for this year, set before the year's events happen: a rule
 * moves an event's chance in the years it holds, asked on the branch as the year opens (a rule
 * that waits for an event moves others' chances from the year after it). Only what last year's
 * rules wrote is cleared.
 */
export function applyRuleHazards(m: CompiledModel, s: BranchState): void {
  if (s.ruleHazardDirty) s.clearRuleHazards();
  s.ruleHazardDirty = false;
  const hazardRules = m.hazardRules;
  for (let q = 0; q < hazardRules.length; q++) {
    const r = hazardRules[q]!;
    const rule = m.rules[r]!;
    if (!holds(rule.when, s)) continue;
    if (s.ruleParamsDrawn[r] === 0) drawOwned(m, s, rule.paramSlots, s.ruleParamsDrawn, r);
    for (let j = 0; j < rule.effects.length; j++) {
      const fx = rule.effects[j]!;
      if (fx.code === EffectCode.hazard) addShift(m, s, fx, EffectCode.hazard, ShiftSource.rules, r);
    }
  }
}

/** What an active rule does this year (its shifts of consent are summed at a vote, see allyRuleShifts). */
function applyRuleEffects(m: CompiledModel, s: BranchState, r: number): void {
  const rule = m.rules[r]!;
  if (s.ruleParamsDrawn[r] === 0) drawOwned(m, s, rule.paramSlots, s.ruleParamsDrawn, r);
  for (let j = 0; j < rule.effects.length; j++) applyRuleEffect(m, s, rule.effects[j]!, r);
}

/** An event's effect: it holds for good; a level moves now; a block stops the process or makes an Ally refuse. */
function applyEventEffect(m: CompiledModel, s: BranchState, fx: CompiledEffect, e: number): void {
  const code = fx.code;
  switch (code) {
    case EffectCode.precondition:
      shiftLevel(m, s, fx.target, fx.value);
      return;
    case EffectCode.consent:
      s.consentShiftTouched = true;
      shiftConsent(s, fx, e, s.consentShift, s.consentShiftWorst, s.consentShiftWorstEvent);
      return;
    case EffectCode.block:
      if (fx.allies.length === 0) s.blockedByEvent = e;
      else {
        const i = fx.allies[0]!;
        s.consentShiftTouched = true;
        s.consentShift[i] = s.consentShiftWorst[i] = -Infinity;
        s.consentShiftWorstEvent[i] = e;
      }
      return;
    default:
      addShift(m, s, fx, code, ShiftSource.events, e);
  }
}

/**
 * A rule's effect, for this year: a level's drift moves; a block stops the process (the first
 * rule is named). Its effects on one Ally (consent, an Ally's block) are read at the vote (allyRuleShifts).
 */
function applyRuleEffect(m: CompiledModel, s: BranchState, fx: CompiledEffect, r: number): void {
  const code = fx.code;
  switch (code) {
    case EffectCode.precondition:
      addRuleDelta(m, s, fx.target, fx.value);
      return;
    case EffectCode.consent:
      return;
    case EffectCode.block:
      if (fx.allies.length === 0 && s.blockedByRule < 0) s.blockedByRule = r;
      return;
    case EffectCode.hazard:
      // Set as the year opened, before its events (applyRuleHazards).
      return;
    default:
      addShift(m, s, fx, code, ShiftSource.rules, r);
  }
}

/** The effects events and rules share: they add to a shift, the event's for good, the rule's for this year. */
type ShiftEffect = Exclude<EffectCodeValue, typeof EffectCode.precondition | typeof EffectCode.consent | typeof EffectCode.block>;

/** Adds an effect of event or rule `by` to the shifts of its `source` (see ShiftSource). */
function addShift(m: CompiledModel, s: BranchState, fx: CompiledEffect, code: ShiftEffect, source: ShiftSourceValue, by: number): void {
  const v = s.values[fx.value]!;
  const events = source === ShiftSource.events;
  switch (code) {
    case EffectCode.interest:
      if (events) s.interestShift += v;
      else s.ruleInterest += v;
      noteInterestDrop(s, fx.value, (events ? m.reasonOfEvent : m.reasonOfRule) + by);
      return;
    case EffectCode.withdrawal:
      if (events) s.withdrawalShift += v;
      else s.ruleWithdrawal += v;
      return;
    case EffectCode.standardPath:
      if (events) s.standardPathShift += v;
      else s.ruleStandardPath += v;
      return;
    case EffectCode.delay: {
      const reason = (events ? m.reasonOfEvent : m.reasonOfRule) + by;
      if (events) {
        s.delayShift += v;
        if (v > s.eventDelayWorst) {
          s.eventDelayWorst = v;
          s.eventDelayReason = reason;
        }
      } else {
        s.ruleDelay += v;
        if (v > s.ruleDelayWorst) {
          s.ruleDelayWorst = v;
          s.ruleDelayReason = reason;
        }
      }
      return;
    }
    case EffectCode.hazard: {
      if (!events) s.ruleHazardDirty = true;
      if (fx.target < 0) return;
      const cell = source * m.events.length + fx.target;
      s.hazardShift[cell] = s.hazardShift[cell]! + v;
      return;
    }
    default:
      assertNever(code);
  }
}

/** A rule's or event's effect sizes, drawn when it first acts in this branch. */
function drawOwned(m: CompiledModel, s: BranchState, slots: Int32Array, drawn: Uint8Array, owner: number): void {
  if (slots.length > 0) sampleParams(m.params, s.key, s.values, slots);
  drawn[owner] = 1;
  s.ownedDrawn = true;
}

/**
 * Sums the consent shifts and Ally blocks of the rules that hold at this vote, with the worst
 * rule per Ally. A rule's condition is asked here, at the vote, whatever else the rule does:
 * adding a delay or a drift to a rule must not change when its consent shift is read.
 */
export function allyRuleShifts(m: CompiledModel, s: BranchState): void {
  fillF64(s.ruleConsent, 0);
  fillF64(s.ruleConsentWorst, 0);
  fillI32(s.ruleConsentWorstRule, -1);
  fillI32(s.ruleBlockAlly, -1);
  const rules = m.rules;
  for (let q = 0; q < m.voteRules.length; q++) {
    const r = m.voteRules[q]!;
    if (!holds(rules[r]!.when, s)) continue;
    if (s.ruleParamsDrawn[r] === 0) drawOwned(m, s, rules[r]!.paramSlots, s.ruleParamsDrawn, r);
    const effects = rules[r]!.effects;
    for (let j = 0; j < effects.length; j++) {
      const fx = effects[j]!;
      if (fx.code === EffectCode.block) {
        if (fx.allies.length > 0) s.ruleBlockAlly[fx.allies[0]!] = r;
        continue;
      }
      if (fx.code === EffectCode.consent) shiftConsent(s, fx, r, s.ruleConsent, s.ruleConsentWorst, s.ruleConsentWorstRule);
    }
  }
}

/**
 * Adds a consent effect to each Ally it names, remembering for each the largest drop and who
 * caused it (`by`, a rule or event): that is the reason an Ally that refuses gives. It takes the
 * effect, not its value: a number passed to a call V8 does not inline is boxed.
 */
function shiftConsent(s: BranchState, fx: CompiledEffect, by: number, shift: Float64Array, worst: Float64Array, worstBy: Int32Array): void {
  const v = s.values[fx.value]!;
  for (let q = 0; q < fx.allies.length; q++) {
    const i = fx.allies[q]!;
    shift[i] = shift[i]! + v;
    if (v < worst[i]!) {
      worst[i] = v;
      worstBy[i] = by;
    }
  }
}

/**
 * While the candidate has not applied, remember the rule or event that damped its interest most
 * (by the value of parameter `slot`): that is why it never applied.
 */
function noteInterestDrop(s: BranchState, slot: number, reason: number): void {
  const v = s.values[slot]!;
  if (s.stage === StageCode.idle && v < s.interestWorst) {
    s.interestWorst = v;
    s.interestWorstReason = reason;
  }
}
