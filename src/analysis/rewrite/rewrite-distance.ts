import type { Scenario } from '../../model/scenario.js';
import { paramKind, type ParamKind } from '../../scenario/param-kinds.js';
import { assumptionDiff, type OtherChange, type ParamChange, type SwitchChange } from './assumptions.js';
import { momentShift } from './moments.js';
import { moveText, signedFixed } from '../../report/format.js';

/**
 * How far a counterfactual travels from the history it rewrites: the "minimal rewrite"
 * standard for counterfactuals (change as few facts as you can, and as little), made a number
 * that stands next to the result. Pure; the UI and the handouts call it too.
 *
 * Each changed parameter is measured in units of its documented uncertainty in the baseline:
 *   z = sign(Δmean) · √(Δmean² + Δsd²) / scale
 * where Δmean and Δsd are the changes of the distribution's mean and standard deviation (a
 * change of spread counts like a change of centre: it is the 2-Wasserstein distance between
 * normal approximations), and `scale` is the baseline distribution's standard deviation, or,
 * when the baseline value is fixed (no documented uncertainty), a default scale for the kind
 * of number: 0.1 on probabilities, levels, their shifts and weights; 0.02 a year on drift and
 * volatility; 1 year for preparation years; 3 months for durations (see param-kinds.ts).
 *
 *   score = √(Σ z²) + (number of rules and events switched) + (number of structural changes)
 *
 * So one historical value moved by one standard deviation scores 1, as does switching one rule
 * off; a scenario against itself scores exactly 0.
 */
export interface RewriteChange extends Omit<ParamChange, 'fromParam' | 'toParam'> {
  readonly unit: ParamKind['unit'];
  readonly fromMean: number;
  readonly toMean: number;
  readonly fromSd: number;
  readonly toSd: number;
  /** What one unit of z is, and where it came from. */
  readonly scale: number;
  readonly scaleFrom: 'sd' | 'default';
  /** The standardised change (see above). */
  readonly z: number;
}

export interface RewriteDistance {
  readonly baseline: string;
  readonly counterfactual: string;
  readonly score: number;
  /** √(Σ z²) over the changed parameters. */
  readonly parameterTerm: number;
  readonly changes: readonly RewriteChange[];
  readonly switches: readonly SwitchChange[];
  readonly other: readonly OtherChange[];
  readonly method: string;
}

export const REWRITE_METHOD =
  'score = sqrt(sum of z^2) + 1 per rule or event switched + 1 per structural change; ' +
  'z = sign(change of mean) * sqrt(change of mean^2 + change of sd^2) / scale, scale = the baseline value\'s sd, ' +
  'or for a fixed baseline value a default (0.1 on probabilities, levels, shifts and weights; 0.02/year on drift and volatility; 1 year; 3 months)';

/** The rewrite distance of `counterfactual` from `baseline`. rewriteDistance(s, s).score === 0. */
export function rewriteDistance(baseline: Scenario, counterfactual: Scenario): RewriteDistance {
  const diff = assumptionDiff(baseline, counterfactual);
  const changes = diff.params.map(standardise).sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.path < b.path ? -1 : 1));
  const parameterTerm = Math.sqrt(changes.reduce((sum, c) => sum + c.z * c.z, 0));
  return {
    baseline: baseline.id,
    counterfactual: counterfactual.id,
    score: parameterTerm + diff.switches.length + diff.other.length,
    parameterTerm,
    changes,
    switches: diff.switches,
    other: diff.other,
    method: REWRITE_METHOD,
  };
}

function standardise(change: ParamChange): RewriteChange {
  const kind = paramKind(change.path);
  const { from: a, to: b, length } = momentShift(change.fromParam.dist, change.toParam.dist);
  const fromSd = a.sd > 1e-12;
  const scale = fromSd ? a.sd : kind.scale;
  const size = length / scale;
  const { fromParam: _f, toParam: _t, ...rest } = change;
  return {
    ...rest,
    unit: kind.unit,
    fromMean: a.mean,
    toMean: b.mean,
    fromSd: a.sd,
    toSd: b.sd,
    scale,
    scaleFrom: fromSd ? 'sd' : 'default',
    z: b.mean < a.mean ? -size : size,
  };
}

/** One line for a summary: the score, what makes it up, and the largest change. */
export function rewriteLine(r: RewriteDistance): string {
  const parts: string[] = [];
  if (r.changes.length > 0) parts.push(`${r.changes.length} value${r.changes.length === 1 ? '' : 's'} changed (${r.parameterTerm.toFixed(1)} in sd units)`);
  if (r.switches.length > 0) parts.push(`${r.switches.length} rule${r.switches.length === 1 ? '' : 's'}/event${r.switches.length === 1 ? '' : 's'} switched`);
  if (r.other.length > 0) parts.push(`${r.other.length} structural change${r.other.length === 1 ? '' : 's'}`);
  const what = parts.length === 0 ? 'nothing changed' : parts.join(', ');
  const top = r.changes[0];
  const largest = top === undefined ? '' : `; largest: ${top.path} ${top.from} -> ${top.to} (${moveText(top.z, { from: top.scaleFrom, size: top.scale }, 1)})`;
  return `Rewrite distance from ${r.baseline}: ${r.score.toFixed(1)} (${what})${largest}`;
}

/** The full listing: every change with its size, for compare and handouts. */
export function rewriteLines(r: RewriteDistance): string[] {
  const out: string[] = [];
  for (const c of r.changes) {
    out.push(`${c.path}: ${c.from} -> ${c.to}  (${signedFixed(c.z)} ${c.scaleFrom === 'sd' ? 'sd' : `units of ${c.scale} (default scale, fixed baseline)`})`);
  }
  for (const s of r.switches) out.push(`${s.kind}s.${s.id}: ${s.from} -> ${s.to}  (+1)`);
  for (const o of r.other) out.push(`${o.path}: ${o.from} -> ${o.to}  (+1)`);
  return out;
}

