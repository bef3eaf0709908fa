import type { MoveScale } from '../../analysis/rewrite-search/run.js';
import { integer, moveText, pointsDigits, shareDigits, sharePct, shellWord, signedPoints, signedPointsInterval } from '../../report/format.js';

/** Numbers as the page shows them. */

/** `12.3%`; a rare share keeps more decimals so it is not shown as 0, and one under 0.01% reads `<0.01%`. */
export function percent(share: number, digits = 1): string {
  return sharePct(share, digits);
}

/** `11.9–12.7%`, to the decimals the share between its bounds is shown with, so the share never reads as outside it. */
export function interval(ci: readonly [number, number], share?: number): string {
  const d = Math.max(shareDigits(share ?? ci[1], 1), shareDigits(ci[1], 1));
  return `${(ci[0] * 100).toFixed(d)}–${(ci[1] * 100).toFixed(d)}%`;
}

/** A difference in percentage points with a true minus sign: `+1.2 pts`, `−0.4 pts`. */
export function pointsText(delta: number, digits = 1): string {
  return `${signedPoints(delta, digits)} pts`;
}

/** A move in the units the rewrite distance counts, with a true minus sign: `+1.5 sd`, `−0.3 sd`, `+5.9 × 0.1`, and `0.0 sd` for one that rounds to nothing. */
export function moveShown(z: number, scale: MoveScale): string {
  return moveText(z, scale, 1).replace('-', '−');
}

/** A paired difference and its interval, to as many decimals as show a clear one (see pointsDigits). */
export function differenceText(d: { readonly difference: number; readonly ci95: readonly [number, number] }): { readonly difference: string; readonly interval: string } {
  const digits = pointsDigits(d.ci95);
  return { difference: pointsText(d.difference, digits), interval: signedPointsInterval(d.ci95, digits) };
}

export { integer, shellWord };

