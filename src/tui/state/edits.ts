import { centralValue, describeDistribution as describeDistributionIn, type Distribution, type Param } from '../../model/distribution.js';
import type { EditSteps as ValueRange } from '../../model/catalog/numbers.js';

/** How the UI changes a param. Pure: each returns a new Param (or the same one when nothing moves). */

/** Round away float dust (0.30000000000000004) so saved files read cleanly; a zero is 0, never -0 (typed, or dust below zero rounded). */
export function tidy(x: number): number {
  const rounded = Math.round(x * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

function clamp(x: number, range: ValueRange): number {
  return Math.min(range.max, Math.max(range.min, x));
}

/**
 * Moves a param by `delta`. A fixed value moves; a distribution moves as a whole (its range
 * and peak together) and stops where its range meets the edge of what is allowed; a beta
 * moves its mean within its range keeping its spread; a Bernoulli moves its p.
 */
export function shiftParam(p: Param, delta: number, range: ValueRange): Param {
  if (delta === 0) return p;
  const d = shiftDistribution(p.dist, delta, range);
  return d === p.dist ? p : { ...p, dist: d };
}

function shiftDistribution(d: Distribution, delta: number, range: ValueRange): Distribution {
  switch (d.kind) {
    case 'fixed': {
      const value = tidy(clamp(d.value + delta, range));
      return value === d.value ? d : { ...d, value };
    }
    case 'bernoulli': {
      const p = tidy(clamp(d.p + delta, range));
      return p === d.p ? d : { ...d, p };
    }
    case 'beta': {
      const total = d.alpha + d.beta;
      const width = d.max - d.min;
      const mean = (d.alpha / total) * width + d.min;
      // Keep the mean strictly inside the range so both shape parameters stay positive.
      const margin = width * 0.01;
      const moved = Math.min(d.max - margin, Math.max(d.min + margin, mean + delta));
      const alpha = tidy(((moved - d.min) / width) * total);
      return alpha === d.alpha ? d : { ...d, alpha, beta: tidy(total - alpha) };
    }
    case 'uniform':
    case 'triangular':
    case 'normal': {
      const shift = tidy(Math.min(range.max - d.max, Math.max(range.min - d.min, delta)));
      if (shift === 0) return d;
      const moved = { ...d, min: tidy(d.min + shift), max: tidy(d.max + shift) };
      if (moved.kind === 'triangular') return { ...moved, mode: tidy(moved.mode + shift) };
      if (moved.kind === 'normal') return { ...moved, mean: tidy(moved.mean + shift) };
      return moved;
    }
  }
}

/** Replaces a param by a fixed value (what Enter does), keeping its source and note for markEdited. */
export function exactParam(p: Param, value: number): Param {
  return { ...p, dist: { kind: 'fixed', value: tidy(value) } };
}

/** Where values are edited, as an edited value's note names it ("edited in the TUI; was ..."). */
export type EditedIn = 'the TUI' | 'the web explorer';
const EDITED = /^edited in the (TUI|web explorer)\b/;

/**
 * A value the user set is the user's assumption, not what the cited source says: the source
 * becomes `assumption` and the note keeps what it replaced (once, on the first edit).
 */
export function markEdited(before: Param, after: Param, editedIn: EditedIn = 'the TUI'): Param {
  if (after === before) return before;
  if (before.note !== undefined && EDITED.test(before.note)) return { ...after, source: before.source, note: before.note };
  return { ...after, source: 'assumption', note: `edited in ${editedIn}; was ${describeDistribution(before.dist)}${before.source ? ` [${before.source}]` : ''}` };
}

/** A typed value, or what is wrong with it in words a prompt can show. */
export type TypedValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: string };

/**
 * Reads a typed number within the range (0.35, .35, 1e-3). A percent is a share: "35%" is 0.35 on a value from
 * 0 to 1 (a probability, a level); on any other value (years, months, a shift) it is refused,
 * as 50% of a year or of a shift has no one reading.
 */
export function parseValue(text: string, range: ValueRange): TypedValue {
  const t = text.trim();
  const percent = t.endsWith('%');
  const digits = percent ? t.slice(0, -1).trimEnd() : t;
  const wanted = `a number from ${formatNumber(range.min)} to ${formatNumber(range.max)}`;
  if (percent && !isShare(range)) return { ok: false, problem: `a percent fits only a value from 0 to 1; type ${wanted}` };
  // Decimals, or a power of ten as a scenario file and --set write it (1e-3).
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(digits)) return { ok: false, problem: `not ${wanted}` };
  const x = percent ? Number(digits) / 100 : Number(digits);
  return Number.isFinite(x) && x >= range.min && x <= range.max ? { ok: true, value: x } : { ok: false, problem: `not ${wanted}` };
}

function isShare(range: ValueRange): boolean {
  return range.min === 0 && range.max === 1;
}

export function formatNumber(x: number): string {
  return String(tidy(x));
}

/** "0.25", or the distribution with its numbers: "triangular 0.02–0.1–0.25". */
export function describeDistribution(d: Distribution): string {
  return describeDistributionIn(d, 'compact', formatNumber);
}

/** The short value shown in the panel: the central value, with `~` when it is a distribution. */
export function shortValue(p: Param): string {
  const v = centralValue(p.dist).toFixed(p.dist.kind === 'fixed' && Math.abs(p.dist.value) < 0.1 && p.dist.value !== 0 ? 3 : 2);
  return p.dist.kind === 'fixed' ? v : `~${v}`;
}
