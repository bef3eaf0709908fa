import alea from 'seedrandom/lib/alea.js';
import { CHUNK_SIZE } from '../engine/index.js';
import { FINAL_REFUSAL } from '../model/ratification-record.js';

/**
 * The benchmark's reference model as a hand-written, allocation-free loop: what a careful
 * programmer would write for this one model, with the same generator (alea, one stream per
 * chunk). The engine must stay within a small factor of it.
 */
export interface HandLoopCounts {
  joined: number;
  vetoed: number;
  noApplication: number;
  ratificationFailed: number;
  runs: number;
}

const ALLIES = 19;
const PRECONDITIONS = [0.5, 0.4, 0.6] as const;
/** The candidate applies with this chance, and takes the standard path with the next; else consent falls. */
const APPLIES = 0.45;
const STANDARD_PATH = 0.3;
const SPECIAL_PENALTY = 0.15;
/**
 * A member that voted to invite ratifies: a failed vote is put again, and only a final refusal
 * (the record's rate, whatever the parliament's vote chance) stops the accession.
 */
const RATIFIES = 1 - FINAL_REFUSAL;

/** Whether the candidate applies; one that does not is counted. */
function applies(rng: () => number, counts: HandLoopCounts): boolean {
  if (rng() < APPLIES) return true;
  counts.noApplication++;
  return false;
}

/** The consent penalty of the track the candidate takes: none on the standard path. */
function specialPenalty(rng: () => number): number {
  return rng() < STANDARD_PATH ? 0 : SPECIAL_PENALTY;
}

/** Calls `chunk` with each chunk's generator (one stream per chunk, as the engine's) and its branch count. */
function forEachChunk(seed: string, runs: number, chunk: (rng: () => number, branches: number) => void): void {
  for (let c = 0; c * CHUNK_SIZE < runs; c++) chunk(alea(`hand/${seed}/${c}`), Math.min(runs, (c + 1) * CHUNK_SIZE) - c * CHUNK_SIZE);
}

export function handLoop(seed: string, runs: number): HandLoopCounts {
  const counts: HandLoopCounts = { joined: 0, vetoed: 0, noApplication: 0, ratificationFailed: 0, runs };
  forEachChunk(seed, runs, (rng, branches) => {
    for (let b = 0; b < branches; b++) {
      if (!applies(rng, counts)) continue;
      const special = specialPenalty(rng);
      let met = 0;
      for (let k = 0; k < 3; k++) if (rng() < PRECONDITIONS[k]!) met++;
      let vetoed = false;
      for (let i = 0; i < ALLIES; i++) {
        let p = 0.55 + 0.02 * i + (0.3 + 0.01 * i) * (met / 3 - 0.5) - special;
        p = p < 0 ? 0 : p > 1 ? 1 : p;
        if (rng() >= p) {
          vetoed = true;
          break;
        }
      }
      if (vetoed) {
        counts.vetoed++;
        continue;
      }
      let ratified = true;
      for (let i = 0; i < ALLIES; i++) {
        if (rng() >= RATIFIES) {
          ratified = false;
          break;
        }
      }
      if (ratified) counts.joined++;
      else counts.ratificationFailed++;
    }
  });
  return counts;
}

/** What the loop that asks every Ally finds out beyond the outcome counts. */
export interface EveryAllyCounts extends HandLoopCounts {
  /** objectors[ally * 5 + reason]: refusals by Ally and reason (0 propensity, 1 special status, 2 + k precondition k). */
  readonly objectors: Float64Array;
  /** Branches in which each Ally had the strongest objection. */
  readonly blockers: Float64Array;
}

/**
 * The same model, written by hand to do what the engine does in a vote: every Ally is asked,
 * each refusal gets its reason (the largest push towards refusal), the strongest objection
 * names the blocker, and the objectors are tallied. This is the limit for the engine's own
 * semantics, which the first-refusal loop above does not share.
 */
export function handLoopAskingEveryAlly(seed: string, runs: number): EveryAllyCounts {
  const counts: EveryAllyCounts = {
    joined: 0,
    vetoed: 0,
    noApplication: 0,
    ratificationFailed: 0,
    runs,
    objectors: new Float64Array(ALLIES * 5),
    blockers: new Float64Array(ALLIES),
  };
  const metAt = new Float64Array(3);
  forEachChunk(seed, runs, (rng, branches) => {
    for (let b = 0; b < branches; b++) {
      if (!applies(rng, counts)) continue;
      const special = specialPenalty(rng);
      let met = 0;
      for (let k = 0; k < 3; k++) met += metAt[k] = rng() < PRECONDITIONS[k]! ? 1 : 0;
      let blocker = -1;
      let strongest = Infinity;
      for (let i = 0; i < ALLIES; i++) {
        const weight = 0.3 + 0.01 * i;
        let p = 0.55 + 0.02 * i + weight * (met / 3 - 0.5) - special;
        p = p < 0 ? 0 : p > 1 ? 1 : p;
        if (rng() < p) continue;
        let reason = 0;
        let worst = 0;
        if (-special < worst) {
          worst = -special;
          reason = 1;
        }
        for (let k = 0; k < 3; k++) {
          if (metAt[k] === 1 || -0.5 * (weight / 3) >= worst) continue;
          worst = -0.5 * (weight / 3);
          reason = 2 + k;
        }
        counts.objectors[i * 5 + reason]!++;
        if (p < strongest) {
          strongest = p;
          blocker = i;
        }
      }
      if (blocker >= 0) {
        counts.vetoed++;
        counts.blockers[blocker]!++;
        continue;
      }
      let ratified = true;
      for (let i = 0; i < ALLIES; i++) if (rng() >= RATIFIES) ratified = false;
      if (ratified) counts.joined++;
      else counts.ratificationFailed++;
    }
  });
  return counts;
}
