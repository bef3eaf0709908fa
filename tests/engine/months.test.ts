import { describe, expect, test } from 'vitest';
import { compile, describeActor, findBranch, simulate, summarize, traceBranch } from '../../src/engine/index.js';
import { FixedReason } from '../../src/engine/codes.js';
import { tellStory } from '../../src/analysis/explain/story.js';
import { monthIndex, monthLabel, monthOfDate, nextMeetingTable } from '../../src/model/council-calendar.js';
import { fixed } from '../../src/model/distribution.js';
import type { Ally, Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/**
 * A candidate that applies at once on the standard path, and Allies that all agree and ratify
 * at once, unless a test says otherwise: what is left is the calendar.
 */
function certain(options: { date?: string; horizon?: number; protocolMonths?: number; months?: number; edit?: (a: Ally, i: number) => Ally } = {}): Scenario {
  const base = referenceScenario();
  const allies = base.allies.map((a, i): Ally => {
    const plain: Ally = { ...a, consent: fixed(1), weights: {}, ratification: { ...a.ratification, pass: fixed(1), months: fixed(options.months ?? 0) } };
    return options.edit ? options.edit(plain, i) : plain;
  });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, horizon: options.horizon ?? 2000, ...(options.date === undefined ? {} : { date: options.date }) },
    candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) },
    process: { ...base.process, protocolMonths: fixed(options.protocolMonths ?? 0) },
    allies,
  };
}

function run(s: Scenario, runs = 2000) {
  const m = compile(s);
  return summarize(m, simulate(m, 'months', runs), { seed: 'months' });
}

describe('the Council calendar', () => {
  test('an invitation waits for the next summit or ministerial meeting of the record', () => {
    const first = 1997;
    const next = nextMeetingTable(first, 2024);
    const at = (iso: string) => monthLabel(next[monthOfDate(iso) - monthIndex(first, 1)]!);
    expect(at('1997-06')).toBe('1997-07'); // Madrid summit, 1997-07-08
    expect(at('1997-08')).toBe('1997-12'); // foreign ministers in December
    expect(at('2015-12')).toBe('2015-12'); // Montenegro, invited by foreign ministers 2015-12-02
    expect(at('2022-06')).toBe('2022-06'); // Madrid summit, 2022-06-28
    expect(at('2023-06')).toBe('2023-07'); // Vilnius summit, 2023-07-11
    expect(at('2002-06')).toBe('2002-11'); // Prague summit, 2002-11-21
  });

  test('the vote is held at the first meeting after the decision date, not at the start of its year', () => {
    expect(run(certain({ date: '2000-01-10' })).accessionMonths.map((m) => m.month)).toEqual(['2000-05']);
    expect(run(certain({ date: '2000-09-15' })).accessionMonths.map((m) => m.month)).toEqual(['2000-12']);
  });

  test('membership comes with the last deposit: protocol months, then the slowest parliament', () => {
    // Invited 2000-05 (mid-month), protocol 2 months later, every parliament 9 months: 2001-04.
    const r = run(certain({ date: '2000-03-01', horizon: 2002, protocolMonths: 2, months: 9 }));
    expect(r.accessionMonths.map((m) => m.month)).toEqual(['2001-04']);
    expect(r.accessionYears.map((y) => y.year)).toEqual([2001]);
  });

  test('a story tells the protocol signed and the parliaments that ratify it, by their months', () => {
    const m = compile(certain({ date: '2000-03-01', horizon: 2002, protocolMonths: 2, months: 9 }));
    const told = tellStory(m, 'months', traceBranch(m, 'months', 0)).lines.map((l) => `${l.year} ${l.text}`);
    expect(told).toContain("2000 The accession protocol is signed in July 2000; each member's parliament now ratifies it.");
    expect(told).toContain("2001 All 19 members' parliaments ratify the protocol in April 2001.");
    // In that order, before the deposit.
    const at = (start: string) => told.findIndex((l) => l.includes(start));
    expect(at('protocol is signed')).toBeLessThan(at('ratify the protocol'));
    expect(at('ratify the protocol')).toBeLessThan(at('deposits its instrument'));
  });

  test('every member has ratified only once the last parliament has, by the horizon', () => {
    const stage = (r: ReturnType<typeof run>, name: string) => r.funnel.find((f) => f.stage === name)!.share;
    // Invited 2000-05; parliaments that take 100 months are still at it at the horizon.
    const slow = run(certain({ date: '2000-03-01', horizon: 2001, months: 100 }));
    expect(stage(slow, 'invited')).toBe(1);
    expect(stage(slow, 'ratified')).toBe(0);
    expect(slow.outcomes.pending_at_horizon.share).toBe(1);
    const done = run(certain({ date: '2000-03-01', horizon: 2001, months: 9 }));
    expect(stage(done, 'ratified')).toBe(1);
    expect(done.outcomes.joined.share).toBe(1);
  });

  test('the Council meets only once it has a member: no invitation before the Treaty is in force', () => {
    // The founders joined on 1949-08-24: a candidate that applies in January 1948 is first asked at
    // the foreign ministers' December meeting of 1949, not by a Council of nobody.
    const s = certain({ date: '1948-01-10', horizon: 1950 });
    const early = { ...s, decisionPoint: { ...s.decisionPoint, year: 1948 } };
    expect(run(early).accessionMonths.map((m) => m.month)).toEqual(['1949-12']);
    const entries = traceBranch(compile(early), 'months', 0).entries;
    expect(entries.find((e) => e.kind === 'invited')).toMatchObject({ month: monthIndex(1949, 12) });
    // Until then the candidate waits for a Council, not for preparation years.
    expect(entries.filter((e) => e.kind === 'waiting').map((e) => [e.year, e.kind === 'waiting' && e.reason])).toEqual([[1948, FixedReason.no_council]]);
    // With every Ally joining after the horizon, no meeting is held at all.
    const never = { ...early, decisionPoint: { ...early.decisionPoint, horizon: 1949 }, allies: early.allies.map((a) => ({ ...a, joined: '1950-01-01' })) };
    expect(run(never).outcomes.joined.share).toBe(0);
  });

  test('an Ally that joins after the invitation, in the same year, neither votes on it nor ratifies its protocol', () => {
    // Invited at the May 2000 meeting; the last Ally joins in June 2000. Were it asked, it would
    // refuse; were its parliament to ratify, it would take 20 months.
    const late = (objects: boolean) =>
      certain({
        date: '2000-01-10',
        horizon: 2002,
        edit: (a, i) => (i === 18 ? { ...a, joined: '2000-06-01', ...(objects ? { consent: fixed(0) } : {}), ratification: { ...a.ratification, months: fixed(20) } } : a),
      });
    expect(run(late(false), 200).accessionMonths.map((m) => m.month)).toEqual(['2000-05']);
    expect(run(late(true), 200).accessionMonths.map((m) => m.month)).toEqual(['2000-05']);
  });

  test('a year whose last month has a Council is not said to wait for one', () => {
    // Every Ally joins in December 1950; ten years of preparation are asked. At the horizon (1950)
    // the candidate waits for its years, not for a Council: there is one by the end of the year.
    const s = certain({ date: '1950-01-10', horizon: 1950, edit: (a) => ({ ...a, joined: '1950-12-15' }) });
    const dated: Scenario = { ...s, decisionPoint: { ...s.decisionPoint, year: 1950 }, process: { ...s.process, standardPath: { ...s.process.standardPath, minYears: fixed(10) } } };
    expect(run(dated, 50).blockers.map((b) => [b.outcome, b.reason.label])).toEqual([['map_stalled', 'preparation years not yet served']]);
    // A year later still, the Council is there for none of the year: it waits for a Council.
    const later = { ...dated, allies: dated.allies.map((a) => ({ ...a, joined: '1951-01-15' })) };
    expect(run(later, 50).blockers.map((b) => [b.outcome, b.reason.label])).toEqual([['map_stalled', 'no North Atlantic Council yet to decide: no Ally is a member']]);
  });

  test('an objection is negotiated from the application, with the monthly hazard of its yearly chance', () => {
    // One Ally objects to the candidate that applied in January and lifts with a yearly chance of
    // 1/2. Talks run from the application: the objection is settled before the May meeting with
    // probability 1 − (1/2)^(4/12), and the candidate is invited (and, with no delays, a member)
    // in May; otherwise the Ally holds out at that vote, and the Council invites in December if
    // the objection lifted within 11 months of the application.
    const s = certain({ date: '2000-01-10', edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.5) } : a) });
    const r = run(s, 20000);
    // Shares of all branches (an accession month's own share is among the joined).
    const share = (month: string) => (r.accessionMonths.find((m) => m.month === month)?.count ?? 0) / 20000;
    expect(r.accessionMonths.map((m) => m.month)).toEqual(['2000-05', '2000-12']);
    expect(Math.abs(share('2000-05') - (1 - 0.5 ** (4 / 12)))).toBeLessThan(0.015);
    expect(Math.abs(share('2000-12') - (0.5 ** (4 / 12) - 0.5 ** (11 / 12)))).toBeLessThan(0.015);
    expect(Math.abs(r.outcomes.joined.share - (1 - 0.5 ** (11 / 12)))).toBeLessThan(0.015);
    expect(r.outcomes.pending_at_horizon.share).toBeCloseTo(1 - r.outcomes.joined.share, 10);
  });

  test('a story tells an objection settled before the meeting; an objection a rule makes is not settled by talks', () => {
    // A yearly chance of 0.999 settles the objection within the four months before May in nearly every branch.
    const settles = certain({ date: '2000-01-10', edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.999) } : a) });
    const m = compile(settles);
    expect(run(settles).accessionMonths[0]).toMatchObject({ month: '2000-05' });
    const entries = traceBranch(m, 'months', 0).entries;
    const objector = m.allyCodes.indexOf(settles.allies[3]!.code);
    expect(entries.find((e) => e.kind === 'objection_settled')).toMatchObject({ ally: objector, year: 2000 });
    expect(entries.some((e) => e.kind === 'vote' && e.ally === objector && e.consent)).toBe(true);
    // The same Ally made to object by a rule in force at the meeting holds out at it, whatever the
    // talks, and no concession lifts the objection while the rule holds: no invitation in 2000.
    const ruled: Scenario = { ...settles, rules: [{ id: 'objects', text: 'objects', source: 'test', enabled: true, when: { kind: 'year', from: 2000 }, effects: [{ kind: 'block', ally: settles.allies[3]!.code }] }] };
    expect(run(ruled).outcomes.pending_at_horizon.share).toBe(1);
    expect(traceBranch(compile(ruled), 'months', 0).entries.some((e) => e.kind === 'objection_settled')).toBe(false);
  });

  test('an objection still standing at the horizon names only the Allies still holding out', () => {
    // Allies 3 and 4 refuse in May 2000. Ally 3 never lifts; Ally 4 is made to by a rule of 2000
    // alone and lifts in January 2001. At the horizon (2001) only Ally 3 still objects.
    const base = certain({
      date: '2000-01-10',
      horizon: 2001,
      edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0) } : i === 4 ? { ...a, objection: 'holdout', holdoutLift: fixed(0.999) } : a),
    });
    const s: Scenario = { ...base, rules: [{ id: 'for-a-year', text: 'for a year', source: 'test', enabled: true, when: { kind: 'year', from: 2000, to: 2000 }, effects: [{ kind: 'block', ally: base.allies[4]!.code }] }] };
    const r = run(s);
    expect(r.outcomes.pending_at_horizon.share).toBe(1);
    expect(r.objectors.map((o) => [o.ally, o.count])).toEqual([[s.allies[3]!.code, 2000]]);
  });

  test("a rule's block binds while the rule holds: the concession comes in the year it ends", () => {
    // The talks would settle within a month or so, but the rule blocks the Ally in 2000 and 2001:
    // its objection lifts in January 2002, and the Council invites at its May 2002 meeting.
    const base = certain({ date: '2000-01-10', horizon: 2003, edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.999) } : a) });
    const ruled: Scenario = { ...base, rules: [{ id: 'objects', text: 'objects', source: 'test', enabled: true, when: { kind: 'year', from: 2000, to: 2001 }, effects: [{ kind: 'block', ally: base.allies[3]!.code }] }] };
    expect(run(ruled).accessionMonths.map((a) => a.month)).toEqual(['2002-05']);
  });
});

describe('a concession that came while a rule blocked the Ally', () => {
  test('stands once the rule ends, whether it came before or after the meeting the rule made the Ally refuse', () => {
    // Applied 2000-01; the vote waits for the December 2000 meeting; a rule blocks Ally 3 in 2000
    // alone; its talks settle with a yearly chance of 1/2 from the application. A concession that
    // came before the meeting is not undone by it: with every concession due by the first meeting
    // of 2001, the Council invites at that meeting, 1 − (1/2)^(k/12) of the branches, k its
    // months from the application.
    const base = certain({ date: '2000-01-10', horizon: 2001, edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.5) } : a) });
    const s: Scenario = {
      ...base,
      process: { ...base.process, standardPath: { ...base.process.standardPath, minYears: fixed(0.9) } },
      rules: [{ id: 'for-a-year', text: 'for a year', source: 'test', enabled: true, when: { kind: 'year', from: 2000, to: 2000 }, effects: [{ kind: 'block', ally: base.allies[3]!.code }] }],
    };
    const next = nextMeetingTable(2000, 2001);
    const first2001 = next[monthIndex(2001, 1) - monthIndex(2000, 1)]!;
    expect(monthLabel(next[monthOfDate('2000-12') - monthIndex(2000, 1)]!)).toBe('2000-12');
    const r = run(s, 20000);
    expect(r.accessionMonths.some((a) => a.month < monthLabel(first2001))).toBe(false);
    const atFirst = (r.accessionMonths.find((a) => a.month === monthLabel(first2001))?.count ?? 0) / 20000;
    const k = first2001 - monthOfDate('2000-01-10');
    expect(Math.abs(atFirst - (1 - 0.5 ** (k / 12)))).toBeLessThan(0.015);
  });
});

describe('objections as negotiations', () => {
  /** Precondition `a` unmet in 2000 (0.45 against 0.5) and met from 2001 (+0.1 a year); `b` and `c` met. */
  const improving = (drift: number) => (s: Scenario): Scenario => ({
    ...s,
    preconditions: s.preconditions.map((p, k) => ({ ...p, level: fixed(k === 0 ? 0.45 : 1), drift: fixed(k === 0 ? drift : 0), volatility: fixed(0) })),
  });
  /** Ally 3 refuses while `a` is unmet and agrees once it is met (chance 0.5 ± 0.5), and never lifts by a concession. */
  const objectsToA = (a: Ally, i: number): Ally => (i === 3 ? { ...a, consent: fixed(0.5), weights: { a: fixed(1) }, objection: 'holdout', holdoutLift: fixed(0) } : a);

  test('a story tells the years a hold-out, asked again, still refuses: one line over the stretch', () => {
    // Precondition a never met: Ally 3 refuses at each year's first meeting, to the horizon.
    const s = improving(0)(certain({ date: '2000-01-10', horizon: 2003, edit: objectsToA }));
    const m = compile(s);
    const t = traceBranch(m, 'months', 0);
    const objector = m.allyCodes.indexOf(s.allies[3]!.code);
    expect(t.entries.filter((e) => e.kind === 'still_holding').map((e) => [e.year, e.allies])).toEqual([[2001, [objector]], [2002, [objector]], [2003, [objector]]]);
    const name = describeActor(m, objector, 'veto').name;
    const told = tellStory(m, 'months', t).lines.map((l) => l.text);
    expect(told).toContain(`2001–2003: Asked again at the Council's first meeting of the year, ${name} still holds out.`);
  });

  test('an objection ends when its cause does: asked again at the next year’s first meeting', () => {
    const s = improving(0.1)(certain({ date: '2000-01-10', horizon: 2002, edit: objectsToA }));
    const r = run(s);
    expect(r.accessionMonths.map((a) => a.month)).toEqual(['2001-05']);
    expect(r.outcomes.joined.share).toBe(1);
    const m = compile(s);
    const t = traceBranch(m, 'months', 0);
    const objector = m.allyCodes.indexOf(s.allies[3]!.code);
    expect(t.entries.find((e) => e.kind === 'objection_met')).toMatchObject({ ally: objector, year: 2001, month: monthOfDate('2001-05'), reason: m.reasonOfPrecondition });
    const story = tellStory(m, 'months', t);
    expect(story.lines.find((l) => l.text.includes('asked again'))).toMatchObject({ year: 2001 });
    expect(story.lines.find((l) => l.text.includes('asked again'))!.text).toContain('now that the criterion it objected to is met: a');
    // Moved by an event rather than by the criterion, the story does not say the criterion is met.
    const thaw = certain({ date: '2000-01-10', horizon: 2002, edit: objectsToA });
    const shifted: Scenario = {
      ...improving(0)(thaw),
      events: [{ id: 'thaw', label: 'A thaw', source: 'test', historical: false, enabled: true, hazard: fixed(1), from: 2001, to: 2001, once: true, effects: [{ kind: 'consent', allies: { kind: 'some', codes: [thaw.allies[3]!.code] }, delta: fixed(1) }] }],
    };
    const mShifted = compile(shifted);
    const told = tellStory(mShifted, 'months', traceBranch(mShifted, 'months', 0)).lines.find((l) => l.text.includes('asked again'))!;
    expect(told.text).toContain('the terms have changed since it objected (its reason then: a not met)');
    // Without the improvement the same objection stands to the horizon.
    const stays = improving(0)(certain({ date: '2000-01-10', horizon: 2002, edit: objectsToA }));
    expect(run(stays).outcomes.pending_at_horizon.share).toBe(1);
  });

  test('a hold-out is asked again at the first meeting of the year even when the candidate withdraws that month', () => {
    // Precondition a is met from 2001: Ally 3 agrees at the May 2001 meeting and the candidate is
    // invited and joins at once. It withdraws in 2001 for certain, in a month drawn over the year:
    // the meeting comes first in its own month, so only a withdrawal before May leaves it outside.
    const base = improving(0.1)(certain({ date: '2000-01-10', horizon: 2001, edit: objectsToA }));
    const s: Scenario = { ...base, candidate: { ...base.candidate, withdrawal: fixed(1) } };
    const m = compile(s);
    const may = monthOfDate('2001-05');
    let joined = 0;
    for (let b = 0; b < 240; b++) {
      const t = traceBranch(m, 'months', b);
      if (t.exit.exit === 'joined') {
        joined++;
        expect(t.exitMonth).toBe(may);
      } else {
        expect(t.exit.exit).toBe('withdrawn');
        expect(t.exitMonth).toBeLessThan(may);
      }
    }
    expect(Math.abs(joined / 240 - 8 / 12)).toBeLessThan(0.1);
  });

  test("a later member's objection is negotiated from the day it joined, not from the application", () => {
    // Applied 2000-01; the vote waits 18 months (the December 2001 meeting); Ally 3 joins in
    // 2001-03 and lifts with a yearly chance of 1/2. Settled before the meeting: 1 − (1/2)^(9/12),
    // not 1 − (1/2)^(23/12) as talks from the application would give.
    const base = certain({ date: '2000-01-10', horizon: 2001, edit: (a, i) => (i === 3 ? { ...a, joined: '2001-03-01', consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.5) } : a) });
    const s = { ...base, process: { ...base.process, standardPath: { ...base.process.standardPath, minYears: fixed(1.5) } } };
    const r = run(s, 20000);
    expect(r.accessionMonths.map((a) => a.month)).toEqual(['2001-12']);
    expect(Math.abs(r.outcomes.joined.share - (1 - 0.5 ** (9 / 12)))).toBeLessThan(0.015);
    const m = compile(s);
    const t = traceBranch(m, 'months', findBranch(m, 'months', (exit) => exit === 'joined')!);
    const settled = t.entries.find((e) => e.kind === 'objection_settled');
    expect(settled!.kind === 'objection_settled' && settled!.month).toBeGreaterThanOrEqual(monthOfDate('2001-03'));
    // The story says it objected on joining, not when the application came in.
    const told = tellStory(m, 'months', t).lines.find((l) => l.text.includes('had objected'))!;
    expect(told.text).toContain('had objected on joining the Alliance in March 2001');
  });

  test('a withdrawal comes in its month: a deposit before it still makes a member', () => {
    // Invited 2000-05, every parliament 13 months: a member in June 2001. The candidate withdraws
    // in 2001 for certain, in a month drawn over the year: it joins when that month is June or later.
    const base = certain({ date: '2000-01-10', horizon: 2001, months: 13 });
    const r = run({ ...base, candidate: { ...base.candidate, withdrawal: fixed(1) } }, 6000);
    expect(r.accessionMonths.map((a) => a.month)).toEqual(['2001-06']);
    expect(Math.abs(r.outcomes.joined.share - 7 / 12)).toBeLessThan(0.03);
    expect(r.outcomes.joined.share + r.outcomes.withdrawn.share).toBe(1);
  });

  test('a withdrawal ends every objection: a new application is voted on afresh', () => {
    const base = certain({ date: '2000-01-10', horizon: 2002, edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0) } : a) });
    const s = { ...base, candidate: { ...base.candidate, withdrawal: fixed(1) } };
    const m = compile(s);
    const t = traceBranch(m, 'months', 0);
    // Applied 2000, withdrew 2001, applied again 2002: the Council asks every member again.
    expect(t.entries.filter((e) => e.kind === 'applied').map((e) => e.year)).toEqual([2000, 2002]);
    const votes2002 = t.entries.filter((e) => e.kind === 'vote' && e.year === 2002);
    expect(votes2002).toHaveLength(s.allies.length);
    expect(t.entries.some((e) => e.kind === 'holdout_lifted' || e.kind === 'objection_met')).toBe(false);
  });
});

describe('a story of ratification', () => {
  test('a parliament’s act is told in the year it falls in, and not at all after the branch ended', () => {
    // Invited 2000-05; in the branch taken, Ally 2 fails its first vote (pass ½) and passes a month later: 10 + 1 months, in April 2001.
    const s = certain({ date: '2000-01-10', horizon: 2002, edit: (a, i) => (i === 2 ? { ...a, ratification: { ...a.ratification, pass: fixed(0.5), months: fixed(10) } } : a) });
    const m = compile(s);
    const slow = m.allyCodes.indexOf(s.allies[2]!.code);
    const failsOnce = (model: typeof m, b: number) => traceBranch(model, 'months', b).entries.some((e) => e.kind === 'ratification' && e.ally === slow && e.failedVotes === 1);
    // About one branch in four: the first vote fails and the second passes.
    let branch = 0;
    while (branch < 200 && !failsOnce(m, branch)) branch++;
    expect(branch).toBeLessThan(200);
    const story = tellStory(m, 'months', traceBranch(m, 'months', branch));
    const retried = story.lines.find((l) => l.text.includes('fails at a first vote; put again a month later'))!;
    expect(retried).toMatchObject({ year: 2001 });
    expect(retried.text).toContain('in April 2001');
    expect(story.lines.map((l) => l.year)).toEqual([...story.lines.map((l) => l.year)].sort((a, b) => a - b));
    // Within its year, it comes in the order of its month: after an event of January 2001.
    const withEvent: Scenario = {
      ...s,
      events: [{ id: 'news', label: 'News of the year', source: 'test', historical: false, enabled: true, hazard: fixed(1), from: 2001, to: 2001, once: true, effects: [{ kind: 'interest', delta: fixed(0) }] }],
    };
    const mEvent = compile(withEvent);
    expect(failsOnce(mEvent, branch)).toBe(true);
    const ordered = tellStory(mEvent, 'months', traceBranch(mEvent, 'months', branch)).lines.map((l) => l.text);
    const eventAt = ordered.findIndex((l) => l.includes('News of the year'));
    expect(eventAt).toBeGreaterThan(-1);
    expect(ordered.findIndex((l) => l.includes('fails at a first vote; put again a month later'))).toBeGreaterThan(eventAt);
    // With the horizon before that month the branch ends pending, and the act is not told.
    const early = compile({ ...s, decisionPoint: { ...s.decisionPoint, horizon: 2000 } });
    const cut = tellStory(early, 'months', traceBranch(early, 'months', branch));
    expect(cut.lines.some((l) => l.text.includes('fails at a first vote'))).toBe(false);
  });
});

describe('joint candidacies', () => {
  const vetoer = (a: Ally, i: number): Ally => (i === 5 ? { ...a, consent: fixed(0), objection: 'veto' } : a);
  const slow = (a: Ally, i: number): Ally => (i === 5 ? { ...a, ratification: { ...a.ratification, months: fixed(20) } } : a);

  test('a co-candidate never votes on the candidate', () => {
    const alone = certain({ edit: vetoer });
    expect(run(alone).outcomes.vetoed.share).toBe(1);
    const together = { ...alone, candidate: { ...alone.candidate, coCandidates: [alone.allies[5]!.code] } };
    expect(run(together).outcomes.joined.share).toBe(1);
  });

  test('a co-candidate never ratifies the candidate’s protocol', () => {
    // Invited at the May 2000 meeting; the slow parliament would take 20 months.
    const alone = certain({ date: '2000-01-10', horizon: 2002, edit: slow });
    expect(run(alone).accessionMonths.map((m) => m.month)).toEqual(['2002-01']);
    const together = { ...alone, candidate: { ...alone.candidate, coCandidates: [alone.allies[5]!.code] } };
    expect(run(together).accessionMonths.map((m) => m.month)).toEqual(['2000-05']);
  });
});

describe('a withdrawal suspends the candidacy', () => {
  // Applies every year it is idle, withdraws in half the years after an application year, and
  // needs a year of preparation before the Council votes.
  const wavering = (): Scenario => {
    const base = certain({ date: '2000-01-10', horizon: 2010 });
    return {
      ...base,
      candidate: { ...base.candidate, withdrawal: fixed(0.5) },
      process: { ...base.process, standardPath: { ...base.process.standardPath, minYears: fixed(1) } },
    };
  };

  test('a candidate that withdrew may apply again and join', () => {
    const r = run(wavering(), 4000);
    // One attempt survives its withdrawal check with probability 1/2; ten years give several.
    expect(r.outcomes.joined.share).toBeGreaterThan(0.9);
    const m = compile(wavering());
    const resumed = Array.from({ length: 200 }, (_, b) => traceBranch(m, 'months', b)).find((t) => {
      const kinds = t.entries.map((e) => e.kind);
      return kinds.includes('withdrew') && kinds.lastIndexOf('applied') > kinds.indexOf('withdrew') && t.exit.exit === 'joined';
    });
    expect(resumed).toBeDefined();
  });

  test('a candidacy withdrawn and not taken up again by the horizon ends withdrawn, in the month it was withdrawn', () => {
    // Applies in January 2000; in 2001, the last year, it is invited in May and joins at once,
    // unless it withdraws (one branch in two) in a month before May (4 in 12).
    const base = wavering();
    const short: Scenario = { ...base, decisionPoint: { ...base.decisionPoint, horizon: 2001 } };
    const r = run(short, 4000);
    expect(r.outcomes.withdrawn.share + r.outcomes.joined.share).toBe(1);
    expect(Math.abs(r.outcomes.withdrawn.share - 0.5 * (4 / 12))).toBeLessThan(0.03);
    const m = compile(short);
    const t = Array.from({ length: 50 }, (_, b) => traceBranch(m, 'months', b)).find((x) => x.exit.exit === 'withdrawn')!;
    const withdrew = t.entries.filter((e) => e.kind === 'withdrew');
    expect(withdrew).toHaveLength(1);
    expect(t.exitMonth).toBe((withdrew[0] as { month: number }).month);
    expect(t.exitYear).toBe(2001);
    // The story ends with its ending, after the years that followed the withdrawal.
    const long = compile(base);
    const told = tellStory(long, 'months', traceBranch(long, 'months', findBranch(long, 'months', (exit) => exit === 'withdrawn')!));
    expect(told.lines[told.lines.length - 1]!.text).toBe(told.ending);
  });
});

describe('why no vote is held', () => {
  test('once the preparation years are served, a candidacy withdrawn before the next meeting was waiting for that meeting, not for its years', () => {
    // Applied in November 2000, two months of preparation (served in January 2001); the Council
    // meets next in May 2001; a candidacy is withdrawn in a year after its application's.
    const base = certain({ date: '2000-11-10', horizon: 2001 });
    const s: Scenario = {
      ...base,
      candidate: { ...base.candidate, withdrawal: fixed(1) },
      process: { ...base.process, standardPath: { ...base.process.standardPath, minYears: fixed(2 / 12), readiness: fixed(0) } },
    };
    const m = compile(s);
    const waits = new Set<string>();
    for (let b = 0; b < 60; b++) {
      const t = traceBranch(m, 'months', b);
      const withdrew = t.entries.find((e) => e.kind === 'withdrew');
      for (const line of tellStory(m, 'months', t).lines.filter((l) => l.text.startsWith('No invitation yet'))) {
        // Withdrawn in 2001 after the years were served and before the May meeting: the meeting was what it waited for.
        if (line.year === 2001 && withdrew !== undefined && withdrew.month >= monthIndex(2001, 2) && withdrew.month < monthIndex(2001, 5)) waits.add(line.text);
      }
    }
    expect([...waits].length).toBeGreaterThan(0);
    for (const w of waits) expect(w).toContain("waiting for the Council's next meeting");
  });

  test('two rules blocking the invitation at once: the stall is named by the first of them in the file', () => {
    const base = certain({ date: '2000-01-10', horizon: 2001 });
    const blocking = (id: string): Scenario['rules'][number] => ({ id, text: id, source: 'test', enabled: true, when: { kind: 'year', from: 2000 }, effects: [{ kind: 'block' }] });
    const r = run({ ...base, rules: [blocking('first'), blocking('second')] }, 200);
    expect(r.outcomes.map_stalled.share).toBe(1);
    expect(r.blockers.map((b) => [b.reason.kind, b.reason.id])).toEqual([['rule', 'first']]);
  });

  test('a candidacy stalled at the horizon is named by what held its last year back, not by levels after that year', () => {
    // Gated (the MAP era), every precondition needed; one is below its threshold all through the
    // horizon year and only the drift at that year's end would lift it: the stall is that
    // precondition's, as the year's own waiting line says, not the Council's next meeting.
    const base = certain({ date: '2000-01-10', horizon: 2001 });
    const s: Scenario = {
      ...base,
      process: { ...base.process, standardPath: { ...base.process.standardPath, minYears: fixed(0), readiness: fixed(1) } },
      preconditions: base.preconditions.map((p, k) =>
        k === 0 ? { ...p, level: fixed(0.2), drift: fixed(0.2), volatility: fixed(0), threshold: fixed(0.55) } : { ...p, level: fixed(1) },
      ),
    };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'months', 200), { seed: 'months' });
    expect(r.outcomes.map_stalled.share).toBe(1);
    expect(r.blockers.map((x) => x.reason.label)).toEqual([`${s.preconditions[0]!.label} not met`]);
    const told = tellStory(m, 'months', traceBranch(m, 'months', 0));
    const waiting = told.lines.filter((l) => l.text.includes('No invitation yet'));
    expect(waiting[waiting.length - 1]!.text).toMatch(/^2000–2001: .*: a not met\.$/);
    expect(told.ending).toContain('not met');
  });
});

describe('the month of the invitation, and the months from it to membership', () => {
  test('are the Council meeting that invited and the deposit after it', () => {
    // Invited at the May meeting, every parliament 13 months: members in June 2001, 13 months on.
    const r = run(certain({ date: '2000-01-10', horizon: 2002, months: 13 }));
    expect(r.invitationMonths.map((m) => m.month)).toEqual(['2000-05']);
    expect(r.accessionMonths.map((m) => m.month)).toEqual(['2001-06']);
    expect(r.invitationToMembership.map((l) => l.months)).toEqual([13]);
    expect(r.invitationMonths.reduce((n, m) => n + m.count, 0)).toBe(r.outcomes.joined.count);
  });

  test('count each joined branch once, at the months its story gives; a branch invited and not joined is not counted', () => {
    // An objection lifting by chance, then parliaments slow enough that some branches are still
    // ratifying at the horizon: invited branches are not all joined ones.
    const s = certain({ date: '2000-01-10', horizon: 2001, months: 10, edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.5) } : a) });
    const m = compile(s);
    const r = summarize(m, simulate(m, 'months', 400), { seed: 'months' });
    const invited = new Map<string, number>();
    const lags = new Map<number, number>();
    for (let b = 0; b < 400; b++) {
      const t = traceBranch(m, 'months', b);
      if (t.exit.exit !== 'joined') continue;
      const first = (t.entries.find((e) => e.kind === 'invited') as { month: number }).month;
      invited.set(monthLabel(first), (invited.get(monthLabel(first)) ?? 0) + 1);
      lags.set(t.exitMonth - first, (lags.get(t.exitMonth - first) ?? 0) + 1);
    }
    expect(Object.fromEntries(r.invitationMonths.map((x) => [x.month, x.count]))).toEqual(Object.fromEntries(invited));
    expect(Object.fromEntries(r.invitationToMembership.map((x) => [x.months, x.count]))).toEqual(Object.fromEntries(lags));
    expect(r.invitationMonths.length).toBeGreaterThan(1);
    expect(r.funnel.find((f) => f.stage === 'invited')!.count).toBeGreaterThan(r.outcomes.joined.count);
  });

  test('years, months and lags of the joined branches are shares of the joined branches; each outcome\'s years, of that outcome', () => {
    // An objection lifting by chance and slow parliaments: some branches join in 2001, others are still pending at the horizon.
    const s = certain({ date: '2000-01-10', horizon: 2001, months: 10, edit: (a, i) => (i === 3 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.5) } : a) });
    const r = run(s, 1000);
    const joined = r.outcomes.joined.count;
    expect(joined).toBeGreaterThan(0);
    expect(joined).toBeLessThan(r.runs);
    const rows: readonly (readonly { count: number; share: number }[])[] = [r.accessionYears, r.accessionMonths, r.invitationMonths, r.invitationToMembership];
    for (const list of rows) {
      expect(list.reduce((n, x) => n + x.count, 0)).toBe(joined);
      for (const x of list) expect(x.share).toBeCloseTo(x.count / joined, 12);
    }
    for (const [outcome, years] of Object.entries(r.outcomeYears)) {
      const count = r.outcomes[outcome as keyof typeof r.outcomes].count;
      expect(years.reduce((n, y) => n + y.count, 0)).toBe(count);
      for (const y of years) expect(y.share).toBeCloseTo(y.count / count, 12);
    }
  });

  test('a candidacy invited again after a withdrawal keeps its first invitation, and its lag runs from it', () => {
    // Invited in May 2000 in every branch; with parliaments slow and a withdrawal every year, the
    // same branches may be invited again later: the month counted is still May 2000.
    const base = certain({ date: '2000-01-10', horizon: 2006, months: 30 });
    const s: Scenario = { ...base, candidate: { ...base.candidate, withdrawal: fixed(0.5) } };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'months', 2000), { seed: 'months' });
    const again = Array.from({ length: 300 }, (_, b) => traceBranch(m, 'months', b)).find((t) => t.exit.exit === 'joined' && t.entries.filter((e) => e.kind === 'invited').length > 1);
    expect(again).toBeDefined();
    expect(r.invitationMonths.map((x) => x.month)).toEqual(['2000-05']);
    const first = monthOfDate('2000-05');
    expect(r.invitationToMembership.map((l) => l.months)).toEqual(r.accessionMonths.map((a) => monthOfDate(a.month) - first));
  });
});

describe('a story in the order of its months', () => {
  test('every hold-out still refusing when asked again is named, one that lifts later that year too, and a lift before the meeting comes first', () => {
    // Allies 3 and 4 hold out at the May 2000 meeting and never agree on the terms; in 2001 one
    // lifts by a concession before the May meeting and the other after it.
    const holdout = (a: Ally, i: number): Ally => (i === 3 || i === 4 ? { ...a, consent: fixed(0), objection: 'holdout', holdoutLift: fixed(0.9) } : a);
    const m = compile(certain({ date: '2000-01-10', horizon: 2001, edit: holdout }));
    const [early, late] = [3, 4].map((i) => m.allyCodes.indexOf(referenceScenario().allies[i]!.code)) as [number, number];
    const meeting = monthOfDate('2001-05');
    const lifts = (t: ReturnType<typeof traceBranch>) => new Map(t.entries.flatMap((e) => (e.kind === 'holdout_lifted' ? [[e.ally, e.month] as const] : [])));
    const branch = Array.from({ length: 400 }, (_, b) => b).find((b) => {
      const l = lifts(traceBranch(m, 'months', b));
      return l.get(early)! < meeting && l.get(late)! > meeting && l.get(late)! < monthOfDate('2002-01');
    });
    expect(branch).toBeDefined();
    const told = tellStory(m, 'months', traceBranch(m, 'months', branch!)).lines.map((l) => l.text);
    const [earlyName, lateName] = [early, late].map((i) => describeActor(m, i, 'veto').name);
    const asked = told.findIndex((l) => l.startsWith('Asked again'));
    expect(told[asked]).toBe(`Asked again at the Council's first meeting of the year, ${lateName} still holds out.`);
    expect(told.findIndex((l) => l.startsWith(`${earlyName} lifts its hold-out`))).toBeLessThan(asked);
    expect(told.findIndex((l) => l.startsWith(`${lateName} lifts its hold-out`))).toBeGreaterThan(asked);
  });

  test('a withdrawal ends the ratification under way: no parliament is told ratifying after it', () => {
    // Invited in May 2000: Ally 2's parliament ratifies in August 2000, the others in June 2001.
    // The candidate may withdraw in 2001 and apply again; from 2001 every Ally refuses, so no
    // new protocol follows and the story goes on past June 2001.
    const base = certain({ date: '2000-01-10', horizon: 2004, months: 13, edit: (a, i) => (i === 2 ? { ...a, ratification: { ...a.ratification, months: fixed(3) } } : a) });
    const cold: Scenario['events'][number] = {
      id: 'cold',
      label: 'Event cold',
      source: 'test',
      historical: true,
      enabled: true,
      hazard: fixed(1),
      from: 2001,
      to: 2001,
      once: true,
      effects: [{ kind: 'consent', allies: { kind: 'all' }, delta: fixed(-1) }],
    };
    const s: Scenario = { ...base, candidate: { ...base.candidate, withdrawal: fixed(0.5) }, events: [cold] };
    const m = compile(s);
    const june2001 = monthOfDate('2001-06');
    const firstWithdrawal = (t: ReturnType<typeof traceBranch>) => t.entries.find((e) => e.kind === 'withdrew')?.month ?? Infinity;
    const branch = Array.from({ length: 400 }, (_, b) => b).find((b) => firstWithdrawal(traceBranch(m, 'months', b)) < june2001);
    expect(branch).toBeDefined();
    const t = traceBranch(m, 'months', branch!);
    // The engine agrees: the round withdrawn from makes no member.
    expect(t.exit.exit).not.toBe('joined');
    expect(t.exitMonth).toBeGreaterThan(june2001);
    const told = tellStory(m, 'months', t).lines.map((l) => l.text);
    expect(told.some((l) => l.includes('ratify the protocol in June 2001') || l.includes('to June 2001'))).toBe(false);
    // What a parliament did before the withdrawal may be told.
    expect(told).toContain(`1 of the ${s.allies.length} members' parliaments ratify the protocol in August 2000.`);
  });

  test('an invitation by the members voting says which co-candidates, members already, do not vote', () => {
    const joinedEarlier = (a: Ally, i: number): Ally => (i === 5 || i === 6 ? { ...a, joined: '1999-03-12' } : a);
    const base = certain({ date: '2000-01-10', edit: joinedEarlier });
    const s = { ...base, candidate: { ...base.candidate, coCandidates: [base.allies[5]!.code, base.allies[6]!.code] } };
    const m = compile(s);
    const told = tellStory(m, 'months', traceBranch(m, 'months', 0)).lines.map((l) => l.text);
    expect(told).toContain(`Invited in May 2000 by unanimous agreement of the ${s.allies.length - 2} members voting, its 2 co-candidates of the 1999 round aside (Article 10).`);
    const one = { ...base, candidate: { ...base.candidate, coCandidates: [base.allies[5]!.code] } };
    const m1 = compile(one);
    const name = describeActor(m1, m1.allyCodes.indexOf(base.allies[5]!.code), 'veto').name;
    expect(tellStory(m1, 'months', traceBranch(m1, 'months', 0)).lines.map((l) => l.text)).toContain(`Invited in May 2000 by unanimous agreement of the ${s.allies.length - 1} members voting, its co-candidate ${name} aside (Article 10).`);
  });
});
