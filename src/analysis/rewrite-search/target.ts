import { EXITS, type Tally } from '../../engine/index.js';
import { STAGES } from '../../model/outcome.js';
import { MEASURE_NAMES, measureCount, measureLabel, measureName, parseMeasure, type Measure } from '../design/factors.js';

/**
 * What a rewrite must reach: the share of an outcome or of a funnel stage, at least or at most
 * a threshold (`joined>=0.3`, `vetoed<=50%`), optionally counting only outcomes by a year.
 */
export interface Target {
  readonly measure: Measure;
  readonly op: '>=' | '<=';
  /** A share in [0, 1]. */
  readonly threshold: number;
  /** Count only branches whose outcome came by the end of this year. */
  readonly by?: number;
}

/** The target, or why the text is not one (for an exit-2 message). */
export function parseTarget(text: string, by?: number): { ok: true; target: Target } | { ok: false; message: string } {
  const m = /^\s*([a-z_]+)\s*(>=|<=)\s*([0-9.]+)\s*(%?)\s*$/.exec(text);
  if (m === null) return { ok: false, message: `--target must look like outcome>=share or outcome<=share, e.g. joined>=0.3 or vetoed<=50%; got "${text}"` };
  const measure = parseMeasure(m[1]!);
  if (measure === undefined) return { ok: false, message: `--target: "${m[1]}" is not an outcome or a funnel stage; use one of ${MEASURE_NAMES.join(', ')}` };
  const value = Number(m[3]) / (m[4] === '%' ? 100 : 1);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(m[3]!) || !(value >= 0 && value <= 1)) {
    return { ok: false, message: `--target: the share must lie between 0 and 1 (or 0% and 100%); got "${m[3]}${m[4]}"` };
  }
  if (by !== undefined && measure.kind === 'stage') {
    return { ok: false, message: `--by counts outcomes by the year they came; "${m[1]}" is a funnel stage, which has no year: drop --by or target an outcome` };
  }
  return { ok: true, target: by === undefined ? { measure, op: m[2] as Target['op'], threshold: value } : { measure, op: m[2] as Target['op'], threshold: value, by } };
}

/** `joined >= 30%`, `joined >= 30% by 1999`. */
export function targetText(t: Target): string {
  const share = `${Math.round(t.threshold * 1000) / 10}%`;
  return `${measureName(t.measure)} ${t.op} ${share}${t.by === undefined ? '' : ` by ${t.by}`}`;
}

export function targetLabel(t: Target): string {
  return measureLabel(t.measure);
}

/** Branches of a tally that count towards the target's measure. */
export function targetCount(t: Tally, target: Target, years: { readonly startYear: number; readonly years: number }): number {
  const m = target.measure;
  if (target.by === undefined || m.kind === 'stage') return measureCount(t, m);
  const last = Math.min(years.years - 1, target.by - years.startYear);
  let n = 0;
  for (let e = 0; e < EXITS.length; e++) {
    if (EXITS[e]!.outcome !== m.outcome) continue;
    for (let y = 0; y <= last; y++) n += t.exitYears[e * years.years + y]!;
  }
  return n;
}

/**
 * How deep branches get into the funnel on the way to the target, as a share summed over the
 * stages up to the target's (0 when the target is not a stage or an outcome that is one): a
 * gentler signal for the search while the target's own share is still 0.
 */
export function funnelDepth(t: Tally, target: Target): number {
  const name = measureName(target.measure);
  const last = (STAGES as readonly string[]).indexOf(name);
  if (last < 0 || t.runs === 0) return 0;
  let sum = 0;
  for (let s = 0; s <= last; s++) sum += t.funnel[s]! / t.runs;
  return sum;
}

/** Whether a share meets the target. */
export function meets(target: Target, share: number): boolean {
  return target.op === '>=' ? share >= target.threshold - 1e-12 : share <= target.threshold + 1e-12;
}
