import { Actor, EffectCode } from '../codes.js';
import type { CompiledEffect, CompiledModel, IdlePlan } from '../model.js';
import { sampleParams } from '../params.js';
import { chance, Purpose, yearKey } from '../rng.js';

/**
 * Most branches never apply. While the candidate has not applied, a branch of a scenario with
 * an idle plan (see idle-plan.ts) only draws whether events happen and whether the candidate
 * applies, so a block of branches is walked together, year by year: each step is one tight
 * loop over the block's typed arrays instead of one pass through the general walk per branch.
 *
 * The draws and the arithmetic are those of the general walk (walk/candidate.ts, walk/effects.ts), in the
 * same order for each branch, so the results are the same to the last bit. A branch that
 * applies is marked, and walked again in full by the general walk.
 */

/** Branches walked together: their arrays stay in the first-level cache. */
export const BLOCK = 256;

export class IdleWalk {
  readonly keys = new Int32Array(BLOCK);
  readonly yearKeys = new Int32Array(BLOCK);
  /** Branches still idle, by position in the block; count in `idle`. */
  readonly stillIdle = new Int32Array(BLOCK);
  idle = 0;
  /** Per branch of the block: whether it applied, whether it was ever interested, and why its interest fell most. */
  readonly applied = new Uint8Array(BLOCK);
  readonly interested = new Uint8Array(BLOCK);
  readonly interestWorst = new Float64Array(BLOCK);
  readonly interestWorstReason = new Int32Array(BLOCK);
  readonly interestShift = new Float64Array(BLOCK);
  readonly ruleInterest = new Float64Array(BLOCK);
  /** Per event and branch, at [event * BLOCK + branch]. */
  readonly fired: Uint8Array;
  readonly hazardShift: Float64Array;
  readonly ruleHazard: Float64Array;
  /** Per lane (see IdlePlan) and branch, at [lane * BLOCK + branch]. */
  readonly lanes: Float64Array;
  readonly firedNow = new Int32Array(BLOCK);
  /** The branches where a rule that asks about an event holds. */
  readonly selected = new Int32Array(BLOCK);
  /** Where a branch's parameters are drawn before they are copied to the lanes. */
  readonly scratch: Float64Array;
  /**
   * The events whose rows of `fired`, `hazardShift` and `ruleHazard` the walk can write: the
   * plan's events, and the targets of its events' and rules' shifts of hazards. Only these are
   * cleared; the other rows stay zero, as the arrays were made.
   */
  readonly firedRows: Int32Array;
  readonly shiftedRows: Int32Array;
  readonly ruleShiftedRows: Int32Array;

  constructor(m: CompiledModel, plan: IdlePlan) {
    const e = m.events.length;
    this.fired = new Uint8Array(e * BLOCK);
    this.hazardShift = new Float64Array(e * BLOCK);
    this.ruleHazard = new Float64Array(e * BLOCK);
    this.lanes = new Float64Array(plan.laneSlots.length * BLOCK);
    this.scratch = new Float64Array(m.params.fixedValues.length);
    const hazardTargets = (effects: readonly CompiledEffect[]) => effects.flatMap((fx) => (fx.code === EffectCode.hazard && fx.target >= 0 ? [fx.target] : []));
    const planEvents = [...new Set(plan.events)];
    this.firedRows = Int32Array.from(planEvents);
    this.shiftedRows = Int32Array.from(new Set(planEvents.flatMap((ev) => hazardTargets(m.events[ev]!.effects))));
    this.ruleShiftedRows = Int32Array.from(new Set([...new Set(plan.rules)].flatMap((r) => hazardTargets(m.rules[r]!.effects))));
  }
}

/**
 * Walks branches keys[from .. from + count) (count ≤ BLOCK) until each applies or reaches the
 * horizon. Afterwards `applied`, `interested` and `interestWorstReason` say how each one went.
 */
export function walkIdle(m: CompiledModel, plan: IdlePlan, w: IdleWalk, keys: Uint32Array, from: number, count: number): void {
  start(m, plan, w, keys, from, count);
  for (let y = 0; y < m.years && w.idle > 0; y++) {
    const year = m.startYear + y;
    for (let a = 0; a < w.idle; a++) {
      const b = w.stillIdle[a]!;
      w.yearKeys[b] = yearKey(w.keys[b]!, year);
    }
    // The rules' shifts of hazards are set as the year opens, before its events (applyRuleHazards).
    if (plan.rulesShiftHazard) rulesOfYear(m, plan, w, y, EffectCode.hazard);
    for (let q = plan.eventStart[y]!, end = plan.eventStart[y + 1]!; q < end; q++) eventHappens(m, plan, w, plan.events[q]!, plan.eventAsks[q]!, plan.eventAskNegated[q] === 1);
    if (m.yearlyRules.length > 0) rulesOfYear(m, plan, w, y, EffectCode.interest);
    considerApplying(m, plan, w);
  }
}

function start(m: CompiledModel, plan: IdlePlan, w: IdleWalk, keys: Uint32Array, from: number, count: number): void {
  const lanes = plan.laneSlots;
  for (let b = 0; b < count; b++) {
    const key = keys[from + b]! | 0;
    w.keys[b] = key;
    w.stillIdle[b] = b;
    w.applied[b] = 0;
    w.interested[b] = 0;
    w.interestWorst[b] = 0;
    w.interestWorstReason[b] = -1;
    w.interestShift[b] = 0;
    w.ruleInterest[b] = 0;
    if (lanes.length === 0) continue;
    // Each draw is keyed by its parameter's path: drawn now, it is what the general walk draws later.
    sampleParams(m.params, key, w.scratch, lanes);
    for (let l = 0; l < lanes.length; l++) w.lanes[l * BLOCK + b] = w.scratch[lanes[l]!]!;
  }
  w.idle = count;
  // Most events never fire nor have their hazard shifted while idle: their rows are left at zero.
  for (let j = 0; j < w.firedRows.length; j++) w.fired.fill(0, w.firedRows[j]! * BLOCK, (w.firedRows[j]! + 1) * BLOCK);
  for (let j = 0; j < w.shiftedRows.length; j++) w.hazardShift.fill(0, w.shiftedRows[j]! * BLOCK, (w.shiftedRows[j]! + 1) * BLOCK);
  for (let j = 0; j < w.ruleShiftedRows.length; j++) w.ruleHazard.fill(0, w.ruleShiftedRows[j]! * BLOCK, (w.ruleShiftedRows[j]! + 1) * BLOCK);
}

/** Where branch b's value of parameter `slot` is: a lane's row (add b), or -1 for a fixed value. */
function laneRow(plan: IdlePlan, slot: number): number {
  const lane = plan.laneOf[slot]!;
  return lane < 0 ? -1 : lane * BLOCK;
}

/**
 * Whether event e happens in each idle branch, and what it does to interest and hazards
 * (fireEvents). With `asks` ≥ 0 its condition holds where that event has happened (not, if `negated`).
 */
function eventHappens(m: CompiledModel, plan: IdlePlan, w: IdleWalk, e: number, asks: number, negated: boolean): void {
  const ev = m.events[e]!;
  const row = e * BLOCK;
  const actor = m.eventActor[e]!;
  const hazardRow = laneRow(plan, ev.hazard);
  const hazard = m.params.fixedValues[ev.hazard]!;
  const once = ev.once;
  const stillIdle = w.stillIdle;
  const firedBefore = w.fired;
  const hazardShift = w.hazardShift;
  const ruleHazard = w.ruleHazard;
  const lanes = w.lanes;
  const yearKeys = w.yearKeys;
  let fired = 0;
  for (let a = 0; a < w.idle; a++) {
    const b = stillIdle[a]!;
    if (once && firedBefore[row + b] === 1) continue;
    if (asks >= 0 && (firedBefore[asks * BLOCK + b] === 1) === negated) continue;
    const p = (hazardRow < 0 ? hazard : lanes[hazardRow + b]!) + hazardShift[row + b]! + ruleHazard[row + b]!;
    if (!chance(yearKeys[b]!, actor, Purpose.event, p)) continue;
    firedBefore[row + b] = 1;
    w.firedNow[fired++] = b;
  }
  for (let j = 0; j < ev.effects.length; j++) {
    const fx = ev.effects[j]!;
    if (fx.code === EffectCode.interest) shiftInterest(m, plan, w, w.firedNow, fired, fx.value, m.reasonOfEvent + e, w.interestShift);
    else if (fx.code === EffectCode.hazard && fx.target >= 0) shiftHazard(m, plan, w, w.firedNow, fired, fx.value, fx.target, hazardShift);
  }
}

/**
 * This year's rules, all of which hold in every idle branch: their shifts of interest, after the
 * year's events (applyRules), or of hazards, before them (applyRuleHazards).
 */
function rulesOfYear(m: CompiledModel, plan: IdlePlan, w: IdleWalk, y: number, code: typeof EffectCode.interest | typeof EffectCode.hazard): void {
  if (code === EffectCode.interest) for (let a = 0; a < w.idle; a++) w.ruleInterest[w.stillIdle[a]!] = 0;
  else
    for (let j = 0; j < w.ruleShiftedRows.length; j++) {
      const row = w.ruleShiftedRows[j]! * BLOCK;
      for (let a = 0; a < w.idle; a++) w.ruleHazard[row + w.stillIdle[a]!] = 0;
    }
  for (let q = plan.ruleStart[y]!, end = plan.ruleStart[y + 1]!; q < end; q++) {
    const r = plan.rules[q]!;
    // The branches where the rule holds: all, or those where the event it asks about has happened (or not).
    let holding = w.stillIdle;
    let count = w.idle;
    const asks = plan.ruleAsks[q]!;
    if (asks >= 0) {
      const negated = plan.ruleAskNegated[q] === 1;
      holding = w.selected;
      count = 0;
      for (let a = 0; a < w.idle; a++) {
        const b = w.stillIdle[a]!;
        if ((w.fired[asks * BLOCK + b] === 1) !== negated) holding[count++] = b;
      }
    }
    const effects = m.rules[r]!.effects;
    for (let j = 0; j < effects.length; j++) {
      const fx = effects[j]!;
      if (fx.code !== code) continue;
      if (code === EffectCode.interest) shiftInterest(m, plan, w, holding, count, fx.value, m.reasonOfRule + r, w.ruleInterest);
      else if (fx.target >= 0) shiftHazard(m, plan, w, holding, count, fx.value, fx.target, w.ruleHazard);
    }
  }
}

/**
 * Adds each listed branch's value of parameter `slot` to its shift of interest, remembering
 * the largest drop and its reason (noteInterestDrop).
 */
function shiftInterest(m: CompiledModel, plan: IdlePlan, w: IdleWalk, branches: Int32Array, count: number, slot: number, reason: number, shift: Float64Array): void {
  const row = laneRow(plan, slot);
  const fixed = m.params.fixedValues[slot]!;
  const lanes = w.lanes;
  const worst = w.interestWorst;
  for (let a = 0; a < count; a++) {
    const b = branches[a]!;
    const v = row < 0 ? fixed : lanes[row + b]!;
    shift[b] = shift[b]! + v;
    if (v < worst[b]!) {
      worst[b] = v;
      w.interestWorstReason[b] = reason;
    }
  }
}

/** Adds each listed branch's value of parameter `slot` to its shift of event `target`'s hazard. */
function shiftHazard(m: CompiledModel, plan: IdlePlan, w: IdleWalk, branches: Int32Array, count: number, slot: number, target: number, shift: Float64Array): void {
  const row = laneRow(plan, slot);
  const fixed = m.params.fixedValues[slot]!;
  for (let a = 0; a < count; a++) {
    const b = branches[a]!;
    const cell = target * BLOCK + b;
    shift[cell] = shift[cell]! + (row < 0 ? fixed : w.lanes[row + b]!);
  }
}

/** Interest, then domestic opposition: a branch that applies leaves the block's walk (considerApplying). */
function considerApplying(m: CompiledModel, plan: IdlePlan, w: IdleWalk): void {
  const candidate = m.actors[Actor.candidate]!;
  const interestRow = laneRow(plan, m.interest);
  const interest = m.params.fixedValues[m.interest]!;
  const oppositionRow = laneRow(plan, m.opposition);
  const opposition = m.params.fixedValues[m.opposition]!;
  const lanes = w.lanes;
  const stillIdle = w.stillIdle;
  const yearKeys = w.yearKeys;
  let kept = 0;
  for (let a = 0; a < w.idle; a++) {
    const b = stillIdle[a]!;
    const p = (interestRow < 0 ? interest : lanes[interestRow + b]!) + w.interestShift[b]! + w.ruleInterest[b]!;
    if (chance(yearKeys[b]!, candidate, Purpose.interest, p)) {
      w.interested[b] = 1;
      if (!chance(yearKeys[b]!, candidate, Purpose.opposition, oppositionRow < 0 ? opposition : lanes[oppositionRow + b]!)) {
        w.applied[b] = 1;
        continue;
      }
    }
    stillIdle[kept++] = b;
  }
  w.idle = kept;
}
