import { describe, expect, test } from 'vitest';
import { compile, EXITS, emptyTally, type Tally } from '../../../src/engine/index.js';
import { STAGES } from '../../../src/model/outcome.js';
import { funnelGuide, parseTarget, softInvitations, type Target } from '../../../src/analysis/rewrite-search/target.js';
import { sampleScenario } from '../../helpers/sample-scenario.js';

function target(text: string): Target {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(t.message);
  return t.target;
}

const model = compile(sampleScenario());

/** A tally of 1,000 branches reaching the stages given (cumulative counts), with `vetoes` refused votes and `objectors` Allies refusing in all. */
function tally(reached: Partial<Record<(typeof STAGES)[number], number>>, vetoes = 0, objectors = 0): Tally {
  const t = emptyTally(model);
  t.runs = 1000;
  STAGES.forEach((s, i) => (t.funnel[i] = reached[s] ?? 0));
  t.exits[EXITS.findIndex((e) => e.exit === 'vetoed')] = vetoes;
  t.objectors[0] = objectors;
  return t;
}

describe('the funnel guide (the search tie-breaker)', () => {
  const joined = target('joined>=0.3');

  test('a stage nearer the target weighs more than any earlier one: one branch more ratified beats many more applying', () => {
    const base = tally({ interested: 900, applied: 500, invited: 10, ratified: 10 });
    const moreApplied = tally({ interested: 900, applied: 600, invited: 10, ratified: 10 });
    const moreRatified = tally({ interested: 900, applied: 500, invited: 11, ratified: 11 });
    expect(funnelGuide(moreApplied, joined)).toBeGreaterThan(funnelGuide(base, joined));
    // 100 more applications (weight 1/64) against one more invitation and ratification (1/16 + 1/4).
    expect(funnelGuide(moreRatified, joined) - funnelGuide(base, joined)).toBeGreaterThan((funnelGuide(moreApplied, joined) - funnelGuide(base, joined)) / 10);
  });

  test('fewer Allies refusing a vote counts as progress before any vote passes', () => {
    const three = tally({ interested: 900, applied: 800 }, 700, 2100);
    const one = tally({ interested: 900, applied: 800 }, 700, 700);
    expect(softInvitations(three)).toBeCloseTo(700 / 8, 9);
    expect(softInvitations(one)).toBeCloseTo(700 / 2, 9);
    expect(funnelGuide(one, joined)).toBeGreaterThan(funnelGuide(three, joined));
  });

  test('is zero for a <= target and for never applying, and counts only the stages before the target', () => {
    const t = tally({ interested: 900, applied: 800, invited: 100, ratified: 90, joined: 80 });
    expect(funnelGuide(t, target('vetoed<=0.5'))).toBe(0);
    expect(funnelGuide(t, target('no_application>=0.5'))).toBe(0);
    // applied >= x: only "interested" lies before it.
    expect(funnelGuide(t, target('applied>=0.9'))).toBeCloseTo(0.9 / 4, 12);
    // vetoed needs an application: interested and applied.
    expect(funnelGuide(t, target('vetoed>=0.5'))).toBeCloseTo(0.9 / 16 + 0.8 / 4, 12);
  });
});
