import { Actor } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { boxMuller, normalCdf, normalQuantile } from '../normal.js';
import { unitOpen } from '../numbers.js';
import { drawBits, UNIT } from '../rng.js';
import type { BranchState } from './state.js';

/**
 * Allies lean the same way together: in a vote and in ratification each Ally's draw is a
 * Gaussian copula of the alliance's draw and its own, weighted by cohesion.
 */

/**
 * Ally i's 31 random bits for a purpose (consent, ratification), fixed per
 * branch. With cohesion ρ > 0 it is a Gaussian copula, Φ(√ρ·z_alliance + √(1−ρ)·z_i), so
 * Allies lean the same way together.
 */
export function copulaBits(m: CompiledModel, s: BranchState, i: number, purpose: number): number {
  const own = normalQuantile(unitOpen(drawBits(s.key0, m.allyActor[i]!, purpose) * UNIT));
  // Scaled back to 31 bits so the result stays a small integer (see drawBits).
  return Math.floor(normalCdf(s.copulaShared + s.copulaOwnWeight * own) * 2147483647.999);
}

/**
 * Sets the copula of a vote or of ratification: the alliance's part of every Ally's draw,
 * √ρ·z_alliance with z_alliance fixed per branch, and the weight of each Ally's own, √(1−ρ).
 */
export function setCopula(m: CompiledModel, s: BranchState, cohesion: number, a: number, b: number): void {
  const z = cohesion > 0 ? boxMuller(drawBits(s.key0, m.actors[Actor.alliance]!, a) * UNIT, drawBits(s.key0, m.actors[Actor.alliance]!, b) * UNIT) : 0;
  s.copulaShared = Math.sqrt(cohesion) * z;
  s.copulaOwnWeight = Math.sqrt(1 - cohesion);
}
