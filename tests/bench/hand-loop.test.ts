import { describe, expect, test } from 'vitest';
import { handLoop, handLoopAskingEveryAlly } from '../../src/bench/hand-loop.js';
import { compile, simulate } from '../../src/engine/index.js';
import { referenceScenario } from '../helpers/reference-model.js';

/**
 * The benchmark's hand-written loops must compute the reference model, or their speed says
 * nothing: their outcome shares, and for the loop that asks every Ally its objectors by Ally,
 * must agree with the engine's within sampling error.
 */
const N = 200_000;

function zScore(a: number, b: number, n: number): number {
  const p = (a + b) / 2;
  const se = Math.sqrt((2 * p * (1 - p)) / n);
  return se === 0 ? 0 : Math.abs(a - b) / se;
}

describe('the hand-written loops of the benchmark', () => {
  const scenario = referenceScenario();
  const m = compile(scenario);
  const t = simulate(m, 'hand', N);
  const engineShare = (exit: number) => t.exits[exit]! / N;

  test('the first-refusal loop and the loop that asks every Ally give the engine’s shares', () => {
    for (const h of [handLoop('hand', N), handLoopAskingEveryAlly('hand', N)]) {
      expect(zScore(h.vetoed / N, engineShare(4), N)).toBeLessThan(4);
      expect(zScore(h.noApplication / N, engineShare(1), N)).toBeLessThan(4);
      expect(h.joined + h.vetoed + h.noApplication + h.ratificationFailed).toBe(N);
    }
  });

  test('the loop that asks every Ally names the same objectors, Ally by Ally, as the engine', () => {
    const h = handLoopAskingEveryAlly('hand', N);
    scenario.allies.forEach((ally, i) => {
      const e = m.allyCodes.indexOf(ally.code);
      let engine = 0;
      for (let r = 0; r < m.reasonCount; r++) engine += t.objectors[e * m.reasonCount + r]!;
      let hand = 0;
      for (let r = 0; r < 5; r++) hand += h.objectors[i * 5 + r]!;
      expect(zScore(hand / N, engine / N, N)).toBeLessThan(4);
    });
  });
});
