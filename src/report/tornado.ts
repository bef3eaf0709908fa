import type { Scenario } from '../model/scenario.js';
import type { SensitivityReport, SwingRow } from '../batch/sensitivity.js';
import { integer, interval, padEnd, padStart, pct, table, truncate } from './format.js';
import { paramLabel } from './param-labels.js';

export interface TornadoOptions {
  /** Terminal width to fit; default 80. */
  readonly width?: number;
  /** Rows to show in the chart and the Morris table. */
  readonly top?: number;
}

/** Characters that read without colour (NO_COLOR): the two ends differ by shape, not hue. */
export const TORNADO_GLYPHS = { high: '█', low: '░', baseline: '│' } as const;

/** A signed difference of shares in percentage points: "+6.5", "-0.3", "0.0". */
export function points(x: number, digits = 1): string {
  const v = (x * 100).toFixed(digits);
  return x > 0 && Number(v) !== 0 ? `+${v}` : Number(v) === 0 ? (0).toFixed(digits) : v;
}

/** A parameter value short enough for a column: 0.35, 12, -0.05. */
export function value(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

/**
 * The tornado as terminal lines: one row per factor, the bar spanning the measured share with
 * the factor at its low end (░) and at its high end (█), the baseline as a vertical line.
 */
export function tornadoLines(rows: readonly SwingRow[], baseline: number, width: number): string[] {
  if (rows.length === 0) return [];
  const label = Math.min(34, Math.max(12, ...rows.map((r) => r.path.length)));
  const range = Math.max(...rows.map((r) => `${value(r.lo)}–${value(r.hi)}`.length));
  const tail = 22;
  const bar = Math.max(12, width - 2 - label - 2 - range - 2 - tail);
  let min = Math.min(baseline, ...rows.flatMap((r) => [r.low.share, r.high.share]));
  let max = Math.max(baseline, ...rows.flatMap((r) => [r.low.share, r.high.share]));
  if (max - min < 1e-9) {
    min = Math.max(0, min - 0.005);
    max = min + 0.01;
  }
  const at = (x: number) => Math.round(((x - min) / (max - min)) * (bar - 1));
  const b = at(baseline);
  const axis = axisLine(bar, [
    [0, pct(min)],
    [b, pct(baseline)],
    [bar - 1, pct(max)],
  ]);
  const out = [`  ${' '.repeat(label + 2 + range + 2)}${axis}`];
  for (const r of rows) {
    const cells = new Array<string>(bar).fill(' ');
    const paint = (x: number, glyph: string) => {
      const p = at(x);
      for (let c = Math.min(p, b); c <= Math.max(p, b); c++) cells[c] = glyph;
    };
    // The longer side first, so the shorter stays visible where both lie on one side.
    const lowFirst = Math.abs(at(r.low.share) - b) >= Math.abs(at(r.high.share) - b);
    if (lowFirst) {
      paint(r.low.share, TORNADO_GLYPHS.low);
      paint(r.high.share, TORNADO_GLYPHS.high);
    } else {
      paint(r.high.share, TORNADO_GLYPHS.high);
      paint(r.low.share, TORNADO_GLYPHS.low);
    }
    cells[b] = TORNADO_GLYPHS.baseline;
    const ends = `${padStart(pct(r.low.share), 6)} ${padStart(pct(r.high.share), 6)} ${padStart(points(r.swing), 6)}`;
    out.push(`  ${padEnd(truncate(r.path, label), label)}  ${padStart(`${value(r.lo)}–${value(r.hi)}`, range)}  ${cells.join('')}  ${ends}`);
  }
  return out;
}

/** Tick labels placed along an axis of `width` cells without overlapping. */
function axisLine(width: number, ticks: readonly (readonly [number, string])[]): string {
  const cells = new Array<string>(width + 8).fill(' ');
  let free = 0;
  for (const [at, text] of ticks) {
    const start = Math.max(free, Math.min(at - Math.floor(text.length / 2), width - text.length));
    if (start + text.length > cells.length) continue;
    for (let i = 0; i < text.length; i++) cells[start + i] = text[i]!;
    free = start + text.length + 1;
  }
  return cells.join('').trimEnd();
}

/** The readable sensitivity report: the tornado, the Morris ranking, and what each path means. */
export function sensitivityText(r: SensitivityReport, scenario: Scenario, options: TornadoOptions = {}): string {
  const width = Math.max(70, options.width ?? 80);
  const top = options.top ?? 15;
  const out: string[] = [];
  out.push(`Sensitivity of "${r.measureLabel}": ${r.title} (${r.scenario})`);
  out.push(`${integer(r.runs)} branches per run | seed ${r.seed} | common random numbers | v${r.version}`);
  out.push(`Baseline (every parameter as written): ${pct(r.baseline.share)} ${interval(r.baseline.ci95)}`);
  out.push('');
  if (r.swings.length === 0) {
    out.push('No parameter has a range: give one with --range path=lo:hi, or write a distribution in the scenario.');
    return out.join('\n') + '\n';
  }
  const shown = r.swings.slice(0, top);
  out.push(`One at a time (tornado): each parameter fixed at the low end of its range (${TORNADO_GLYPHS.low}), then at the high end (${TORNADO_GLYPHS.high});`);
  out.push(`every other parameter as written. ${TORNADO_GLYPHS.baseline} = baseline. Swing = high − low, in percentage points.`);
  out.push('');
  out.push(...tornadoLines(shown, r.baseline.share, width));
  const flat = r.swings.filter((s) => s.low.count === s.high.count).length;
  const rest = r.swings.length - shown.length;
  if (rest > 0) out.push(`  ... ${rest} more parameter${rest === 1 ? '' : 's'} with smaller swings${flat > 0 ? ` (${flat} with none at all)` : ''}; --top ${r.swings.length} shows all`);
  if (r.swings.every((s) => s.low.count === 0 && s.high.count === 0)) {
    out.push('', `No branch reached "${r.measure}" at either end of any range: try another --outcome (applied, invited) or wider --range values.`);
  }
  out.push('');
  if (r.morris !== null) {
    const m = r.morris;
    out.push(`Global: ${m.method}`);
    out.push(`  ${m.trajectories} trajectories over all ${r.swings.length} parameters at once, ${m.levels} levels, step ${value(m.delta)} of each range,`);
    out.push(`  ${integer(m.runsPerPoint)} branches per point. μ* = mean |effect| in percentage points per full range;`);
    out.push(`  uncertainty: ${m.uncertainty}. σ = spread of the effects (interactions, non-linearity).`);
    const rows = m.rows.slice(0, top).map((row, i) => [String(i + 1), truncate(row.path, 38), points(row.muStar).replace('+', ''), `[${points(row.muStarCi95[0]).replace('+', '')}, ${points(row.muStarCi95[1]).replace('+', '')}]`, points(row.mu), points(row.sigma).replace('+', '')]);
    out.push(...table(['rank', 'parameter', 'μ*', '95% interval', 'μ', 'σ'], rows, new Set([0, 2, 4, 5])).map((l) => `  ${l}`));
    out.push('');
  }
  out.push('What the top parameters are');
  const named = new Map<string, string>();
  for (const s of shown.slice(0, Math.min(top, 10))) named.set(s.path, s.source ?? '');
  for (const row of r.morris?.rows.slice(0, Math.min(top, 10)) ?? []) if (!named.has(row.path)) named.set(row.path, r.swings.find((s) => s.path === row.path)?.source ?? '');
  for (const [path, source] of named) out.push(`  ${truncate(path, 38)}  ${paramLabel(scenario, path)}${source ? ` [${source}]` : ''}`);
  if (r.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of r.warnings) out.push(`  ! ${w}`);
  }
  return out.join('\n') + '\n';
}
