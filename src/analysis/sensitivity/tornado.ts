import type { Scenario } from '../../model/scenario.js';
import type { SensitivityReport, SwingRow } from './run.js';
import { integer, padEnd, padStart, pct, points, sharePct, shareInterval, table, truncateMiddle } from '../../report/format.js';
import { prose } from '../../report/fit.js';
import { paramLabel } from '../../report/param-labels.js';
import type { Share } from '../../model/results.js';
import { newcombeUnpaired } from '../compare/comparison.js';

export interface TornadoOptions {
  /** Terminal width to fit (at least 70); none for a file or a pipe, where prose is whole and the chart has its 80-column bars. */
  readonly width?: number;
  /** Rows to show in the chart and the Morris table. */
  readonly top?: number;
}

/** Characters that read without colour (NO_COLOR): the two ends differ by shape, not hue. */
export const TORNADO_GLYPHS = { high: '█', low: '░', baseline: '│', unclear: '·' } as const;

/** What a swing whose (unpaired, cautious) interval includes 0 is called wherever a tornado is shown. */
export const NO_CLEAR_EFFECT = 'no clear effect';

/**
 * Whether a swing stands clear of Monte Carlo error: the 95% interval of high − low excludes 0.
 * The interval is the unpaired one (Newcombe); the two ends run on common random numbers, which
 * can only narrow it, so a swing called clear here is clear, and one called unclear may be a
 * small real effect that more branches (--runs) would show.
 */
export function swingIsClear(row: Pick<SwingRow, 'low' | 'high'>): boolean {
  const [lo, hi] = newcombeUnpaired(row.low, row.high);
  return lo > 0 || hi < 0;
}

/**
 * The span a tornado's axis covers: every end and the baseline, and at least the baseline's own
 * 95% interval, so that swings smaller than the Monte Carlo error never fill the chart.
 */
export function tornadoSpan(rows: readonly Pick<SwingRow, 'low' | 'high'>[], baseline: Share): { min: number; max: number } {
  let min = Math.min(baseline.share, baseline.ci95[0], ...rows.flatMap((r) => [r.low.share, r.high.share]));
  let max = Math.max(baseline.share, baseline.ci95[1], ...rows.flatMap((r) => [r.low.share, r.high.share]));
  if (max - min < 1e-9) {
    min = Math.max(0, min - 0.005);
    max = min + 0.01;
  }
  return { min, max };
}


/** A parameter value short enough for a column: 0.35, 12, -0.05. */
export function value(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

/** A range as words: "0.1 to 0.35". */
export function rangeText(lo: number, hi: number): string {
  return `${value(lo)} to ${value(hi)}`;
}

/** The fewest cells a tornado's bar keeps in a terminal. */
const MIN_TORNADO_BAR = 14;

/**
 * The tornado as terminal lines: one row per factor, the bar spanning the measured share with
 * the factor at its low end (░) and at its high end (█), the baseline as a vertical line.
 */
export function tornadoLines(rows: readonly SwingRow[], base: Share, width: number): string[] {
  if (rows.length === 0) return [];
  const baseline = base.share;
  const fits = Number.isFinite(width);
  const longest = Math.max(12, ...rows.map((r) => r.path.length));
  const wanted = fits ? Math.min(32, longest) : longest;
  // Room for "  no clear effect" after the numbers when a row needs it.
  const tail = 21 + (rows.every(swingIsClear) ? 0 : 2 + NO_CLEAR_EFFECT.length);
  // In a terminal the paths give way (cut in the middle) to keep the bars; in a file or a pipe
  // (width Infinity) the chart has the bars of 80 columns and every path whole.
  const room = (fits ? width : 80) - 2 - 2 - 2 - tail;
  const label = fits ? Math.max(12, Math.min(wanted, room - MIN_TORNADO_BAR)) : wanted;
  const bar = Math.max(fits ? MIN_TORNADO_BAR : 16, room - label);
  const { min, max } = tornadoSpan(rows, base);
  const at = (x: number) => Math.round(((x - min) / (max - min)) * (bar - 1));
  const b = at(baseline);
  // The baseline's tick first: the ends are labelled only where they do not collide with it.
  const axis = axisLine(bar, [
    [b, pct(baseline)],
    [0, pct(min)],
    [bar - 1, pct(max)],
  ]);
  const out = [`  ${padEnd('', label)}  ${axis}`, `  ${padEnd('parameter', label)}  ${' '.repeat(bar)}  ${padStart('low', 6)} ${padStart('high', 6)} ${padStart('swing', 6)}`];
  for (const r of rows) {
    const cells = new Array<string>(bar).fill(' ');
    const paint = (x: number, glyph: string) => {
      const p = at(x);
      for (let c = Math.min(p, b); c <= Math.max(p, b); c++) cells[c] = glyph;
    };
    // The longer side first, so the shorter stays visible where both lie on one side.
    const lowFirst = Math.abs(at(r.low.share) - b) >= Math.abs(at(r.high.share) - b);
    const clear = swingIsClear(r);
    // Within Monte Carlo error: drawn faint (·) whatever the end, and said in words.
    const glyph = (g: string) => (clear ? g : TORNADO_GLYPHS.unclear);
    if (lowFirst) {
      paint(r.low.share, glyph(TORNADO_GLYPHS.low));
      paint(r.high.share, glyph(TORNADO_GLYPHS.high));
    } else {
      paint(r.high.share, glyph(TORNADO_GLYPHS.high));
      paint(r.low.share, glyph(TORNADO_GLYPHS.low));
    }
    cells[b] = TORNADO_GLYPHS.baseline;
    const ends = `${padStart(pct(r.low.share), 6)} ${padStart(pct(r.high.share), 6)} ${padStart(points(r.swing), 6)}`;
    out.push(`  ${padEnd(truncateMiddle(r.path, label), label)}  ${cells.join('')}  ${ends}${clear ? '' : `  ${NO_CLEAR_EFFECT}`}`);
  }
  return out;
}

/** Tick labels along an axis of `width` cells, centred on their cell; one that would overlap another is left out. */
function axisLine(width: number, ticks: readonly (readonly [number, string])[]): string {
  const cells = new Array<string>(width + 6).fill(' ');
  const used = new Array<boolean>(cells.length).fill(false);
  for (const [at, text] of ticks) {
    const start = Math.max(0, Math.min(at - Math.floor(text.length / 2), cells.length - text.length));
    if (used.slice(Math.max(0, start - 1), start + text.length + 1).some(Boolean)) continue;
    for (let i = 0; i < text.length; i++) {
      cells[start + i] = text[i]!;
      used[start + i] = true;
    }
  }
  return cells.join('').trimEnd();
}

/** The readable sensitivity report: the tornado, the Morris ranking, and what each path means. */
export function sensitivityText(r: SensitivityReport, scenario: Scenario, options: TornadoOptions = {}): string {
  const width = options.width === undefined ? Infinity : Math.max(70, options.width);
  const top = options.top ?? 15;
  const out: string[] = [];
  const say = (text: string, lead = '', hanging?: string) => out.push(...prose(text, width, lead, hanging));
  say(`Sensitivity of "${r.measureLabel}": ${r.title} (${r.scenario})`);
  say(`${integer(r.runs)} branches per run | seed ${r.seed} | common random numbers | v${r.version}`);
  say(`Baseline (every parameter as written): ${sharePct(r.baseline.share)} ${shareInterval(r.baseline.share, r.baseline.ci95)}`);
  out.push('');
  if (r.swings.length === 0) {
    say('No parameter has a range: give one with --range path=lo:hi, or write a distribution in the scenario.');
    return out.join('\n') + '\n';
  }
  const moving = r.swings.filter((s) => s.low.count !== s.high.count || s.low.count !== r.baseline.count);
  const shown = moving.slice(0, top);
  const switches = r.swings.filter((s) => s.from === 'switch').length;
  say(`One at a time (tornado): each parameter fixed at the low end of its range (${TORNADO_GLYPHS.low}), then at the high end (${TORNADO_GLYPHS.high});`, '', '');
  if (switches > 0) say(`each rule and event switched off (${TORNADO_GLYPHS.low}), then on (${TORNADO_GLYPHS.high});`, '', '');
  say(`every other parameter as written. ${TORNADO_GLYPHS.baseline} = baseline. Swing = high − low, in percentage points.`, '', '');
  say(`${TORNADO_GLYPHS.unclear} = ${NO_CLEAR_EFFECT}: the swing's 95% interval includes 0. It is the cautious, unpaired one: both ends run on the same branches,`, '', '  ');
  say('so a small swing can still be real; more --runs, or `compare` of two files at the two ends (a paired interval), may show it.', '  ');
  out.push('');
  out.push(...tornadoLines(shown, r.baseline, width));
  const unclear = shown.filter((s) => !swingIsClear(s)).length;
  if (shown.length > 0 && unclear === shown.length) {
    out.push('');
    say(`No swing shown stands clear of Monte Carlo error at ${integer(r.runs)} branches a run: none of them is a finding yet.`);
  }
  const rest = moving.length - shown.length;
  if (rest > 0) say(`... ${rest} more with smaller swings (--top ${moving.length} shows them)`, '  ');
  const still = r.swings.length - moving.length;
  const what = switches === 0 ? 'parameters with a range' : 'parameters with a range, rules and events';
  if (still > 0) say(`${still} of the ${r.swings.length} ${what} did not move the share at all at either end.`, '  ');
  if (moving.length === 0) {
    out.push('');
    say(`The share of "${r.measure}" did not move at either end of any range: try another --outcome (applied, invited, ...) or wider --range values.`);
  }
  out.push('');
  if (r.morris !== null) {
    const m = r.morris;
    say(`Global: ${m.method}`);
    say(`${m.trajectories} trajectories over all ${r.swings.length} ${switches === 0 ? 'parameters' : 'parameters and switches'} at once, ${m.levels} levels, step ${value(m.delta)} of each range,`, '  ', '  ');
    say(`${integer(m.runsPerPoint)} branches per point. μ* = mean |effect|, in percentage points per full range${switches === 0 ? '' : ' (a switch: on − off)'};`, '  ', '  ');
    say(`μ = mean signed effect; σ = spread of the effects (interactions, non-linearity).`, '  ', '  ');
    say(`Uncertainty of μ*: ${m.uncertainty}.`, '  ');
    const abs = (x: number) => (Math.abs(x) * 100).toFixed(1);
    const full = m.rows
      .filter((row) => row.muStar > 0)
      .slice(0, top)
      .map((row, i) => [String(i + 1), row.path, abs(row.muStar), `[${abs(row.muStarCi95[0])}, ${abs(row.muStarCi95[1])}]`, points(row.mu), abs(row.sigma)]);
    const headers = ['rank', 'parameter', 'μ*', '95% interval', 'μ', 'σ'];
    // The path is cut in the middle to what the terminal leaves beside the numbers (40 at most); whole in a file or a pipe.
    const others = headers.reduce((sum, h, i) => (i === 1 ? sum : sum + Math.max(h.length, ...full.map((row) => row[i]!.length)) + 2), 2);
    const pathWidth = Number.isFinite(width) ? Math.max(12, Math.min(40, width - others)) : Infinity;
    const rows = full.map((row) => row.map((cell, i) => (i === 1 ? truncateMiddle(cell, pathWidth) : cell)));
    if (rows.length === 0) out.push('  No parameter moved the share on any trajectory.');
    else out.push(...table(headers, rows, new Set([0, 2, 4, 5])).map((l) => `  ${l}`));
    out.push('');
  }
  const morrisTop = r.morris?.rows.filter((m) => m.muStar > 0).slice(0, Math.min(top, 10)) ?? [];
  const named = new Set([...shown.slice(0, 10).map((s) => s.path), ...morrisTop.map((m) => m.path)]);
  if (named.size > 0) out.push('What the top parameters are (range moved over, meaning, source)');
  for (const path of named) {
    const s = r.swings.find((x) => x.path === path)!;
    say(`${path}  ${s.from === 'switch' ? `off, on (as written: ${s.central === 1 ? 'on' : 'off'})` : rangeText(s.lo, s.hi)}${s.from === 'range' ? ' (--range)' : ''}`, '  ', '      ');
    say(`${paramLabel(scenario, path)}${s.source ? ` [${s.source}]` : ''}`, '      ');
  }
  if (r.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of r.warnings) say(w, '  ! ', '    ');
  }
  return out.join('\n') + '\n';
}
