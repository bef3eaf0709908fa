import type { CompiledModel } from '../model.js';
import { EXACT_CELLS, normalQuantile, QUANTILE_CELLS, QUANTILE_TABLE } from '../normal.js';
import { clamp01, unitOpen } from '../numbers.js';
import { sampleParams } from '../params.js';
import { drawBits, Purpose, UNIT } from '../rng.js';
import type { BranchState } from './state.js';

/**
 * Precondition levels, brought up to date only when something reads them.
 *
 * In a year, events move a level (each move clamped to [0, 1]); at the end of the year it
 * drifts: level + drift + the year's rule deltas + volatility · noise, clamped, with the
 * noise drawn from the year's own place. Most branches never apply and nothing reads most
 * of their levels, so each level keeps the year it is valid for (its start, or after that
 * year's events), events and rules leave their deltas by year, and a level catches up, with
 * the same draws and the same operations in the same order, only when a condition, the vote
 * or the end of the branch asks. The numbers are those of moving every level every year.
 *
 * `met` follows the yearly walk: it is taken at the start of a year, while the year's events
 * are decided, and again after them, so an event's condition sees the year's starting levels
 * even if an earlier event in the same year moved them; a `level:` condition reads them alike
 * (conditionLevelOf).
 *
 * The laziness is an accelerator: with it off (Accelerators.lazyLevels, compile.ts) the walk
 * reads every level and `met` before and after each year's events (readEveryLevel), and the
 * numbers are the same (tests/engine/accelerators.test.ts, lazy-work.test.ts). The ledgers
 * are cleared at each branch's reset (state.ts).
 */

/** A new moment at which `met` is taken: the start of a year (before its events), or after them. */
export function newMetEpoch(s: BranchState, afterEvents: boolean): void {
  s.metEpoch++;
  s.metAfterEvents = afterEvents;
}

/**
 * Brings precondition k's level to the start of `year`, or, with `withEvents`, to after the
 * events of `year` so far.
 */
function catchUp(m: CompiledModel, s: BranchState, k: number, year: number, withEvents: boolean): void {
  if (!s.levelsStarted) startLevels(m, s);
  if (s.levelYear[k]! < year) advance(m, s, k, year);
  if (withEvents && s.levelAfterEvents[k] === 0) {
    // The start-of-year value is what `met` must say while this year's events are decided.
    if (!s.metAfterEvents && s.metTakenAt[k] !== s.metEpoch) takeMetNow(m, s, k);
    s.levelAtYearStart[k] = s.level[k]!;
    const move = s.eventDeltaByYear[k * m.years + (year - m.startYear)]!;
    if (move !== 0) s.level[k] = clamp01(s.level[k]! + move);
    s.levelAfterEvents[k] = 1;
  }
}

/**
 * The preconditions' numbers are drawn when a level is first read: nothing reads the levels
 * of most branches that never apply. Each draw is keyed by its path, so the values are the same.
 */
function startLevels(m: CompiledModel, s: BranchState): void {
  if (m.preconditionParams.length > 0) sampleParams(m.params, s.key, s.values, m.preconditionParams);
  for (let k = 0; k < m.preconditionCount; k++) {
    s.level[k] = clamp01(s.values[m.level[k]!]!);
    s.levelYear[k] = m.startYear;
  }
  s.levelsStarted = true;
}

/** Moves precondition k's level, year by year, to the start of `year`. */
function advance(m: CompiledModel, s: BranchState, k: number, year: number): void {
  let from = s.levelYear[k]!;
  const row = k * m.years - m.startYear;
  let level = s.level[k]!;
  const still = m.driftless[k] === 1;
  const drift = s.values[m.drift[k]!]!;
  const vol = s.values[m.volatility[k]!]!;
  const actor = m.preconditionActor[k]!;
  for (; from < year; from++) {
    if (s.levelAfterEvents[k] === 0) {
      const move = s.eventDeltaByYear[row + from]!;
      if (move !== 0) level = clamp01(level + move);
    }
    s.levelAfterEvents[k] = 0;
    if (still && s.ruleDeltaByYear[row + from] === 0) continue;
    let next = level + drift + s.ruleDeltaByYear[row + from]!;
    // One uniform through the inverse CDF: cheaper than Box–Muller, and exact in distribution.
    // The walk has passed `from`, so its year key is kept.
    if (vol > 0) {
      // fastNormalQuantile(p), written out (see there).
      const p = unitOpen(drawBits(s.yearKeys[from - m.startYear]!, actor, Purpose.driftA) * UNIT);
      const x = p * QUANTILE_CELLS;
      const i = x | 0;
      if (i < EXACT_CELLS || i >= QUANTILE_CELLS - EXACT_CELLS) next += vol * normalQuantile(p);
      else {
        const lo = QUANTILE_TABLE[i]!;
        next += vol * (lo + (QUANTILE_TABLE[i + 1]! - lo) * (x - i));
      }
    }
    level = clamp01(next);
  }
  s.level[k] = level;
  s.levelYear[k] = year;
}

/** Precondition k's level now: this year, after the events so far. */
export function levelOf(m: CompiledModel, s: BranchState, k: number): number {
  catchUp(m, s, k, s.year, true);
  return s.level[k]!;
}

/**
 * Precondition k's level as a condition reads it: while the year's events are decided, the level
 * the year opened with (as `met` is taken then: an event sees no move an earlier event of the
 * same year made); after them, as it stands.
 */
export function conditionLevelOf(m: CompiledModel, s: BranchState, k: number): number {
  if (s.metAfterEvents) return levelOf(m, s, k);
  catchUp(m, s, k, s.year, false);
  return s.levelAfterEvents[k] === 1 ? s.levelAtYearStart[k]! : s.level[k]!;
}

/** Whether precondition k is met, as taken at the current epoch. */
export function metOf(m: CompiledModel, s: BranchState, k: number): number {
  if (s.metTakenAt[k] !== s.metEpoch) takeMet(m, s, k);
  return s.met[k]!;
}

function takeMet(m: CompiledModel, s: BranchState, k: number): void {
  catchUp(m, s, k, s.year, s.metAfterEvents);
  takeMetNow(m, s, k);
}

function takeMetNow(m: CompiledModel, s: BranchState, k: number): void {
  s.met[k] = s.level[k]! >= s.values[m.threshold[k]!]! ? 1 : 0;
  s.metTakenAt[k] = s.metEpoch;
}

/** Brings every level up to date and takes every `met`: the walk with lazy levels off. */
export function readEveryLevel(m: CompiledModel, s: BranchState): void {
  for (let k = 0; k < m.preconditionCount; k++) {
    levelOf(m, s, k);
    metOf(m, s, k);
  }
}

/** Takes `met` for every precondition, for the vote and readiness. */
export function takeAllMet(m: CompiledModel, s: BranchState): void {
  for (let k = 0; k < m.preconditionCount; k++) if (s.metTakenAt[k] !== s.metEpoch) takeMet(m, s, k);
}

/**
 * An event moves precondition k now by the value of parameter `slot` (clamped at once, as every
 * move is). Moves come as slots, not numbers: a number passed to a call V8 does not inline is boxed.
 */
export function shiftLevel(m: CompiledModel, s: BranchState, k: number, slot: number): void {
  const delta = s.values[slot]!;
  const i = k * m.years + (s.year - m.startYear);
  // The first move of the year waits in the ledger; a second one needs the first applied
  // before it, because each move is clamped on its own.
  if (s.levelAfterEvents[k] === 0 && s.eventDeltaByYear[i] === 0) {
    s.eventDeltaByYear[i] = delta;
    noteCell(s, m.preconditionCount * m.years + i);
    return;
  }
  catchUp(m, s, k, s.year, true);
  s.level[k] = clamp01(s.level[k]! + delta);
}

/** A rule moves precondition k's drift in this year by the value of parameter `slot`. */
export function addRuleDelta(m: CompiledModel, s: BranchState, k: number, slot: number): void {
  const i = k * m.years + (s.year - m.startYear);
  s.ruleDeltaByYear[i] = s.ruleDeltaByYear[i]! + s.values[slot]!;
  noteCell(s, i);
}

/** Remembers a written cell of the ledgers (rule deltas first, then event moves) for the next reset. */
function noteCell(s: BranchState, cell: number): void {
  if (s.deltaCellTouched[cell] === 1) return;
  s.deltaCellTouched[cell] = 1;
  s.deltaCells[s.deltaCellCount++] = cell;
}
