import { integer, points, shellWord } from '../../report/format.js';

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

export function pointsInterval(ci: readonly [number, number]): string {
  return `[${points(ci[0]).replace('-', '−')}, ${points(ci[1]).replace('-', '−')}]`;
}

export { integer, shellWord };

