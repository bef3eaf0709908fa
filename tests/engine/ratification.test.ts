import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import { FINAL_REFUSAL } from '../../src/model/ratification-record.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** Every Ally consents; its parliament passes a vote with chance `pass`. */
function invitedFor(pass: number): Scenario {
  const base = referenceScenario({ consent: () => 1 });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, horizon: 2002 },
    candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) },
    allies: base.allies.map((a) => ({ ...a, ratification: { ...a.ratification, pass: fixed(pass), months: fixed(3) } })),
  };
}

describe('ratification by Allies that voted to invite', () => {
  test('a failed vote is put again: parliaments that often fail a vote still ratify, with rare final refusals', () => {
    const m = compile(invitedFor(0.6));
    const r = summarize(m, simulate(m, 'ratify', 20_000), { seed: 'ratify' });
    const invited = r.outcomes.joined.count + r.outcomes.ratification_failed.count;
    const refused = r.outcomes.ratification_failed.count / invited;
    const expectedRefused = 1 - (1 - FINAL_REFUSAL) ** m.allyCount;
    expect(refused).toBeGreaterThan(expectedRefused / 2);
    expect(refused).toBeLessThan(expectedRefused * 2);
  });

  test('a final refusal is as rare whatever the vote chance', () => {
    const refused = (pass: number) => {
      const m = compile(invitedFor(pass));
      const o = summarize(m, simulate(m, 'ratify', 20_000), { seed: 'ratify' }).outcomes;
      return o.ratification_failed.count / (o.joined.count + o.ratification_failed.count);
    };
    expect(Math.abs(refused(0.6) - refused(0.95))).toBeLessThan(0.02);
  });
});
