import { resolveSource, SOURCES } from '../model/sources.js';
import type { Scenario } from '../model/scenario.js';

/**
 * The ids a scenario cites that neither the fact sheet nor the file's own `sources` define, in
 * order of first citation: a reader could not look them up. An id is a capital and a number, as
 * the fact sheet's ("S99") and the files' own ("R3", "K9") are; other text is a free citation.
 */
export function unknownSourceIds(scenario: Scenario): string[] {
  const unknown = new Set<string>();
  for (const source of citations(scenario)) {
    for (const c of resolveSource(source, scenario.sources)) if (c.citation === undefined && /^[A-Z]\d+$/.test(c.id)) unknown.add(c.id);
  }
  return [...unknown];
}

/** Every `source` text of a scenario's values, rules, events and decision point. */
function* citations(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    for (const v of value) yield* citations(v);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // The file's own sources are what citations are looked up in, not citations.
      if (key === 'sources') continue;
      if (key === 'source' && typeof v === 'string') yield v;
      else yield* citations(v);
    }
  }
}

/** The fact sheet's range of ids, for a message: "S1–S50". */
export function factSheetRange(): string {
  const ids = Object.keys(SOURCES).filter((id) => /^S\d+$/.test(id)).map((id) => Number(id.slice(1)));
  return `S${Math.min(...ids)}–S${Math.max(...ids)}`;
}
