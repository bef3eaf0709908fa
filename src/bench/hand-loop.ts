import alea from 'seedrandom/lib/alea.js';
import { CHUNK_SIZE } from '../engine/index.js';

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

export function handLoop(seed: string, runs: number): HandLoopCounts {
  const counts: HandLoopCounts = { joined: 0, vetoed: 0, noApplication: 0, ratificationFailed: 0, runs };
  for (let chunk = 0; chunk * CHUNK_SIZE < runs; chunk++) {
    const rng = alea(`hand/${seed}/${chunk}`);
    const end = Math.min(runs, (chunk + 1) * CHUNK_SIZE);
    for (let b = chunk * CHUNK_SIZE; b < end; b++) {
      if (rng() >= 0.45) {
        counts.noApplication++;
        continue;
      }
      const special = rng() < 0.3 ? 0 : 0.15;
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
        if (rng() >= (i === 0 ? 0.9 : 0.97)) {
          ratified = false;
          break;
        }
      }
      if (ratified) counts.joined++;
      else counts.ratificationFailed++;
    }
  }
  return counts;
}
