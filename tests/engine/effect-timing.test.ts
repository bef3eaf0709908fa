import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize, traceBranch } from '../../src/engine/index.js';
import { loaded } from '../scenario/helpers.js';

/**
 * When rules and events act: a rule in the years its condition holds, an event from the moment
 * it happens, for good. Every Ally agrees and ratifies at once unless a case says otherwise, so
 * what is left is the timing of the effects.
 */
const BASE = `id: timing
title: Timing
decisionPoint: { year: 2000, horizon: 2006, date: 2000-03-05, label: base, context: base, source: assumption }
candidate: { name: Russia, code: RU, interest: 1, domesticOpposition: 0, acceptsStandardPath: 1, withdrawal: 0 }
process:
  mapIntroduced: 1999
  standardPath: { minYears: 1, readiness: 0.5 }
  specialTrack: { minYears: 1, readiness: 0.4, consentPenalty: 0.15 }
  protocolMonths: 2
  cohesion: 0.6
preconditions:
  - { id: democracy, label: Democracy, level: 0.9, drift: 0, volatility: 0, threshold: 0.6 }
allyDefaults:
  consent: 1
  threat: 0
  objection: veto
  holdoutLift: 0.5
  weights: { democracy: 0 }
  ratification: { procedure: Parliamentary majority, hurdle: 2, pass: 1, months: 18 }
`;

async function modelOf(...lines: string[]) {
  const r = await loaded(BASE + lines.join('\n') + '\n');
  return compile(r.scenario);
}

function months(m: ReturnType<typeof compile>, runs = 500) {
  return summarize(m, simulate(m, 'timing', runs), { seed: 'timing' });
}

describe('a delay acts in the years it holds', () => {
  // Invited at the May 2001 meeting, protocol two months later, parliaments 18 months: 2003-01 without a delay.
  test('without a delay: a member in January 2003', async () => {
    expect(months(await modelOf()).accessionMonths.map((a) => a.month)).toEqual(['2003-01']);
  });

  test("an event's delay that comes after the invitation still holds the deposit back, for good", async () => {
    const m = await modelOf('events: [{ id: e, label: e, source: a, hazard: 1, from: 2002, to: 2002, effects: [{ kind: delay, months: 24 }] }]');
    expect(months(m).accessionMonths.map((a) => a.month)).toEqual(['2005-01']);
  });

  test("a rule's delay acts while the rule holds: during ratification, yes; in a year long past, no", async () => {
    const during = await modelOf('rules: [{ id: d, text: d, source: a, when: { stage: ratification }, effects: [{ kind: delay, months: 24 }] }]');
    expect(months(during).accessionMonths.map((a) => a.month)).toEqual(['2005-01']);
    const past = await modelOf('rules: [{ id: d, text: d, source: a, when: { year: { from: 2001, to: 2001 } }, effects: [{ kind: delay, months: 30 }] }]');
    expect(months(past).accessionMonths.map((a) => a.month)).toEqual(['2003-01']);
  });

  test('a delay that lapses after the last ratification lets the deposit come then, never in a year it held', async () => {
    // Ratified in January 2003; the rule holds the deposit back through 2003 and lapses in 2004.
    const m = await modelOf('rules: [{ id: d, text: d, source: a, when: { year: { to: 2003 } }, effects: [{ kind: delay, months: 12 }] }]');
    expect(months(m).accessionMonths.map((a) => a.month)).toEqual(['2004-01']);
  });

  test('a deposit held past the horizon is pending on the rule that holds it, not on the parliaments', async () => {
    const m = await modelOf('rules: [{ id: d, text: The Senate waits, source: a, when: { always: true }, effects: [{ kind: delay, months: 60 }] }]');
    const r = months(m);
    expect(r.outcomes.pending_at_horizon.share).toBe(1);
    expect(r.funnel.find((f) => f.stage === 'ratified')!.share).toBe(1);
    expect(r.blockers[0]).toMatchObject({ outcome: 'pending_at_horizon', actor: 'NATO', reason: { kind: 'rule', id: 'd' } });
  });
});

describe('the last parliament ratifying in the last month of the horizon year', () => {
  // Invited at the May 2001 meeting, protocol two months later, parliaments 17 months: every
  // parliament has ratified in December 2002, the horizon's last month.
  const lastMonth = (...lines: string[]) => loaded(BASE.replace('horizon: 2006', 'horizon: 2002').replace('months: 18', 'months: 17') + lines.join('\n') + '\n').then((r) => compile(r.scenario));

  test('counts as ratified: with nothing to hold the deposit back, a member that month', async () => {
    const r = months(await lastMonth());
    expect(r.accessionMonths.map((a) => a.month)).toEqual(['2002-12']);
    expect(r.funnel.find((f) => f.stage === 'ratified')!.share).toBe(1);
  });

  test('a deposit an event holds back past the horizon is pending on that event, not on the parliaments', async () => {
    const r = months(await lastMonth('events: [{ id: e, label: The deposit waits, source: a, hazard: 1, from: 2002, to: 2002, effects: [{ kind: delay, months: 3 }] }]'));
    expect(r.outcomes.pending_at_horizon.share).toBe(1);
    expect(r.funnel.find((f) => f.stage === 'ratified')!.share).toBe(1);
    expect(r.blockers.map((b) => [b.outcome, b.actor, b.reason.kind, b.reason.id])).toEqual([['pending_at_horizon', 'NATO', 'event', 'e']]);
  });
});

describe("a rule's shift of an event's hazard", () => {
  test('acts in the year the rule holds, not the year after', async () => {
    // The event can only happen through the rule, which holds in 2000 alone; it brings interest.
    const m = await modelOf(
      'events: [{ id: e, label: e, source: a, hazard: 0, from: 2000, to: 2006, effects: [{ kind: interest, delta: 1 }] }]',
      'rules: [{ id: r, text: r, source: a, when: { year: { from: 2000, to: 2000 } }, effects: [{ kind: hazard, event: e, delta: 1 }] }]',
    );
    const story = traceBranch(m, 'timing', 0).entries.filter((x) => x.kind === 'event');
    expect(story.map((x) => x.year)).toEqual([2000]);
  });
});

describe("an event's block on an Ally", () => {
  test('is for good: no concession settles it, and no invitation comes', async () => {
    const m = await modelOf('allies: [{ code: US, objection: holdout, holdoutLift: 0.99 }]', 'events: [{ id: e, label: e, source: a, hazard: 1, from: 2000, to: 2006, effects: [{ kind: block, ally: US }] }]');
    const r = months(m);
    expect(r.outcomes.joined.share).toBe(0);
    expect(r.outcomes.pending_at_horizon.share).toBe(1);
    expect(r.blockers[0]).toMatchObject({ actor: 'US', reason: { kind: 'event', id: 'e' } });
  });
});

describe("an event's effect on another event, in the order of the list (FORMAT.md, events)", () => {
  const fires = (events: string[]) => async () => {
    const m = await modelOf('events:', ...events);
    const t = traceBranch(m, 'timing', 0);
    return t.entries.filter((e) => e.kind === 'event').map((e) => `${m.scenario.events[(e as { event: number }).event]!.id} ${e.year}`);
  };
  const a = '  - { id: a, label: A, source: assumption, historical: false, hazard: 1, from: 2002, to: 2002, effects: [ { kind: hazard, event: b, delta: 1 } ] }';
  const b = '  - { id: b, label: B, source: assumption, historical: false, hazard: 0, from: 2000, to: 2006, effects: [ { kind: interest, delta: 0 } ] }';

  test('listed after the event that shifts its hazard, it is reached the same year; listed before, from the next', async () => {
    expect(await fires([a, b])()).toEqual(['a 2002', 'b 2002']);
    expect(await fires([b, a])()).toEqual(['a 2002', 'b 2003']);
  });
});

describe("a rule's shift of consent is read at the vote, whatever else the rule does", () => {
  // Applied 2000-03 with no years of preparation: the vote is at the May 2000 meeting, where the
  // branch stands in preparation; as 2000 opened it had not applied.
  const atOnce = (effects: string) =>
    modelOf(`rules: [{ id: r, text: r, source: a, when: { stage: preparation }, effects: [${effects}] }]`).then((m) => months(m, 200));
  const noYears = (effects: string) =>
    loaded(BASE.replace('standardPath: { minYears: 1', 'standardPath: { minYears: 0') + `rules: [{ id: r, text: r, source: a, when: { stage: preparation }, effects: [${effects}] }]\n`).then((r) =>
      months(compile(r.scenario), 200),
    );

  test.each([
    ['a consent shift beside a drift', '{ kind: consent, allies: all, delta: -1 }', '{ kind: precondition, precondition: democracy, delta: 0.01 }', null],
    ["an Ally's block beside an interest shift", '{ kind: block, ally: US }', '{ kind: interest, delta: 0 }', 'US'],
  ] as const)('%s acts at the same vote as alone', async (_, effect, other, named) => {
    const alone = await noYears(effect);
    const mixed = await noYears(`${effect}, ${other}`);
    expect(alone.outcomes.vetoed.share).toBe(1);
    expect(mixed.outcomes.vetoed.share).toBe(1);
    expect(mixed.blockers[0]).toMatchObject({ outcome: 'vetoed', reason: { kind: 'rule', id: 'r' } });
    if (named !== null) expect(mixed.blockers[0]!.actor).toBe(named);
  });

  test('with a year of preparation, the rule holds at the vote in either form', async () => {
    expect((await atOnce('{ kind: consent, allies: all, delta: -1 }, { kind: withdrawal, delta: 0 }')).outcomes.vetoed.share).toBe(1);
  });
});

describe('two hold-outs a rule blocks alike', () => {
  const blocked = (us: number, fr: number) =>
    modelOf(
      `allies: [{ code: US, objection: holdout, consent: ${us} }, { code: FR, objection: holdout, consent: ${fr} }]`,
      'rules: [{ id: r, text: r, source: a, when: { always: true }, effects: [{ kind: block, ally: US }, { kind: block, ally: FR }] }]',
    ).then((m) => months(m, 100));

  test('are named by the lower chance of consent, as two vetoes are, not by roster order', async () => {
    for (const [us, fr, named] of [[0.9, 0.2, 'FR'], [0.2, 0.9, 'US']] as const) {
      const r = await blocked(us, fr);
      expect(r.outcomes.pending_at_horizon.share).toBe(1);
      expect(r.blockers[0]).toMatchObject({ outcome: 'pending_at_horizon', actor: named, reason: { kind: 'rule', id: 'r' } });
    }
  });
});
