import { Actor } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { boxMuller, normalCdf, normalQuantile } from '../normal.js';
import { unitOpen } from '../numbers.js';
import { drawBits, UNIT } from '../rng.js';
import type { BranchState } from './state.js';

/**
 * Allies lean the same way together: in a vote, in the talks on hold-outs and in ratification
 * each Ally's draw is a Gaussian copula of the alliance's draw and its own, weighted by cohesion
 * ρ: Φ(√ρ·z_alliance + √(1−ρ)·z_i).
 */

/** The alliance's part of every Ally's draw, √ρ·z_alliance, with z_alliance drawn at (key, purposes a and b); 0 without cohesion. */
export function sharedDraw(m: CompiledModel, key: number, cohesion: number, a: number, b: number): number {
  if (cohesion <= 0) return 0;
  const alliance = m.actors[Actor.alliance]!;
  return Math.sqrt(cohesion) * boxMuller(drawBits(key, alliance, a) * UNIT, drawBits(key, alliance, b) * UNIT);
}

/** Ally i's uniform in [0, 1] for a purpose: its own draw at (key, purpose) joined to the alliance's `shared` part, its own weighing √(1−ρ). */
export function copulaUnit(m: CompiledModel, key: number, i: number, purpose: number, shared: number, ownWeight: number): number {
  const own = drawBits(key, m.allyActor[i]!, purpose) * UNIT;
  return ownWeight >= 1 ? own : normalCdf(shared + ownWeight * normalQuantile(unitOpen(own)));
}

/**
 * Ally i's 31 random bits for a purpose (consent, ratification), fixed per branch, through the
 * copula set by setCopula.
 */
export function copulaBits(m: CompiledModel, s: BranchState, i: number, purpose: number): number {
  const own = normalQuantile(unitOpen(drawBits(s.key0, m.allyActor[i]!, purpose) * UNIT));
  // Scaled back to 31 bits so the result stays a small integer (see drawBits).
  return Math.floor(normalCdf(s.copulaShared + s.copulaOwnWeight * own) * 2147483647.999);
}

/** Sets the copula of a vote or of ratification: the alliance's part, fixed per branch, and the weight of each Ally's own, √(1−ρ). */
export function setCopula(m: CompiledModel, s: BranchState, cohesion: number, a: number, b: number): void {
  s.copulaShared = sharedDraw(m, s.key0, cohesion, a, b);
  s.copulaOwnWeight = Math.sqrt(1 - cohesion);
}
