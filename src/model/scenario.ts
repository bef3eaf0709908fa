import type { Effect } from './catalog/effects.js';
import type { Param } from './distribution.js';
import type { Track } from './outcome.js';
import type { ProcedureId } from './procedures.js';

/**
 * A scenario after loading: every default filled in, every shorthand expanded.
 * All values are data; the engine compiles this once into flat arrays.
 */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly decisionPoint: DecisionPoint;
  /** Source ids defined by this scenario, in addition to the fact sheet's. */
  readonly sources: Readonly<Record<string, string>>;
  readonly candidate: Candidate;
  readonly process: Process;
  readonly preconditions: readonly Precondition[];
  readonly allies: readonly Ally[];
  readonly rules: readonly Rule[];
  readonly events: readonly ScenarioEvent[];
  /** For counterfactuals: the historical baseline file this one rewrites, if any. */
  readonly baseline?: string;
  /** For backtests: what actually happened. */
  readonly observed?: ObservedOutcome;
}

export interface DecisionPoint {
  /** First simulated year. */
  readonly year: number;
  /** Last simulated year (inclusive). */
  readonly horizon: number;
  readonly label: string;
  readonly date?: string;
  readonly context: string;
  readonly source?: string;
}

export interface Candidate {
  readonly name: string;
  readonly code: string;
  /** Yearly chance that the leadership decides to seek membership. */
  readonly interest: Param;
  /** Chance that domestic opposition stops an interested leadership from applying. */
  readonly domesticOpposition: Param;
  /** Chance the candidate accepts the standard path (MAP, "standing in line") rather than demanding special status. */
  readonly acceptsStandardPath: Param;
  /** Yearly chance of withdrawing an application before membership. */
  readonly withdrawal: Param;
  /**
   * Allies that sought membership with the candidate (one protocol, or the same round: Greece
   * and Turkey in 1951, the seven of 2004, Finland and Sweden): they never vote on, nor
   * ratify, each other's accession, whether they join by the common protocol or separately.
   */
  readonly coCandidates: readonly string[];
  /**
   * The code of the state the candidate was before the change its name gives ("Soviet Union
   * (Russia from 1991-12)" with code RU and formerCode SU): shown for the years up to the change.
   */
  readonly formerCode?: string;
}

export interface Process {
  /**
   * The procedure of every year, when the scenario names one; else each year takes the one in
   * force at its date (model/procedures.ts).
   */
  readonly procedure?: ProcedureId;
  /** Year the Membership Action Plan exists from (1999). Before it the standard path is intensified dialogue. */
  readonly mapIntroduced: number;
  readonly standardPath: TrackRules;
  readonly specialTrack: TrackRules & {
    /** Consent lost by every Ally when the candidate demands special status. */
    readonly consentPenalty: Param;
  };
  /** Months from invitation to signed accession protocol. */
  readonly protocolMonths: Param;
  /**
   * How much the Allies' dispositions move together (0 = independent, 1 = as one), as the
   * correlation of a Gaussian copula over their consent draws. Consensus diplomacy and
   * alliance leadership make votes far from independent.
   */
  readonly cohesion: Param;
}

export interface TrackRules {
  /** Years of preparation before the Allies consider an invitation. */
  readonly minYears: Param;
  /** Share of preconditions that must be met before an invitation is considered. */
  readonly readiness: Param;
}

export interface Precondition {
  readonly id: string;
  readonly label: string;
  /** Which text it comes from, e.g. "1995 Study on Enlargement" or "1999 Istanbul pledges". */
  readonly basis: string;
  /** Level on a 0..1 scale at the decision point. */
  readonly level: Param;
  /** Expected change of the level per year. */
  readonly drift: Param;
  /** Standard deviation of the yearly random change. */
  readonly volatility: Param;
  /** Level at which Allies count it as met. */
  readonly threshold: Param;
}

export type ObjectionKind = 'veto' | 'holdout';

export interface Ratification {
  /** Human description, e.g. "Senate, two-thirds of senators present". */
  readonly procedure: string;
  /** Simmons hurdle code (1, 1.5, 2, 3, 4) when known. */
  readonly hurdle?: number;
  /** Chance a vote approves the accession protocol; a failed vote is put again, and a final refusal is rare (model/ratification-record.ts). */
  readonly pass: Param;
  /** Months from signed protocol to this Ally's ratification. */
  readonly months: Param;
}

export interface Ally {
  readonly code: string;
  readonly name: string;
  /** ISO date it became a Party; from the roster unless the scenario says otherwise. */
  readonly joined: string;
  /** Baseline chance of agreeing to invite the candidate, all else neutral. */
  readonly consent: Param;
  /** How much each precondition's being met (vs not) moves consent; keyed by precondition id. */
  readonly weights: Readonly<Record<string, Param>>;
  /** Threat perception of the candidate: subtracted from consent. */
  readonly threat: Param;
  readonly objection: ObjectionKind;
  /** For a hold-out: yearly chance the objection lifts after a concession (Allies' lean together through cohesion). */
  readonly holdoutLift: Param;
  readonly ratification: Ratification;
  /** True when the values came from the scenario's allyDefaults, not from this Ally's own entry. */
  readonly defaulted: boolean;
}

/** A condition over a branch's state: structured data, compiled once, never evaluated as code. */
export type Condition =
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition }
  | { readonly kind: 'year'; readonly from?: number; readonly to?: number }
  | { readonly kind: 'stage'; readonly is: BranchStage }
  | { readonly kind: 'track'; readonly is: Track }
  | { readonly kind: 'met'; readonly precondition: string }
  | { readonly kind: 'level'; readonly precondition: string; readonly below?: number; readonly atLeast?: number }
  | { readonly kind: 'event'; readonly occurred: string }
  | { readonly kind: 'member'; readonly ally: string };

/** Where a branch stands in a given year. */
export const BRANCH_STAGES = ['idle', 'preparation', 'ratification'] as const;
export type BranchStage = (typeof BRANCH_STAGES)[number];

// What rules and events do is declared in catalog/effects.ts, with each kind's target and size.
export type { AllySelector, Effect, EffectKind } from './catalog/effects.js';

export interface Rule {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly enabled: boolean;
  readonly when: Condition;
  readonly effects: readonly Effect[];
}

export interface ScenarioEvent {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  /** Historical (it happened, timing uncertain) or hypothetical. */
  readonly historical: boolean;
  readonly enabled: boolean;
  /** Yearly chance of happening within the window. */
  readonly hazard: Param;
  readonly from: number;
  readonly to: number;
  /** Can happen only once per branch (default) or every year it is drawn. */
  readonly once: boolean;
  readonly when?: Condition;
  readonly effects: readonly Effect[];
}

export interface ObservedOutcome {
  readonly outcome: import('./outcome.js').Outcome;
  /** Year the observed outcome took effect (for joined: year of membership). */
  readonly year: number;
  /** The day it took effect (YYYY-MM-DD), when the record gives it: scored against the predicted date. */
  readonly date?: string;
  /** The day the Council invited the candidate, with its source: the time to invitation is compared with it. */
  readonly invited?: { readonly date: string; readonly source: string };
  readonly source: string;
  readonly note?: string;
}
