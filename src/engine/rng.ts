import alea from 'seedrandom/lib/alea.js';

/**
 * Random numbers for the engine.
 *
 * Streams of branch keys come from seedrandom's `alea`, one stream per fixed chunk of
 * branches (seed, chunk index): any number of workers then sees the same keys.
 * Inside a branch every decision draws from a counter-based hash of its place
 * (branch key, year, actor, purpose), so switching a rule on or adding an Ally does
 * not shift the numbers any other decision sees (common random numbers).
 */

/** Branches per random stream. Part of the results' identity: changing it changes every result. */
export const CHUNK_SIZE = 4096;

/** What a draw is for; part of its place. */
export const Purpose = {
  param: 1,
  interest: 2,
  opposition: 3,
  track: 4,
  withdrawal: 5,
  consent: 6,
  holdoutLift: 7,
  ratification: 8,
  event: 9,
  driftA: 10,
  driftB: 11,
  allianceA: 12,
  allianceB: 13,
  ratifyA: 14,
  ratifyB: 15,
  liftA: 16,
  liftB: 17,
  applicationMonth: 18,
  withdrawalMonth: 19,
  roundPace: 20,
} as const;

/** A month of the year (0-11) drawn at a place: when, within its year, something happens. */
export function monthOfYear(yearKeyValue: number, actor: number, purpose: number): number {
  return Math.floor(drawBits(yearKeyValue, actor, purpose) * UNIT * 12);
}

/** murmur3's 32-bit finaliser: a bijection with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A branch's key for one year (year 0 holds the draws made once per branch). Computed once
 * per year, so each draw inside the year costs a single mixing round. Signed 32 bits, as
 * draws only XOR it: an unsigned value above 2^31 would be boxed whenever it is passed or stored.
 */
export function yearKey(branchKey: number, year: number): number {
  return fmix32(branchKey ^ Math.imul(year + 0x632be5ab, 0x9e3779b1)) | 0;
}

/**
 * The 31 random bits fixed by a decision's place: (branch, year) via yearKey, then actor
 * and purpose. An integer below 2^31 stays a small integer in V8, so a call that is not
 * inlined allocates nothing (a double result would be boxed); callers scale by UNIT to
 * get a uniform number in [0, 1). Actors are already-mixed 32-bit name hashes.
 */
export function drawBits(yearKeyValue: number, actor: number, purpose: number): number {
  return fmix32(yearKeyValue ^ Math.imul(actor ^ 0x7f4a7c15, 0x85ebca77) ^ Math.imul(purpose + 0x165667b1, 0xc2b2ae3d)) >>> 1;
}

/** 2^-31: drawBits(...) * UNIT is uniform in [0, 1). */
export const UNIT = 1 / 2147483648;

/**
 * The number of 31-bit draws below p · 2^31, clamped to [0, 2^31]: `drawBits(...) < bitsBelow(p)`
 * says exactly what `drawBits(...) * UNIT < p` says, for any p, NaN included (never).
 */
export function bitsBelow(p: number): number {
  return Math.min(2147483648, Math.max(0, Math.ceil(p * 2147483648)));
}

/**
 * 1 if bits < threshold (a bitsBelow value), else 0, without a branch: a random decision
 * is a branch the processor mispredicts about half the time, at ~10 ns a miss here.
 * bits − threshold is an exact integer in [−2^31, 2^31), so its sign is bit 31.
 */
export function belowBit(bits: number, threshold: number): number {
  return (bits - threshold) >>> 31;
}

/**
 * Whether a decision with probability p goes ahead, drawn at its place. A p of 0 or less never
 * does and 1 or more always does, whatever the draw, so the draw is skipped, not changed.
 */
export function chance(yearKeyValue: number, actor: number, purpose: number, p: number): boolean {
  return p >= 1 || (p > 0 && drawBits(yearKeyValue, actor, purpose) * UNIT < p);
}

/** Stable 32-bit id of a name (FNV-1a), so an actor's draws follow its name, not its position. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Fills `keys` with the branch keys of one chunk. */
export function chunkKeys(seed: string, chunk: number, keys: Uint32Array, count: number): void {
  const stream = alea(`${seed}/${chunk}`);
  for (let i = 0; i < count; i++) keys[i] = stream.int32() >>> 0;
}

/** The key of one branch, for telling a single branch's story. */
export function branchKey(seed: string, branch: number): number {
  const chunk = Math.floor(branch / CHUNK_SIZE);
  const stream = alea(`${seed}/${chunk}`);
  let key = 0;
  for (let i = 0; i <= branch - chunk * CHUNK_SIZE; i++) key = stream.int32() >>> 0;
  return key;
}
