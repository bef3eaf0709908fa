/**
 * The record of national ratifications of accession protocols (fact sheet §1.3–1.4, §2), from
 * which the engine takes what follows a failed parliamentary vote. Each round: the Parties that
 * ratified, none of them for good against.
 */
export const RATIFICATION_ROUNDS = [
  { protocol: '1951-10-22', candidates: 'GR, TR', parties: 12, source: 'S3, S4' },
  { protocol: '1954-10-23', candidates: 'FRG', parties: 14, source: 'S5' },
  { protocol: '1981-12-10', candidates: 'ES', parties: 15, source: 'S6' },
  { protocol: '1997-12-16', candidates: 'CZ, HU, PL (three protocols)', parties: 3 * 16, source: 'S7' },
  { protocol: '2003-03-26', candidates: 'BG, EE, LV, LT, RO, SK, SI (seven protocols)', parties: 7 * 19, source: 'S8' },
  { protocol: '2008-07-09', candidates: 'AL, HR (two protocols)', parties: 2 * 26, source: 'S9' },
  { protocol: '2016-05-19', candidates: 'ME', parties: 28, source: 'S10' },
  { protocol: '2019-02-06', candidates: 'MK', parties: 29, source: 'S11' },
  { protocol: '2022-07-05', candidates: 'FI, SE (two protocols)', parties: 2 * 30, source: 'S12, S13' },
] as const;

/** National ratifications on record (391) and how many ended in a final refusal (none). */
export const RATIFICATIONS_ON_RECORD = RATIFICATION_ROUNDS.reduce((n, r) => n + r.parties, 0);
export const FINAL_REFUSALS_ON_RECORD = 0;

/**
 * The chance that an Ally's ratification ends in a final refusal, whatever its parliament's
 * chance of passing a vote: by the rule of succession over the record, (0 + 1) / (391 + 2).
 * A failed vote is otherwise put again: the French Assembly refused the Paris Agreements'
 * German article on 1954-12-24 (a standard reference, not rechecked in the fact sheet) and passed
 * them on 12-30 (S5).
 */
export const FINAL_REFUSAL = (FINAL_REFUSALS_ON_RECORD + 1) / (RATIFICATIONS_ON_RECORD + 2);

/** Months a failed vote costs before it is put again: six days in 1954 (the dates above), rounded up to the next sitting. */
export const RETRY_MONTHS = 1;
