import { describe, expect, test } from 'vitest';
import { compile, simulate, simulateRange, summarize, emptyTally, mergeInto } from '../../src/engine/index.js';
import { FINAL_REFUSAL } from '../../src/model/ratification-record.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** Exact shares of the reference model, computed in closed form below. */
function exactShares(): { joined: number; vetoed: number } {
  const apply = 0.45;
  let joinedGivenApply = 0;
  let vetoGivenApply = 0;
  for (const standard of [true, false]) {
    const pTrack = standard ? 0.3 : 0.7;
    const special = standard ? 0 : 0.15;
    for (let mask = 0; mask < 8; mask++) {
      const bits = [0, 1, 2].map((k) => (mask >> k) & 1);
      const pMask = bits.reduce((p, b, k) => p * (b ? [0.5, 0.4, 0.6][k]! : 1 - [0.5, 0.4, 0.6][k]!), 1);
      const met = bits.reduce((a, b) => a + b, 0);
      let allConsent = 1;
      for (let i = 0; i < 19; i++) {
        const p = Math.min(1, Math.max(0, 0.55 + 0.02 * i + (0.3 + 0.01 * i) * (met / 3 - 0.5) - special));
        allConsent *= p;
      }
      // Every member voted to invite: a failed vote is put again; only a final refusal stops it.
      const ratify = (1 - FINAL_REFUSAL) ** 19;
      joinedGivenApply += pTrack * pMask * allConsent * ratify;
      vetoGivenApply += pTrack * pMask * (1 - allConsent);
    }
  }
  return { joined: apply * joinedGivenApply, vetoed: apply * vetoGivenApply };
}

describe('the reference model through the engine', () => {
  const model = compile(referenceScenario());
  const runs = 400_000;
  const results = summarize(model, simulate(model, '7', runs), { seed: '7' });
  const exact = exactShares();

  test('matches the closed-form shares within 4 standard errors', () => {
    for (const [name, p] of Object.entries(exact) as ['joined' | 'vetoed', number][]) {
      const se = Math.sqrt((p * (1 - p)) / runs);
      expect(Math.abs(results.outcomes[name].share - p)).toBeLessThan(4 * se);
    }
    expect(exact.vetoed).toBeCloseTo(0.4474, 3);
    expect(exact.joined).toBeCloseTo(0.00247, 4);
  });

  test('outcome shares sum to 1 and the funnel never increases', () => {
    const total = Object.values(results.outcomes).reduce((s, o) => s + o.count, 0);
    expect(total).toBe(runs);
    for (let i = 1; i < results.funnel.length; i++) expect(results.funnel[i]!.count).toBeLessThanOrEqual(results.funnel[i - 1]!.count);
  });

  test('splitting the branches into ranges gives the identical tally', () => {
    const whole = simulate(model, 'split', 20_000);
    const parts = emptyTally(model);
    for (const [first, count] of [[0, 5000], [5000, 3], [5003, 9000], [14003, 5997]] as const) mergeInto(parts, simulateRange(model, 'split', first, count));
    expect(parts).toEqual(whole);
  });

  test('different seeds give different branches; the same seed the same', () => {
    const a = simulate(model, 'a', 5000);
    expect(simulate(model, 'a', 5000)).toEqual(a);
    expect(simulate(model, 'b', 5000).exits).not.toEqual(a.exits);
  });
});
