/**
 * What happened in one branch, step by step, for `explain`. Months are month indexes
 * (year · 12 + month − 1), given where the procedure acts on a date. The hot loop passes no
 * tracer; these objects are made only when a story is told.
 */
export type TraceEntry =
  | { readonly kind: 'event'; readonly year: number; readonly event: number; readonly p: number }
  | { readonly kind: 'rule'; readonly year: number; readonly rule: number; readonly active: boolean }
  | { readonly kind: 'interest'; readonly year: number; readonly p: number; readonly interested: boolean }
  | { readonly kind: 'opposition'; readonly year: number; readonly p: number; readonly stopped: boolean }
  | { readonly kind: 'applied'; readonly year: number; readonly month: number; readonly track: number; readonly pStandard: number }
  | { readonly kind: 'withdrew'; readonly year: number; readonly month: number }
  | { readonly kind: 'track_changed'; readonly year: number; readonly track: number }
  | { readonly kind: 'waiting'; readonly year: number; readonly reason: number; readonly readiness: number; readonly needed: number }
  | { readonly kind: 'vote'; readonly year: number; readonly month: number; readonly ally: number; readonly p: number; readonly consent: boolean; readonly reason: number }
  | { readonly kind: 'holdout_lifted'; readonly year: number; readonly month: number; readonly ally: number }
  /**
   * A hold-out asked again at a meeting of a later year that now agrees. `reason` is its
   * objection's, as it last stood; `criterionMet` says that reason was a precondition that is
   * met now (else other terms moved: a rule's or an event's shift).
   */
  | { readonly kind: 'objection_met'; readonly year: number; readonly month: number; readonly ally: number; readonly reason: number; readonly criterionMet: boolean }
  /** Hold-outs asked again at a meeting of a later year (`month`) that still refuse, in the order of the Allies (one a concession lifts later that year too). */
  | { readonly kind: 'still_holding'; readonly year: number; readonly month: number; readonly allies: readonly number[] }
  /** An objection raised when the candidate applied, settled by talks before the meeting that voted. */
  | { readonly kind: 'objection_settled'; readonly year: number; readonly month: number; readonly ally: number }
  | { readonly kind: 'invited'; readonly year: number; readonly month: number; readonly voters: number }
  /** The accession protocol signed, the month each member's ratification counts from. */
  | { readonly kind: 'protocol'; readonly year: number; readonly month: number }
  | {
      readonly kind: 'ratification';
      /** The year and month the parliament's last vote falls in, or its first if none passes (computed at the invitation). */
      readonly year: number;
      readonly month: number;
      readonly ally: number;
      readonly passed: boolean;
      /** The votes it failed before the one that passed, a month apart (Infinity: none passes). */
      readonly failedVotes: number;
      readonly months: number;
    }
  | { readonly kind: 'end'; readonly year: number; readonly month: number; readonly exit: number; readonly actor: number; readonly reason: number };

export interface Tracer {
  push(entry: TraceEntry): void;
}
