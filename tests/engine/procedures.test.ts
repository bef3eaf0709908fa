import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import { PROCEDURES, procedureOfYear } from '../../src/model/procedures.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** A willing candidate every Ally welcomes, whose preconditions are never met, under a readiness gate of 0.8. */
function unreadyIn(year: number, procedure?: Scenario['process']['procedure']): Scenario {
  const base = referenceScenario({ consent: () => 1 });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, year, horizon: year + 2 },
    candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) },
    process: { ...base.process, ...(procedure === undefined ? {} : { procedure }), standardPath: { minYears: fixed(0), readiness: fixed(0.8) } },
    preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0) })),
    allies: base.allies.map((a) => ({ ...a, weights: {} })),
  };
}

const joined = (s: Scenario) => {
  const m = compile(s);
  return summarize(m, simulate(m, 'era', 2000), { seed: 'era' }).outcomes.joined.share;
};

describe('procedures by era', () => {
  test('the timeline gives each year the procedure in force at its date', () => {
    const id = (year: number) => PROCEDURES[procedureOfYear(year)]!.id;
    expect([id(1951), id(1994), id(1996), id(1998), id(1999), id(2021), id(2022)]).toEqual(['council', 'council', 'study', 'study', 'map', 'map', 'fast_track']);
  });

  test('before the 1995 Study the Council decides without a readiness gate; after it the gate holds', () => {
    expect(joined(unreadyIn(1981))).toBeGreaterThan(0.9);
    expect(joined(unreadyIn(2005))).toBe(0);
  });

  test('a scenario may name its procedure for every year', () => {
    expect(joined(unreadyIn(2005, 'council'))).toBeGreaterThan(0.9);
    expect(joined(unreadyIn(1981, 'map'))).toBe(0);
  });
});
