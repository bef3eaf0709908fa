/**
 * Every NATO member with the date it became a Party (deposit of its instrument).
 * Source ids refer to the fact sheet's source list (see SOURCES in sources.ts).
 * The roster at any date is computed from this table, never typed by hand.
 */
export interface RosterEntry {
  readonly code: string;
  readonly name: string;
  /** ISO date YYYY-MM-DD on which the state became a Party. */
  readonly joined: string;
  readonly source: string;
}

export const ROSTER: readonly RosterEntry[] = [
  { code: 'BE', name: 'Belgium', joined: '1949-08-24', source: 'S7' },
  { code: 'CA', name: 'Canada', joined: '1949-08-24', source: 'S7' },
  { code: 'DK', name: 'Denmark', joined: '1949-08-24', source: 'S7' },
  { code: 'FR', name: 'France', joined: '1949-08-24', source: 'S7' },
  { code: 'IS', name: 'Iceland', joined: '1949-08-24', source: 'S7' },
  { code: 'IT', name: 'Italy', joined: '1949-08-24', source: 'S7' },
  { code: 'LU', name: 'Luxembourg', joined: '1949-08-24', source: 'S7' },
  { code: 'NL', name: 'Netherlands', joined: '1949-08-24', source: 'S7' },
  { code: 'NO', name: 'Norway', joined: '1949-08-24', source: 'S7' },
  { code: 'PT', name: 'Portugal', joined: '1949-08-24', source: 'S7' },
  { code: 'UK', name: 'United Kingdom', joined: '1949-08-24', source: 'S7' },
  { code: 'US', name: 'United States', joined: '1949-08-24', source: 'S7' },
  { code: 'GR', name: 'Greece', joined: '1952-02-18', source: 'S4' },
  { code: 'TR', name: 'Turkey', joined: '1952-02-18', source: 'S4' },
  { code: 'DE', name: 'Germany (West Germany until 1990)', joined: '1955-05-06', source: 'S5' },
  { code: 'ES', name: 'Spain', joined: '1982-05-30', source: 'S6' },
  { code: 'CZ', name: 'Czech Republic', joined: '1999-03-12', source: 'S7' },
  { code: 'HU', name: 'Hungary', joined: '1999-03-12', source: 'S7' },
  { code: 'PL', name: 'Poland', joined: '1999-03-12', source: 'S7' },
  { code: 'BG', name: 'Bulgaria', joined: '2004-03-29', source: 'S8' },
  { code: 'EE', name: 'Estonia', joined: '2004-03-29', source: 'S8' },
  { code: 'LV', name: 'Latvia', joined: '2004-03-29', source: 'S8' },
  { code: 'LT', name: 'Lithuania', joined: '2004-03-29', source: 'S8' },
  { code: 'RO', name: 'Romania', joined: '2004-03-29', source: 'S8' },
  { code: 'SK', name: 'Slovakia', joined: '2004-03-29', source: 'S8' },
  { code: 'SI', name: 'Slovenia', joined: '2004-03-29', source: 'S8' },
  { code: 'AL', name: 'Albania', joined: '2009-04-01', source: 'S9' },
  { code: 'HR', name: 'Croatia', joined: '2009-04-01', source: 'S9' },
  { code: 'ME', name: 'Montenegro', joined: '2017-06-05', source: 'S1' },
  { code: 'MK', name: 'North Macedonia', joined: '2020-03-27', source: 'S11' },
  { code: 'FI', name: 'Finland', joined: '2023-04-04', source: 'S13' },
  { code: 'SE', name: 'Sweden', joined: '2024-03-07', source: 'S13' },
];

/** A date as a fractional year: 1999-03-12 -> 1999.19. Used to order votes and accessions. */
export function dateToYear(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return y + ((m - 1) * 30.44 + (d - 1)) / 365.25;
}

export function rosterEntry(code: string): RosterEntry | undefined {
  return ROSTER.find((m) => m.code === code);
}
