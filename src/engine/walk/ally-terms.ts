import type { CompiledModel } from '../model.js';
import { sampleParamRange } from '../params.js';
import type { BranchState } from './state.js';

/** Each Ally's terms of a vote, from a branch's (or the fixed) parameter values. */

/** consent − threat for Allies [from, to). */
export function denseAllyBase(m: CompiledModel, values: Float64Array, base: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) base[i] = values[m.allyConsent[i]!]! - values[m.allyThreat[i]!]!;
}

/** The dense weight matrix of Allies [from, to), 0 where an Ally ignores a precondition. */
export function denseAllyWeights(m: CompiledModel, values: Float64Array, weight: Float64Array, from: number, to: number): void {
  const k = m.preconditionCount;
  for (let c = from * k; c < to * k; c++) {
    const w = m.allyWeight[c]!;
    weight[c] = w >= 0 ? values[w]! : 0;
  }
}

/**
 * Draws the numbers of the Allies that vote for the first time: members are a prefix of the
 * Allies, so those are [allyVoteDrawn, members). An Ally that joins later draws its own when it
 * first votes (each draw is keyed by its path, so the values are the same).
 */
export function drawAllyTerms(m: CompiledModel, s: BranchState, members: number): void {
  const from = s.allyVoteDrawn;
  sampleParamRange(m.params, s.key, s.values, m.allyVoteParams, m.allyVoteParamsEnd[from]!, m.allyVoteParamsEnd[members]!);
  // Terms all of whose numbers are fixed were set when the state was made.
  if (m.allyBaseRandom) denseAllyBase(m, s.values, s.allyBase, from, members);
  if (m.allyWeightsRandom) denseAllyWeights(m, s.values, s.allyWeight, from, members);
  s.allyVoteDrawn = members;
}
