/** Small pure helpers for terminal text. */

export function pct(x: number, digits = 1): string {
  return `${percentDigits(x, digits)}%`;
}

/**
 * x as a percentage to `digits` decimals. The product is first taken to 12 significant digits,
 * so one share reached two ways (110/20000 and a sum of shares) reads the same: 0.0055 · 100 is
 * 0.5499999999999999 in floating point, which toFixed would show as 0.5 beside another 0.6.
 */
function percentDigits(x: number, digits: number): string {
  return roundedFixed(Number((x * 100).toPrecision(12)), digits);
}

/**
 * v to `digits` decimals, a half rounded away from 0 as on paper. toFixed rounds the binary
 * value: 0.95 is 0.9499… and reads 0.9, while 1.05 is 1.0500… and reads 1.1; at 2,000 branches
 * every odd count is such a half.
 */
function roundedFixed(v: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(v) * scale).toPrecision(12));
  const rounded = (Math.sign(v) * Math.round(scaled)) / scale;
  return (rounded === 0 ? 0 : rounded).toFixed(digits);
}

/**
 * Decimals that keep a share that is not 0 from reading as 0, and one that is not 1 from reading
 * as 100%: `digits` from 1% up, at least one below it, two under 0.1% and from 99.95%.
 */
export function shareDigits(share: number, digits: number): number {
  if (!(share > 0)) return digits;
  if (share < 1 && share >= 0.9995) return Math.max(digits, 2);
  return share < 0.001 ? Math.max(digits, 2) : share < 0.01 ? Math.max(digits, 1) : digits;
}

/** `12.3%`; a rare share keeps more decimals so it is not shown as 0 (under 0.01%: `<0.01%`), a near-certain one so it is not shown as 100% (`>99.99%`). */
export function sharePct(share: number, digits = 1): string {
  return shareAt(share, shareDigits(share, digits));
}

/** A share to `digits` decimals, or `<0.01%` / `>99.99%` where no decimals kept would tell it from none or all. */
function shareAt(share: number, digits: number): string {
  if (share > 0 && share < 0.0001) return '<0.01%';
  if (share < 1 && share > 0.9999) return '>99.99%';
  return `${percentDigits(share, digits)}%`;
}

/**
 * A share's interval with the decimals its share is shown with, or its ends need not to read as
 * 0 or 100%: 39 of 100,000 branches read "0.04% [0.03%, 0.05%]", not "0.0% [0.0%, 0.1%]" as a
 * share of none would.
 */
export function shareInterval(share: number, ci: readonly [number, number], digits = 1): string {
  const [lo, hi] = shareIntervalEnds(share, ci, digits);
  return `[${lo}, ${hi}]`;
}

/** The two ends of shareInterval, each a percentage (`0.03%`, `<0.01%`), for a layout of its own (the terminal's `0.03–0.05`). */
export function shareIntervalEnds(share: number, ci: readonly [number, number], digits = 1): [string, string] {
  const d = Math.max(shareDigits(share, digits), shareDigits(ci[0], digits), shareDigits(ci[1], digits));
  const end = (x: number) => shareAt(x, x === 0 || x === 1 ? digits : d);
  return [end(ci[0]), end(ci[1])];
}

/** A signed number as written: "+1.5", "-0.3", and "0.0" for one that rounds to nothing (never "-0.0" or "+0.0"). */
export function signedFixed(x: number, digits = 1): string {
  return signedText(x.toFixed(digits), x, digits);
}

/**
 * A move of a value in the units the rewrite distance counts it in: "+0.9 sd" of its documented
 * uncertainty, or, for a value written without one, "+5.9 × 0.1" of its kind's default scale.
 */
export function moveText(z: number, scale: { readonly from: 'sd' | 'default'; readonly size: number }, digits?: number): string {
  // Without digits, z as it is written (a move is rounded to hundredths): "+1", "+0.78".
  const size = digits === undefined ? signedText(String(z), z, 0) : signedFixed(z, digits);
  return `${size} ${scale.from === 'sd' ? 'sd' : `× ${scale.size}`}`;
}

/** A signed difference of shares in percentage points: "+6.5", "-0.3", "0.0". */
export function points(x: number, digits = 1): string {
  return signedText(percentDigits(x, digits), x, digits);
}

function signedText(v: string, x: number, digits: number): string {
  return Number(v) === 0 ? (0).toFixed(digits) : x > 0 ? `+${v}` : v;
}

/** As points, with a true minus sign for a screen (the terminal and the page): "+1.2", "−0.4", "0.0". */
export function signedPoints(x: number, digits = 1): string {
  return points(x, digits).replace('-', '−');
}

/** A paired interval of such a difference: "[−0.4, +1.2]". */
export function signedPointsInterval(ci: readonly [number, number], digits = 1): string {
  return `[${signedPoints(ci[0], digits)}, ${signedPoints(ci[1], digits)}]`;
}

/**
 * Decimals to show a difference in percentage points with: one, and up to three where one would
 * read as 0.0 an interval that is not nothing: at its bound nearer 0 when it excludes 0 (a clear
 * difference), at its wider bound when it spans 0; and where its two ends, which differ, would
 * read alike ("[-0.1, -0.1]" looks like no uncertainty at all). Only identical files read
 * "0.0 [0.0, 0.0]", the zero-width interval of no difference at all.
 */
export function pointsDigits(ci: readonly [number, number]): number {
  const ends = [Math.abs(ci[0]) * 100, Math.abs(ci[1]) * 100];
  const shown = ci[0] > 0 || ci[1] < 0 ? Math.min(...ends) : Math.max(...ends);
  const readAlike = (digits: number) => ci[0] !== ci[1] && (ci[0] * 100).toFixed(digits) === (ci[1] * 100).toFixed(digits);
  let digits = 1;
  while (digits < 3 && ((shown > 0 && Number(shown.toFixed(digits)) === 0) || readAlike(digits))) digits++;
  return digits;
}

export function interval(ci: readonly [number, number], digits = 1): string {
  return `[${pct(ci[0], digits)}, ${pct(ci[1], digits)}]`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `width` cells for a share in [0, 1], with eighth-cell resolution. */
export function bar(share: number, width: number): string {
  const cells = Math.max(0, Math.min(1, share)) * width;
  const full = Math.floor(cells);
  const rest = Math.round((cells - full) * 8);
  const s = '█'.repeat(full) + (rest > 0 && full < width ? EIGHTHS[Math.min(rest, 7)] : '');
  return s;
}

export function padEnd(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, pairSafeCut(s, Math.max(0, n - 1)))}…`;
}

/** A path cut in the middle, keeping its start and the field it ends with: "preconditions.d…arket.threshold". */
export function truncateMiddle(s: string, n: number): string {
  if (s.length <= n) return s;
  const head = Math.floor((n - 1) / 2);
  // The tail's cut moves right, not left, so that neither part outgrows its room.
  const tail = s.length - (n - 1 - head);
  return `${s.slice(0, pairSafeCut(s, head))}…${s.slice(tail === pairSafeCut(s, tail) ? tail : tail + 1)}`;
}

/**
 * `at`, or one less when `at` falls between the two halves of a character written as a UTF-16
 * surrogate pair (an emoji): cut there, each half prints as "�". Widths here count UTF-16
 * units, which is what an emoji takes on a terminal (two columns); only the cut must respect it.
 */
export function pairSafeCut(s: string, at: number): number {
  const high = s.charCodeAt(at - 1);
  const low = s.charCodeAt(at);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at - 1 : at;
}

/** A whole number with thousands separators (1,234,567). By hand: the first toLocaleString costs ~20 ms of ICU start-up. */
export function integer(n: number): string {
  const r = Math.round(n);
  const grouped = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${grouped}` : grouped;
}

/** A file's size as people read it: 812 B, 4.2 kB, 12 kB, 3.1 MB (decimal units, as `ls -h --si`). */
export function byteSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 9.95 ? String(Math.round(value)) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** A fixed-width table: columns left-aligned unless listed in `right`. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** A report's closing warnings, after a blank line; nothing when there are none. */
export function warningLines(warnings: readonly string[]): string[] {
  return warnings.length === 0 ? [] : ['', 'Warnings', ...warnings.map((w) => `  ! ${w}`)];
}

/**
 * How often something happens, in words a class reads: "about 1 branch in 20", "about 7 branches
 * in 10", "almost every branch (more than 19 in 20)", "none of 20,000 branches". `count` of `runs`.
 */
export function rarityWords(count: number, runs: number): string {
  return rarity(count, runs).words;
}

/** How often, in words, with the verb that agrees with them: "about 1 branch in 40 joins", "about 9 branches in 10 join". */
export function rarityWithVerb(count: number, runs: number, singular: string, plural: string): string {
  const r = rarity(count, runs);
  return `${r.words} ${r.plural ? plural : singular}`;
}

/** How often branches end one way, as a clause: "about 1 branch in 40 ends this way", "about 9 branches in 10 end this way". */
export function endsThisWay(count: number, runs: number): string {
  return rarityWithVerb(count, runs, 'ends this way', 'end this way');
}

/** The words of rarityWords, and whether they take a plural verb ("about 9 branches in 10"). */
function rarity(count: number, runs: number): { readonly words: string; readonly plural: boolean } {
  if (runs <= 0 || count <= 0) return { words: `none of ${integer(runs)} branches`, plural: false };
  if (count >= runs) return { words: `every one of ${integer(runs)} branches`, plural: false };
  const p = count / runs;
  if (p > 0.95) return { words: 'almost every branch (more than 19 in 20)', plural: false };
  // At most 9: 0.95 itself would round to "10 branches in 10".
  if (p >= 0.45) return { words: `about ${Math.min(9, Math.round(p * 10))} branches in 10`, plural: true };
  return { words: `about 1 branch in ${integer(niceRound(1 / p))}`, plural: false };
}

/** 3.8 -> 4, 23 -> 23, 137 -> 140, 2,380 -> 2,400: whole below 12, else two significant figures. */
function niceRound(k: number): number {
  if (k < 12) return Math.round(k);
  const magnitude = 10 ** Math.floor(Math.log10(k) - 1);
  return Math.round(k / magnitude) * magnitude;
}

/** Words in a text as a reader counts them: runs of letters or digits (a number with its % or decimals counts once). */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu) ?? []).length;
}

/** A word of a command line as a shell reads it back: single-quoted unless it is plain. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
