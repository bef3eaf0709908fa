import { integer, points, pointsDigits, shellWord } from '../../report/format.js';

/** Numbers as the page shows them. */

/** `12.3%`; shares under 0.1% keep two decimals so a rare outcome is not shown as 0. */
export function percent(share: number, digits = 1): string {
  const d = share > 0 && share < 0.001 ? 2 : digits;
  return `${(share * 100).toFixed(d)}%`;
}

/** `11.9–12.7%`. */
export function interval(ci: readonly [number, number]): string {
  return `${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}%`;
}

/** A difference in percentage points with a true minus sign: `+1.2 pts`, `−0.4 pts`. */
export function pointsText(delta: number, digits = 1): string {
  return `${points(delta, digits).replace('-', '−')} pts`;
}

export function pointsInterval(ci: readonly [number, number], digits = 1): string {
  return `[${points(ci[0], digits).replace('-', '−')}, ${points(ci[1], digits).replace('-', '−')}]`;
}

/** A paired difference and its interval, to as many decimals as show a clear one (see pointsDigits). */
export function differenceText(d: { readonly difference: number; readonly ci95: readonly [number, number] }): { readonly difference: string; readonly interval: string } {
  const digits = pointsDigits(d.ci95);
  return { difference: pointsText(d.difference, digits), interval: pointsInterval(d.ci95, digits) };
}

export { integer, shellWord };

