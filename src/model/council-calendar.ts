/**
 * When the North Atlantic Council can decide an invitation (fact sheet §1.6): at a summit of heads
 * of state and government, at a meeting of foreign ministers, or (before any summit existed) at
 * the Council in ministerial session. The record gives the summits and the ministerial meetings
 * that invited someone; foreign ministers otherwise meet about twice a year, in spring and in
 * December, taken here as May and December of every year.
 */

export interface CouncilMeeting {
  /** YYYY-MM-DD (the first day of a meeting over several days). */
  readonly date: string;
  readonly kind: 'summit' | 'ministerial';
  readonly place: string;
  readonly source: string;
}

const SUMMITS: readonly (readonly [string, string])[] = [
  ['1957-12-16', 'Paris'],
  ['1974-06-26', 'Brussels'],
  ['1975-05-29', 'Brussels'],
  ['1977-05-10', 'London'],
  ['1978-05-30', 'Washington'],
  ['1982-06-10', 'Bonn'],
  ['1985-11-21', 'Brussels'],
  ['1988-03-02', 'Brussels'],
  ['1989-05-29', 'Brussels'],
  ['1989-12-04', 'Brussels'],
  ['1990-07-05', 'London'],
  ['1991-11-07', 'Rome'],
  ['1994-01-10', 'Brussels'],
  ['1997-05-27', 'Paris'],
  ['1997-07-08', 'Madrid'],
  ['1999-04-23', 'Washington'],
  ['2001-06-13', 'Brussels'],
  ['2002-05-28', 'Rome'],
  ['2002-11-21', 'Prague'],
  ['2004-06-28', 'Istanbul'],
  ['2005-02-22', 'Brussels'],
  ['2006-11-28', 'Riga'],
  ['2008-04-02', 'Bucharest'],
  ['2009-04-03', 'Strasbourg-Kehl'],
  ['2010-11-19', 'Lisbon'],
  ['2012-05-20', 'Chicago'],
  ['2014-09-04', 'Newport'],
  ['2016-07-08', 'Warsaw'],
  ['2017-05-25', 'Brussels'],
  ['2018-07-11', 'Brussels'],
  ['2019-12-03', 'London'],
  ['2021-06-14', 'Brussels'],
  ['2022-03-24', 'Brussels'],
  ['2022-06-28', 'Madrid'],
  ['2023-07-11', 'Vilnius'],
  ['2024-07-09', 'Washington'],
];

/** Ministerial meetings the record names because they decided an invitation (§1.6). */
const RECORDED_MINISTERIALS: readonly CouncilMeeting[] = [
  { date: '1951-09-20', kind: 'ministerial', place: 'Ottawa', source: 'S3 (§1.4, §1.6)' },
  { date: '1954-10-23', kind: 'ministerial', place: 'Paris', source: 'S5 (§1.4, §1.6)' },
  { date: '1981-12-10', kind: 'ministerial', place: 'Brussels', source: 'S6 (§1.4, §1.6)' },
  { date: '2015-12-02', kind: 'ministerial', place: 'Brussels', source: 'S10 (§1.4, §1.6)' },
];

export const COUNCIL_MEETINGS: readonly CouncilMeeting[] = [
  ...SUMMITS.map(([date, place]): CouncilMeeting => ({ date, kind: 'summit', place, source: 'S50 (§1.6)' })),
  ...RECORDED_MINISTERIALS,
].sort((a, b) => a.date.localeCompare(b.date));

/** The months of a year (1-12) in which foreign ministers regularly meet (§1.6: spring and December). */
export const REGULAR_MINISTERIAL_MONTHS: readonly number[] = [5, 12];

/** A month as one number: year · 12 + (month − 1). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** The month index of an ISO date (YYYY-MM or YYYY-MM-DD). */
export function monthOfDate(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return monthIndex(y, m);
}

/** YYYY-MM of a month index. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/**
 * For each month from January of `firstYear` to December of `lastYear`, the first month at or
 * after it in which the Council meets (recorded meetings and the regular ministerials), as a
 * month index; beyond the last year, months run on to the next regular ministerial.
 */
export function nextMeetingTable(firstYear: number, lastYear: number): Int32Array {
  const first = monthIndex(firstYear, 1);
  const count = (lastYear - firstYear + 1) * 12;
  const meets = new Uint8Array(count + 12);
  for (let i = 0; i < count + 12; i++) {
    const month = ((first + i) % 12) + 1;
    if (REGULAR_MINISTERIAL_MONTHS.includes(month)) meets[i] = 1;
  }
  for (const meeting of COUNCIL_MEETINGS) {
    const i = monthOfDate(meeting.date) - first;
    if (i >= 0 && i < count) meets[i] = 1;
  }
  const next = new Int32Array(count);
  let upcoming = -1;
  for (let i = count + 11; i >= 0; i--) {
    if (meets[i] === 1) upcoming = first + i;
    if (i < count) next[i] = upcoming;
  }
  return next;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "May 1990" for a month index. */
export function monthInWords(index: number): string {
  const year = Math.floor(index / 12);
  return `${MONTH_NAMES[index - year * 12]} ${year}`;
}
