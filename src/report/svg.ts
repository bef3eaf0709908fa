import { pct, sharePct } from './format.js';
import { htmlText } from './safe-text.js';
/**
 * Charts as inline SVG strings for the HTML handout: no script, no external asset, every text
 * escaped. Grey fills and outlines that survive a black-and-white printer; the two ends of a
 * tornado bar differ in shade and in outline, not only in colour.
 *
 * Nothing is clipped: every text is measured (Helvetica's widths, which Arial and Liberation
 * Sans share, with a margin) and the layout makes room for it: label columns as wide as their
 * longest label up to a limit, longer labels wrapped on two lines, legends laid out where they fit.
 */

export const CHART_FONT_SIZE = 12;
const FONT = `font-family="Helvetica, Arial, 'Liberation Sans', sans-serif" font-size="${CHART_FONT_SIZE}"`;
const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** Helvetica's advance widths (thousandths of an em) for printable ASCII, from its AFM file. */
const WIDTHS =
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,' +
  '1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,' +
  '333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584';
const ASCII = WIDTHS.split(',').map(Number);
/** A margin for a fallback font that runs wider than Helvetica. */
const SAFETY = 1.08;

/** The width of a text in the chart font, in px: an upper bound for Helvetica, Arial and Liberation Sans. */
export function textWidth(text: string, size = CHART_FONT_SIZE): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 32 && c <= 126 ? ASCII[c - 32]! : c === 0x2013 || c === 0x2019 || c === 0x2212 ? 584 : 1000;
  }
  return (w / 1000) * size * SAFETY;
}

/** A text broken into at most `lines` lines no wider than `max` px; the last cut with "…" if it must be. */
export function fitLines(text: string, max: number, lines = 2, size = CHART_FONT_SIZE): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current === '' ? word : `${current} ${word}`;
    if (textWidth(next, size) <= max || current === '') current = next;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current !== '') out.push(current);
  // Lines that fit are kept whole; only one too wide is cut, and the last only when words were left over.
  if (out.length <= lines) return out.map((l) => (textWidth(l, size) > max ? cutTo(l, max, size) : l));
  const kept = out.slice(0, lines);
  let last = out.slice(lines - 1).join(' ');
  while (last.length > 1 && textWidth(`${last}…`, size) > max) last = last.slice(0, -1).trimEnd();
  kept[lines - 1] = `${last}…`;
  return kept.map((l, i) => (i < lines - 1 && textWidth(l, size) > max ? cutTo(l, max, size) : l));
}

function cutTo(text: string, max: number, size: number): string {
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, size) > max) t = t.slice(0, -1);
  return `${t}…`;
}

/** Label column width: the longest label, within [min, max]. */
function labelColumn(labels: readonly string[], min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l))) + 8)));
}

/** A row's label, right-aligned before the bars, on one or two lines centred on `y`; the full text as its tooltip. */
function rowLabel(right: number, y: number, lines: readonly string[], full: string, fill?: string): string {
  const lineH = CHART_FONT_SIZE + 2;
  const first = y - ((lines.length - 1) * lineH) / 2;
  // A wrapped line starts with the space it was broken at: the label's text (copied, read aloud,
  // extracted) keeps its words apart ("ratification under way", not "ratificationunder way"), and
  // at the left of a right-aligned line the space moves nothing.
  const spans = lines.map((l, i) => `<tspan x="${n(right)}" y="${n(first + i * lineH)}">${htmlText(i === 0 ? l : ` ${l}`)}</tspan>`).join('');
  return `<text x="${n(right)}" y="${n(first)}" text-anchor="end"${fill === undefined ? '' : ` fill="${fill}"`}><title>${htmlText(full)}</title>${spans}</text>`;
}

/** Legend entries laid out left to right from `x0`, wrapping to a new line when the next would not fit; returns the SVG and the height used. */
function legends(entries: readonly { fill: string; text: string; dashed?: boolean }[], x0: number, width: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = x0;
  let y = 6;
  for (const e of entries) {
    const w = 16 + textWidth(e.text) + 14;
    if (x + w > width - 4 && x > x0) {
      x = x0;
      y += 18;
    }
    parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="12" height="12" fill="${e.fill}" stroke="#000"${e.dashed === true ? ' stroke-dasharray="2,2"' : ''}/><text x="${n(x + 16)}" y="${n(y + 10)}">${htmlText(e.text)}</text>`,
    );
    x += w;
  }
  return { svg: parts.join(''), height: y + 18 };
}

function svgOpen(width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" ${FONT}><title>${htmlText(title)}</title>`;
}

export interface BarRow {
  readonly label: string;
  readonly share: number;
  readonly ci95?: readonly [number, number];
}

/** Rows laid out with their labels wrapped to fit the label column: each row's top and height. */
function layoutRows(labels: readonly string[], labelW: number, baseH: number): { lines: string[][]; tops: number[]; heights: number[]; total: number } {
  const lines = labels.map((l) => fitLines(l, labelW - 8));
  const heights = lines.map((ls) => baseH + (ls.length - 1) * (CHART_FONT_SIZE + 2));
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h;
  }
  return { lines, tops, heights, total: y };
}

/** Horizontal bars of shares on a 0–100% axis, each with its 95% interval as a whisker. */
export function barChartSvg(rows: readonly BarRow[], title: string, width = 640): string {
  const valueW = Math.ceil(Math.max(textWidth('100.0%'), ...rows.map((r) => textWidth(sharePct(r.share))))) + 8;
  const labelW = labelColumn(rows.map((r) => r.label), 120, Math.round(width * 0.42));
  const barW = width - labelW - valueW - 14;
  const x = (share: number) => labelW + Math.max(0, Math.min(1, share)) * barW;
  const top = 8;
  const layout = layoutRows(rows.map((r) => r.label), labelW, 22);
  const height = top + layout.total + 26;
  const out = [svgOpen(width, height, title)];
  rows.forEach((r, i) => {
    const y = top + layout.tops[i]!;
    const mid = y + layout.heights[i]! / 2;
    out.push(rowLabel(labelW - 6, mid + 4, layout.lines[i]!, r.label));
    out.push(`<rect x="${labelW}" y="${n(mid - 7)}" width="${n(x(r.share) - labelW)}" height="14" fill="#555"/>`);
    if (r.ci95 !== undefined) {
      const [lo, hi] = r.ci95;
      out.push(`<line x1="${n(x(lo))}" x2="${n(x(hi))}" y1="${n(mid)}" y2="${n(mid)}" stroke="#000" stroke-width="1"/>`);
    }
    out.push(`<text x="${n(width - 4)}" y="${n(mid + 4)}" text-anchor="end">${htmlText(sharePct(r.share))}</text>`);
  });
  const axisY = top + layout.total + 4;
  out.push(`<line x1="${labelW}" x2="${labelW + barW}" y1="${axisY}" y2="${axisY}" stroke="#000"/>`);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const anchor = t === 1 ? 'end' : t === 0 ? 'start' : 'middle';
    out.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${axisY}" y2="${axisY + 4}" stroke="#000"/>`);
    out.push(`<text x="${n(x(t))}" y="${axisY + 16}" text-anchor="${anchor}">${t * 100}%</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

export interface TornadoBar {
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** False when the swing lies within Monte Carlo error: drawn faint, outlined dashed, and said. */
  readonly clear?: boolean;
}

/**
 * A tornado: one row per parameter, a light bar from the baseline to the share with the
 * parameter at the low end of its range and a dark one to the share at the high end. A swing
 * within Monte Carlo error is drawn as a dashed outline with its label in grey.
 */
export function tornadoSvg(rows: readonly TornadoBar[], baseline: number, title: string, width = 640, span?: { min: number; max: number }): string {
  const labelW = labelColumn(rows.map((r) => r.label), 140, Math.round(width * 0.45));
  const barW = width - labelW - 20;
  const entries = [
    { fill: '#ddd', text: 'parameter at the low end of its range' },
    { fill: '#333', text: 'at the high end' },
    ...(rows.some((r) => r.clear === false) ? [{ fill: '#fff', text: 'interval includes 0: no clear effect', dashed: true }] : []),
  ];
  const legend = legends(entries, 4, width);
  const top = legend.height + 6;
  const layout = layoutRows(rows.map((r) => r.label), labelW, 24);
  const height = top + layout.total + 30;
  let min = span?.min ?? Math.min(baseline, ...rows.flatMap((r) => [r.low, r.high]));
  let max = span?.max ?? Math.max(baseline, ...rows.flatMap((r) => [r.low, r.high]));
  if (max - min < 1e-9) {
    min = Math.max(0, min - 0.005);
    max = min + 0.01;
  }
  const pad = (max - min) * 0.05;
  const x = (s: number) => labelW + ((s - (min - pad)) / (max - min + 2 * pad)) * barW;
  const out = [svgOpen(width, height, title), legend.svg];
  rows.forEach((r, i) => {
    const y = top + layout.tops[i]!;
    const mid = y + layout.heights[i]! / 2;
    const clear = r.clear !== false;
    out.push(rowLabel(labelW - 6, mid + 4, layout.lines[i]!, clear ? r.label : `${r.label} (no clear effect)`, clear ? undefined : '#666'));
    const bar = (to: number, fill: string, dy: number) => {
      const a = Math.min(x(baseline), x(to));
      const w = Math.abs(x(to) - x(baseline));
      const look = clear ? `fill="${fill}" stroke="#000" stroke-width="0.5"` : 'fill="#fff" stroke="#777" stroke-width="0.75" stroke-dasharray="2,2"';
      return `<rect x="${n(a)}" y="${n(mid + dy)}" width="${n(Math.max(w, 0.5))}" height="8" ${look}/>`;
    };
    out.push(bar(r.low, '#ddd', -8), bar(r.high, '#333', 0));
  });
  const bx = x(baseline);
  const bottom = top + layout.total;
  out.push(`<line x1="${n(bx)}" x2="${n(bx)}" y1="${top - 4}" y2="${bottom + 4}" stroke="#000" stroke-dasharray="3,2"/>`);
  out.push(`<line x1="${labelW}" x2="${labelW + barW}" y1="${bottom + 4}" y2="${bottom + 4}" stroke="#000"/>`);
  // The baseline's tick is centred on it but kept inside the chart; the ends only where they do not collide with it.
  const baseText = `baseline ${sharePct(baseline)}`;
  const baseW = textWidth(baseText);
  const baseX = Math.max(labelW + baseW / 2, Math.min(width - 4 - baseW / 2, bx));
  out.push(`<text x="${n(baseX)}" y="${bottom + 18}" text-anchor="middle">${htmlText(baseText)}</text>`);
  const minText = pct(min);
  const maxText = pct(max);
  if (x(min) + textWidth(minText) + 6 < baseX - baseW / 2) out.push(`<text x="${n(x(min))}" y="${bottom + 18}" text-anchor="start">${minText}</text>`);
  if (x(max) - textWidth(maxText) - 6 > baseX + baseW / 2) out.push(`<text x="${n(x(max))}" y="${bottom + 18}" text-anchor="end">${maxText}</text>`);
  out.push('</svg>');
  return out.join('');
}

export interface PairRow {
  readonly label: string;
  readonly a: number;
  readonly b: number;
}

/**
 * Two bars a row on a 0–100% axis: a comparison at a glance. The team the chart is for (B, the
 * centre) is drawn first and dark, the other light below it; the legend names both.
 */
export function pairedBarsSvg(rows: readonly PairRow[], names: readonly [string, string], title: string, width = 640): string {
  const valueText = (r: PairRow) => `${sharePct(r.b)} · ${sharePct(r.a)}`;
  const valueW = Math.ceil(Math.max(textWidth('100.0% · 100.0%'), ...rows.map((r) => textWidth(valueText(r))))) + 8;
  const labelW = labelColumn(rows.map((r) => r.label), 120, Math.round(width * 0.4));
  const barW = width - labelW - valueW - 10;
  const x = (share: number) => labelW + Math.max(0, Math.min(1, share)) * barW;
  const legend = legends(
    [
      { fill: '#333', text: names[1] },
      { fill: '#ddd', text: names[0] },
    ],
    4,
    width,
  );
  const top = legend.height + 4;
  // Rows as tall as the single chart's (22): a printed page holds the pair and the page's text.
  const layout = layoutRows(rows.map((r) => r.label), labelW, 22);
  const height = top + layout.total + 8;
  const out = [svgOpen(width, height, title), legend.svg];
  rows.forEach((r, i) => {
    const y = top + layout.tops[i]!;
    const mid = y + layout.heights[i]! / 2;
    out.push(rowLabel(labelW - 6, mid + 4, layout.lines[i]!, r.label));
    out.push(`<rect x="${labelW}" y="${n(mid - 8)}" width="${n(x(r.b) - labelW)}" height="8" fill="#333"/>`);
    out.push(`<rect x="${labelW}" y="${n(mid)}" width="${n(x(r.a) - labelW)}" height="7" fill="#ddd" stroke="#000" stroke-width="0.5"/>`);
    out.push(`<text x="${n(width - 4)}" y="${n(mid + 4)}" text-anchor="end">${htmlText(valueText(r))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
