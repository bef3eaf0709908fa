import { fixed, type Param } from '../model/distribution.js';

const assumption = (value: number): Param => fixed(value, 'assumption');

/**
 * Values used when a scenario leaves a field out. Each use adds a warning naming the field,
 * so a run never silently rests on a number nobody chose. Flags (enabled, once, historical)
 * and empty texts take their documented defaults without a warning.
 */
export const DEFAULTS = {
  candidate: {
    /** A modest yearly chance of seeking membership: neither the Yeltsin nor the Putin peak. */
    interest: assumption(0.2),
    /** Opposition at home stops a third of attempts: between the 1990s polls' extremes (S47). */
    domesticOpposition: assumption(0.3),
    /** A coin flip between the standard path and demanding special status. */
    acceptsStandardPath: assumption(0.5),
    /** Applications are rarely withdrawn once made. */
    withdrawal: assumption(0.05),
  },
  process: {
    /** The Membership Action Plan was launched at the Washington summit, April 1999 (S15). */
    mapIntroduced: 1999,
    standardPath: {
      /** MAP cycles ran about three years before invitations (S15). */
      minYears: fixed(3, 'S15'),
      /** The 1995 Study expects most criteria met before an invitation (S14). */
      readiness: fixed(0.8, 'S14'),
    },
    specialTrack: {
      /** A candidate demanding special status skips most of the preparation. */
      minYears: assumption(1),
      /** ... and is held to fewer of the criteria. */
      readiness: assumption(0.4),
      /** Demanding to skip the line costs consent in every capital (S31). */
      consentPenalty: fixed(0.15, 'S31'),
    },
    /** Invitation to signed protocol took 0 to 210 days in past rounds (fact sheet §1.4). */
    protocolMonths: { dist: { kind: 'triangular', min: 0, mode: 4, max: 7 }, source: '§1.4 invitation-to-protocol 0-210 days' } satisfies Param,
    /** Allies' dispositions move together: consensus diplomacy, US leadership (FORMAT.md's example). */
    cohesion: assumption(0.6),
  },
  precondition: {
    /** Which text the precondition comes from: descriptive only. */
    basis: '',
    /** No expected trend. */
    drift: assumption(0),
    /** No year-to-year noise. */
    volatility: assumption(0),
    /** Met when at least half way there. */
    threshold: assumption(0.5),
  },
  ally: {
    /** Allies lean towards admitting a candidate that meets the criteria. */
    consent: assumption(0.6),
    /** Little fear of the candidate. */
    threat: assumption(0.1),
    /** A refusal ends the branch: unanimity is required (Art. 10). */
    objection: 'veto' as const,
    /** A hold-out is bought off within about five years on average. */
    holdoutLift: assumption(0.2),
    /** No precondition moves consent. */
    weights: {} as Readonly<Record<string, Param>>,
    ratification: {
      /** Most Allies ratify by a simple parliamentary majority (S40). */
      procedure: 'Parliamentary majority',
      /** Protocols almost always pass once signed (S40). */
      pass: fixed(0.97, 'S40'),
      /** Months from protocol to ratification in past rounds (fact sheet §1.4). */
      months: { dist: { kind: 'triangular', min: 3, mode: 10, max: 20 }, source: '§1.4' } satisfies Param,
    },
  },
  /** Rules and events without a source are marked as assumptions. */
  source: 'assumption',
} as const;
