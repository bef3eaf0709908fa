import type { Outcome, Stage, Track } from './outcome.js';

/** A share with its 95% Wilson score interval. */
export interface Share {
  readonly count: number;
  readonly share: number;
  readonly ci95: readonly [number, number];
}

/** Who stopped a branch, in what way, and for what reason. */
export type BlockerRole = 'veto' | 'holdout' | 'ratification' | 'candidate' | 'process';

export type ReasonKind =
  | 'propensity'
  | 'threat'
  | 'special_status'
  | 'precondition'
  | 'rule'
  | 'event'
  | 'not_interested'
  | 'domestic_opposition'
  | 'withdrawal'
  | 'ratification_vote'
  | 'never_passes'
  | 'horizon';

export interface Reason {
  readonly kind: ReasonKind;
  /** Precondition, rule or event id when the kind names one. */
  readonly id?: string;
  readonly label: string;
  readonly source?: string;
}

export interface BlockerRow extends Share {
  readonly outcome: Outcome;
  readonly role: BlockerRole;
  /** Ally code, the candidate's code, or "NATO" for the process itself. */
  readonly actor: string;
  readonly actorName: string;
  readonly reason: Reason;
  /** Mean year in which this blocker ended the branch. */
  readonly meanYear: number;
}

export interface ObjectorRow extends Share {
  readonly ally: string;
  readonly allyName: string;
  readonly role: 'veto' | 'holdout';
  readonly reason: Reason;
}

export interface YearCount {
  readonly year: number;
  readonly count: number;
  readonly share: number;
}

/** A month as YYYY-MM, with the branches that ended in it. */
export interface LagCount {
  readonly months: number;
  readonly count: number;
  readonly share: number;
}

export interface MonthCount {
  readonly month: string;
  readonly count: number;
  readonly share: number;
}

export interface Results {
  readonly scenario: string;
  readonly title: string;
  readonly seed: string;
  readonly runs: number;
  readonly version: string;
  readonly decisionPoint: { readonly year: number; readonly horizon: number; readonly label: string };
  readonly outcomes: Readonly<Record<Outcome, Share>>;
  readonly funnel: readonly (Share & { readonly stage: Stage })[];
  readonly tracks: Readonly<Record<Track, Share>>;
  /** Year of membership among joined branches. */
  readonly accessionYears: readonly YearCount[];
  /** Month of membership (the last deposit) among joined branches: the same branches as accessionYears, by month. */
  readonly accessionMonths: readonly MonthCount[];
  /** Month of the first invitation (the Council's unanimous decision) among joined branches; a branch invited again after a withdrawal keeps its first. */
  readonly invitationMonths: readonly MonthCount[];
  /** Months from the first invitation to membership among joined branches: the same branches, each its own lag. */
  readonly invitationToMembership: readonly LagCount[];
  /** Year in which each outcome was settled. */
  readonly outcomeYears: Readonly<Record<Outcome, readonly YearCount[]>>;
  /** The blocker that ended each non-joined branch, most frequent first. */
  readonly blockers: readonly BlockerRow[];
  /** Every Ally that objected in a decisive vote (several may object in one branch). */
  readonly objectors: readonly ObjectorRow[];
  readonly warnings: readonly string[];
}
