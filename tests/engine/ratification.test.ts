import { describe, expect, test } from 'vitest';
import { compile, findBranch, simulate, summarize, traceBranch } from '../../src/engine/index.js';
import { tellStory } from '../../src/analysis/explain/story.js';
import { fixed } from '../../src/model/distribution.js';
import { FINAL_REFUSAL, RETRY_MONTHS } from '../../src/model/ratification-record.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';
import { summaryText } from '../../src/analysis/summary/text.js';

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

  test('a protocol refused for good by one parliament is never counted as ratified by every member', () => {
    // Nothing delays a deposit and the horizon is far: exactly the branches that joined were ratified by every member.
    const m = compile(invitedFor(0.6));
    const r = summarize(m, simulate(m, 'ratify', 2000), { seed: 'ratify' });
    expect(r.outcomes.ratification_failed.count).toBeGreaterThan(0);
    expect(r.outcomes.pending_at_horizon.count).toBe(0);
    expect(r.funnel.find((f) => f.stage === 'ratified')!.count).toBe(r.outcomes.joined.count);
  });

  test('each vote put again passes with the same chance: failed votes before a pass are geometric', () => {
    const m = compile(invitedFor(0.5));
    const failed = new Map<number, number>();
    let votes = 0;
    for (let b = 0; b < 300; b++) {
      for (const e of traceBranch(m, 'ratify', b).entries) {
        if (e.kind !== 'ratification' || !e.passed) continue;
        votes++;
        failed.set(e.failedVotes, (failed.get(e.failedVotes) ?? 0) + 1);
      }
    }
    // P(at least n failed votes) = ½ⁿ.
    const atLeast = (n: number) => [...failed].filter(([k]) => k >= n).reduce((sum, [, c]) => sum + c, 0) / votes;
    expect(Math.abs(atLeast(1) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(atLeast(2) - 0.25)).toBeLessThan(0.05);
    expect(Math.abs(atLeast(3) - 0.125)).toBeLessThan(0.04);
  });

  test('a parliament whose votes never pass (pass 0) keeps the ratification under way: no branch joins, and the story says why', () => {
    const base = invitedFor(1);
    const never = base.allies[4]!.code;
    const s: Scenario = { ...base, allies: base.allies.map((a) => (a.code === never ? { ...a, ratification: { ...a.ratification, pass: fixed(0) } } : a)) };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'ratify', 5_000), { seed: 'ratify' });
    expect(r.outcomes.joined.count).toBe(0);
    const pending = r.blockers.filter((b) => b.outcome === 'pending_at_horizon');
    expect(pending.reduce((n, b) => n + b.count, 0)).toBe(r.outcomes.pending_at_horizon.count);
    for (const b of pending) expect(b.actor).toBe(never);
    for (const b of pending) expect(b.reason.label).toBe('a parliament rejects the protocol at every vote');
    const story = tellStory(m, 'ratify', traceBranch(m, 'ratify', findBranch(m, 'ratify', (exit) => exit === 'pending_at_horizon')!));
    expect(story.lines.some((l) => l.text.includes('at every vote after'))).toBe(true);
    expect(story.ending).toContain("parliament rejects the protocol at every vote");
  });

  test('several parliaments that never pass are named as such, not as a round at one pace', () => {
    const base = invitedFor(1);
    const never = new Set([base.allies[2]!.code, base.allies[5]!.code]);
    // Their ranges differ: they are not at one pace, and still none of them ever passes.
    const s: Scenario = { ...base, allies: base.allies.map((a, i) => (never.has(a.code) ? { ...a, ratification: { ...a.ratification, pass: fixed(0), months: fixed(3 + i) } } : a)) };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'ratify', 5_000), { seed: 'ratify' });
    expect(r.outcomes.joined.count).toBe(0);
    for (const b of r.blockers.filter((x) => x.outcome === 'pending_at_horizon')) expect(b).toMatchObject({ actor: 'TIE', reason: { kind: 'never_passes' } });
    const story = tellStory(m, 'ratify', traceBranch(m, 'ratify', findBranch(m, 'ratify', (exit) => exit === 'pending_at_horizon')!));
    expect(story.ending).toBe('Ratification is still under way at the horizon: several parliaments reject the protocol at every vote.');
  });

  test('a parliament that never passes is named before a final refusal that comes after the horizon', () => {
    const base = invitedFor(0.5);
    const never = base.allies[3]!.code;
    // Every other parliament takes long enough for a final refusal to fall after the horizon.
    const s: Scenario = { ...base, allies: base.allies.map((a) => (a.code === never ? { ...a, ratification: { ...a.ratification, pass: fixed(0), months: fixed(1) } } : { ...a, ratification: { ...a.ratification, months: fixed(60) } })) };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'ratify', 20_000), { seed: 'ratify' });
    // The others' refusals, if any, come after the horizon; only its own (1 in 393) falls before.
    for (const b of r.blockers.filter((x) => x.outcome === 'ratification_failed')) expect(b.actor).toBe(never);
    const pending = r.blockers.filter((x) => x.outcome === 'pending_at_horizon');
    expect(pending.length).toBeGreaterThan(0);
    for (const b of pending) expect(b.actor).toBe(never);
  });

  test('pass 0 keeps the final refusal as rare as the record says, whatever the cohesion', () => {
    const refused = (cohesion: number) => {
      const base = invitedFor(0);
      const m = compile({ ...base, process: { ...base.process, cohesion: fixed(cohesion) } });
      return summarize(m, simulate(m, 'ratify', 20_000), { seed: 'ratify' }).outcomes.ratification_failed.count;
    };
    // Every branch is invited; each of the Allies refuses for good with 1/393 (fewer branches at high cohesion: refusals come together).
    expect(refused(0)).toBeGreaterThan(0);
    expect(refused(0.0001)).toBeGreaterThan(0);
    expect(refused(0.6)).toBeGreaterThan(0);
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

describe('the pace of a ratification round', () => {
  /** Every Ally consents and passes; each parliament takes uniform(3, 15) months; the Alliance's cohesion is `cohesion`. */
  const round = (cohesion: number): Scenario => {
    const base = invitedFor(1);
    return {
      ...base,
      decisionPoint: { ...base.decisionPoint, date: '2000-01-10', horizon: 2004 },
      process: { ...base.process, protocolMonths: fixed(0), cohesion: fixed(cohesion), standardPath: { ...base.process.standardPath, minYears: fixed(0), readiness: fixed(0) } },
      allies: base.allies.map((a) => ({ ...a, weights: {}, threat: fixed(0), ratification: { ...a.ratification, months: { dist: { kind: 'uniform', min: 3, max: 15 } } } })),
    };
  };
  /** Months from the invitation (2000-05) to membership, median and the share within 9 months. */
  const months = (cohesion: number) => {
    const m = compile(round(cohesion));
    const r = summarize(m, simulate(m, 'pace', 20_000), { seed: 'pace' });
    const since = r.accessionMonths.map((a) => ({ months: (Number(a.month.slice(0, 4)) - 2000) * 12 + Number(a.month.slice(5)) - 5, count: a.count }));
    const joined = r.outcomes.joined.count;
    let seen = 0;
    let median = NaN;
    for (const s of since) {
      seen += s.count;
      if (Number.isNaN(median) && seen >= joined / 2) median = s.months;
    }
    return { median, within9: since.filter((s) => s.months <= 9).reduce((n, s) => n + s.count, 0) / joined };
  };

  test('a round lasts as the record of rounds says, whatever the cohesion: every parliament ratifies at the round\'s pace', () => {
    for (const cohesion of [0, 0.6, 1]) {
      const round = months(cohesion);
      // uniform(3, 15) months, the deposit in the month the last ratification falls in: about half within 9,
      // where thirty parliaments each at a pace of its own would wait for the tail of the range.
      expect(Math.abs(round.within9 - 0.5)).toBeLessThan(0.06);
      expect(round.median).toBeGreaterThanOrEqual(8);
      expect(round.median).toBeLessThanOrEqual(10);
    }
  });

  test('an Ally written with a later range of its own sets the round, and is named while it is still under way', () => {
    const base = round(0.6);
    const slowCode = base.allies[3]!.code;
    const slower: Scenario = {
      ...base,
      decisionPoint: { ...base.decisionPoint, horizon: 2000 },
      allies: base.allies.map((a) => (a.code === slowCode ? { ...a, ratification: { ...a.ratification, months: { dist: { kind: 'uniform', min: 9, max: 21 } } } } : a)),
    };
    const m = compile(slower);
    const r = summarize(m, simulate(m, 'pace', 20_000), { seed: 'pace' });
    const pending = r.blockers.filter((b) => b.outcome === 'pending_at_horizon');
    expect(pending.length).toBeGreaterThan(0);
    // At every pace its months are the round's longest: always the one still ratifying.
    for (const b of pending) expect(b.actor).toBe(slowCode);
    // Alike members finish together: none is named.
    const alike = compile({ ...slower, allies: base.allies });
    const rAlike = summarize(alike, simulate(alike, 'pace', 20_000), { seed: 'pace' });
    const pendingAlike = rAlike.blockers.filter((b) => b.outcome === 'pending_at_horizon');
    expect(pendingAlike.length).toBeGreaterThan(0);
    for (const b of pendingAlike) expect(b.actor).toBe('TIE');
    // The summary says what the code stands for; a run that names every blocker does not.
    expect(summaryText(rAlike)).toContain('TIE = Several Allies alike (none stands out)');
    expect(summaryText(r)).not.toContain('TIE =');
  });

  test("a story shows each member's months as the round drew them", () => {
    const m = compile(round(0.6));
    const t = traceBranch(m, 'pace', 0);
    const ratifications = t.entries.filter((e) => e.kind === 'ratification');
    expect(ratifications.length).toBeGreaterThan(0);
    for (const r of ratifications) {
      const shown = t.sampled.find((v) => v.path === `allies.${m.allyCodes[r.ally]}.ratification.months`)!;
      expect(r.months - r.failedVotes * RETRY_MONTHS).toBeCloseTo(Math.max(0, shown.value), 12);
    }
  });
});
