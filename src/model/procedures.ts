/**
 * What the accession procedure was at each date (fact sheet §1.2, §1.4-1.6): a scenario's years
 * take the procedure of their date unless the scenario names one (process.procedure).
 * - gated: the Allies consider an invitation only once the candidate meets enough of the
 *   published criteria (the readiness share); before the 1995 Study there were none, and the
 *   Council decided politically, a protocol following within weeks.
 * - map: a candidate on the standard path prepares in the Membership Action Plan.
 */
export const PROCEDURES = [
  {
    id: 'council',
    from: '1949-04-04',
    label: "the North Atlantic Council's political decision, then a protocol (no published criteria)",
    gated: false,
    map: false,
    source: 'S1, S3, S5, S6 (§1.2, §1.4, §1.6)',
  },
  {
    id: 'study',
    from: '1995-09-03',
    label: "the 1995 Study's criteria and intensified dialogue",
    gated: true,
    map: false,
    source: 'S14 (§1.5)',
  },
  {
    id: 'map',
    from: '1999-04-24',
    label: 'the Membership Action Plan (NAC-S(99)66)',
    gated: true,
    map: true,
    source: 'S15 (§1.5)',
  },
  {
    id: 'fast_track',
    from: '2022-02-24',
    label: 'application and invitation without a MAP (Finland, Sweden)',
    gated: true,
    map: false,
    source: 'S12, S13 (§1.2, §3)',
  },
] as const;

/** The North Atlantic Treaty's signature (S1, S7): the first day of the first procedure, before which there was no Alliance. */
export const TREATY_SIGNED: string = PROCEDURES[0].from;

export type ProcedureId = (typeof PROCEDURES)[number]['id'];
export const PROCEDURE_IDS = PROCEDURES.map((p) => p.id) as [ProcedureId, ...ProcedureId[]];

/** Index into PROCEDURES of the procedure in force on an ISO date (YYYY-MM-DD or a fractional year's date). */
export function procedureAt(date: string): number {
  let found = 0;
  for (let i = 0; i < PROCEDURES.length; i++) if (PROCEDURES[i]!.from <= date) found = i;
  return found;
}

/** The procedure of a simulated year: the one in force at its middle, as an Ally votes in a year it joined by mid-year. */
export function procedureOfYear(year: number): number {
  return procedureAt(`${String(year).padStart(4, '0')}-07-01`);
}
