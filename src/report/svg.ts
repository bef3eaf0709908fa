import { pct, truncate } from './format.js';
import { htmlText } from './safe-text.js';
/**
 * Charts as inline SVG strings for the HTML handout: no script, no external asset, every text
 * escaped. Grey fills and outlines that survive a black-and-white printer; the two ends of a
 * tornado bar differ in shade and in outline, not only in colour.
 */

const FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="12"';
const n = (x: number) => (Math.round(x * 10) / 10).toString();
const pctText = (x: number) => pct(x);

/** Where the bars of a 0–100% chart go: labels on the left, values on the right. */
function shareAxis(width: number, valueW: number): { labelW: number; barW: number; x: (share: number) => number } {
  const labelW = 250;
  const barW = width - labelW - valueW - 10;
  return { labelW, barW, x: (share) => labelW + Math.max(0, Math.min(1, share)) * barW };
}

/** A row's label, right-aligned before the bars; the full text as its tooltip. */
function rowLabel(right: number, y: number, label: string, max: number): string {
  return `<text x="${n(right)}" y="${n(y)}" text-anchor="end"><title>${htmlText(label)}</title>${htmlText(truncate(label, max))}</text>`;
}

/** A legend entry: a swatch and its meaning. */
function legend(x: number, fill: string, text: string): string {
  return `<rect x="${n(x)}" y="6" width="12" height="12" fill="${fill}" stroke="#000"/><text x="${n(x + 16)}" y="16">${htmlText(text)}</text>`;
}

function svgOpen(width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" ${FONT}><title>${htmlText(title)}</title>`;
}

export interface BarRow {
  readonly label: string;
  readonly share: number;
  readonly ci95?: readonly [number, number];
}

/** Horizontal bars of shares on a 0–100% axis, each with its 95% interval as a whisker. */
export function barChartSvg(rows: readonly BarRow[], title: string, width = 640): string {
  const { labelW, barW, x } = shareAxis(width, 60);
  const rowH = 22;
  const top = 8;
  const height = top + rows.length * rowH + 24;
  const out = [svgOpen(width, height, title)];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(rowLabel(labelW - 6, y + 15, r.label, 40));
    out.push(`<rect x="${labelW}" y="${n(y + 4)}" width="${n(x(r.share) - labelW)}" height="14" fill="#555"/>`);
    if (r.ci95 !== undefined) {
      const [lo, hi] = r.ci95;
      out.push(`<line x1="${n(x(lo))}" x2="${n(x(hi))}" y1="${n(y + 11)}" y2="${n(y + 11)}" stroke="#000" stroke-width="1"/>`);
    }
    out.push(`<text x="${n(width - 4)}" y="${n(y + 15)}" text-anchor="end">${pctText(r.share)}</text>`);
  });
  const axisY = top + rows.length * rowH + 4;
  out.push(`<line x1="${labelW}" x2="${labelW + barW}" y1="${axisY}" y2="${axisY}" stroke="#000"/>`);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${axisY}" y2="${axisY + 4}" stroke="#000"/>`);
    out.push(`<text x="${n(x(t))}" y="${axisY + 16}" text-anchor="middle">${t * 100}%</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

export interface TornadoBar {
  readonly label: string;
  readonly low: number;
  readonly high: number;
}

/**
 * A tornado: one row per parameter, a light bar from the baseline to the share with the
 * parameter at the low end of its range and a dark one to the share at the high end.
 */
export function tornadoSvg(rows: readonly TornadoBar[], baseline: number, title: string, width = 640): string {
  const labelW = 260;
  const barW = width - labelW - 20;
  const rowH = 24;
  const top = 28;
  const height = top + rows.length * rowH + 30;
  let min = Math.min(baseline, ...rows.flatMap((r) => [r.low, r.high]));
  let max = Math.max(baseline, ...rows.flatMap((r) => [r.low, r.high]));
  if (max - min < 1e-9) {
    min = Math.max(0, min - 0.005);
    max = min + 0.01;
  }
  const pad = (max - min) * 0.05;
  const x = (s: number) => labelW + ((s - (min - pad)) / (max - min + 2 * pad)) * barW;
  const out = [svgOpen(width, height, title)];
  out.push(legend(labelW, '#ddd', 'parameter at the low end of its range'), legend(labelW + 250, '#333', 'at the high end'));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(rowLabel(labelW - 6, y + 16, r.label, 42));
    const bar = (to: number, fill: string, dy: number) => {
      const a = Math.min(x(baseline), x(to));
      const w = Math.abs(x(to) - x(baseline));
      return `<rect x="${n(a)}" y="${n(y + dy)}" width="${n(Math.max(w, 0.5))}" height="8" fill="${fill}" stroke="#000" stroke-width="0.5"/>`;
    };
    out.push(bar(r.low, '#ddd', 4), bar(r.high, '#333', 12));
  });
  const bx = x(baseline);
  const bottom = top + rows.length * rowH;
  out.push(`<line x1="${n(bx)}" x2="${n(bx)}" y1="${top - 4}" y2="${bottom + 4}" stroke="#000" stroke-dasharray="3,2"/>`);
  out.push(`<line x1="${labelW}" x2="${labelW + barW}" y1="${bottom + 4}" y2="${bottom + 4}" stroke="#000"/>`);
  const ticks: [number, string][] = [
    [min, pctText(min)],
    [baseline, `baseline ${pctText(baseline)}`],
    [max, pctText(max)],
  ];
  for (const [t, label] of ticks) {
    const anchor = t === baseline ? 'middle' : t === min ? 'start' : 'end';
    out.push(`<text x="${n(x(t))}" y="${bottom + 18}" text-anchor="${anchor}">${htmlText(label)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

export interface PairRow {
  readonly label: string;
  readonly a: number;
  readonly b: number;
}

/** Two bars a row, A light and B dark, on a 0–100% axis: a comparison at a glance. */
export function pairedBarsSvg(rows: readonly PairRow[], names: readonly [string, string], title: string, width = 640): string {
  const { labelW, x } = shareAxis(width, 110);
  const rowH = 28;
  const top = 26;
  const height = top + rows.length * rowH + 8;
  const out = [svgOpen(width, height, title)];
  out.push(legend(labelW, '#ddd', `A: ${truncate(names[0], 24)}`), legend(labelW + 200, '#333', `B: ${truncate(names[1], 24)}`));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(rowLabel(labelW - 6, y + 16, r.label, 40));
    out.push(`<rect x="${labelW}" y="${n(y + 3)}" width="${n(x(r.a) - labelW)}" height="10" fill="#ddd" stroke="#000" stroke-width="0.5"/>`);
    out.push(`<rect x="${labelW}" y="${n(y + 13)}" width="${n(x(r.b) - labelW)}" height="10" fill="#333"/>`);
    out.push(`<text x="${n(width - 4)}" y="${n(y + 16)}" text-anchor="end">${pctText(r.a)} → ${pctText(r.b)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
