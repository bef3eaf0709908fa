import type { Tally } from '../engine/index.js';
import type { SerializedTally } from './protocol.js';

/** The count arrays of a Tally (blockerYearSum has the shape of blockers). */
export const ARRAY_FIELDS = ['exits', 'funnel', 'tracks', 'exitYears', 'blockers', 'blockerYearSum', 'objectors'] as const;

export function serializeTally(t: Tally): SerializedTally {
  return { runs: t.runs, arrays: Object.fromEntries(ARRAY_FIELDS.map((f) => [f, t[f]])) };
}

export function transferList(t: SerializedTally): ArrayBuffer[] {
  return Object.values(t.arrays).map((a) => a.buffer as ArrayBuffer);
}

export function deserializeTally(s: SerializedTally): Tally {
  const a = s.arrays;
  const get = (f: (typeof ARRAY_FIELDS)[number]) => {
    const arr = a[f];
    if (!(arr instanceof Float64Array)) throw new Error(`worker returned a tally without ${f}`);
    return arr;
  };
  return {
    runs: s.runs,
    exits: get('exits'),
    funnel: get('funnel'),
    tracks: get('tracks'),
    exitYears: get('exitYears'),
    blockers: get('blockers'),
    blockerYearSum: get('blockerYearSum'),
    objectors: get('objectors'),
  };
}
