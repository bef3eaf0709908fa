import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CHUNK_SIZE, compile, emptyTally, EXITS, findBranch, LAST_BRANCH, mergeInto, simulateRange, summarize, traceBranch, type CompiledModel, type Tally } from '../../src/engine/index.js';
import { emptyPairedTally, simulatePairedRange } from '../../src/engine/paired.js';
import { fixed } from '../../src/model/distribution.js';
import type { Scenario } from '../../src/model/scenario.js';
import { tallyProblem } from '../../src/batch/tally-checks.js';
import { richScenario } from '../helpers/rich-scenario.js';

/**
 * The promises of the engine checked on generated scenarios that reach its corners at once
 * (see helpers/rich-scenario.ts): co-candidates, hold-outs beside vetoes, rules and events on
 * and off, withdrawal, failed ratification votes, late decision dates, a horizon in the decision
 * year, one Ally or forty, cohesion 0 and 1, distributions of no width.
 */

const plain = (t: Tally) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v instanceof Float64Array ? Array.from(v) : v]));

/** The branches [first, first + count) run one by one in reverse order: what one branch leaves in the state must not reach another. */
function reversed(m: CompiledModel, seed: string, first: number, count: number): Tally {
  const t = emptyTally(m);
  for (let b = first + count - 1; b >= first; b--) simulateRange(m, seed, b, 1, t);
  return t;
}

/** Where a single-branch tally put its branch: exit, year, month (joined only) and blocker cell. */
function oneBranch(m: CompiledModel, t: Tally) {
  const exit = t.exits.findIndex((n) => n === 1);
  const year = t.exitYears.findIndex((n) => n === 1) - exit * m.years + m.startYear;
  const cell = t.blockers.findIndex((n) => n === 1);
  const joinMonth = t.joinMonths.findIndex((n) => n === 1);
  return { exit: EXITS[exit]!.exit, year, cell, joinMonth: joinMonth < 0 ? -1 : joinMonth + m.firstMonth, applied: t.funnel[1] === 1, invited: t.funnel[2] === 1 };
}

const seeds = fc.constantFrom('a', 'rich', '7', 'seed with spaces');

describe('engine promises on generated scenarios', () => {
  test('any split and order of the branches gives the same tally, on a fresh state or a used one, across a chunk boundary', () => {
    fc.assert(
      fc.property(richScenario(), seeds, fc.constantFrom(0, CHUNK_SIZE - 37), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 }), (s, seed, first, pieces) => {
        const count = 80;
        const m = compile(s);
        const whole = simulateRange(m, seed, first, count);
        expect(tallyProblem(m, whole)).toBeUndefined();
        expect(plain(reversed(m, seed, first, count))).toEqual(plain(whole));
        // Pieces of odd sizes, the later ones first, each on a model compiled afresh or the used one.
        const split = emptyTally(m);
        const cuts: [number, number][] = [];
        for (let at = 0, i = 0; at < count; i++) {
          const n = Math.min(pieces[i % pieces.length]!, count - at);
          cuts.push([first + at, n]);
          at += n;
        }
        cuts.reverse().forEach(([from, n], i) => mergeInto(split, simulateRange(i % 2 === 0 ? compile(s) : m, seed, from, n)));
        expect(plain(split)).toEqual(plain(whole));
        // Switching every accelerator off changes no number.
        expect(plain(simulateRange(compile(s, { quiet: false, blockWalk: false, lazyLevels: false }), seed, first, count))).toEqual(plain(whole));
        const r = summarize(m, whole, { seed });
        expect(Object.values(r.outcomes).reduce((sum, o) => sum + o.count, 0)).toBe(count);
        expect(Object.values(r.outcomes).reduce((sum, o) => sum + o.share, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 50 },
    );
  });

  test('explain --branch K tells the branch the run counted: its end, year, month, blocker and stages, for K across chunks and the last branch there is', () => {
    fc.assert(
      fc.property(richScenario(), seeds, fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(CHUNK_SIZE - 1, CHUNK_SIZE, 3 * CHUNK_SIZE + 5, 999_999, LAST_BRANCH)), { minLength: 4, maxLength: 10 }), (s, seed, branches) => {
        const m = compile(s);
        for (const b of branches) {
          const batch = oneBranch(m, simulateRange(m, seed, b, 1));
          const trace = traceBranch(m, seed, b);
          const tracedCell = (EXITS.indexOf(trace.exit) * (m.allyCount + 2) + (trace.actor + 1)) * m.reasonCount + trace.reason;
          const told = {
            exit: trace.exit.exit,
            year: trace.exitYear,
            cell: tracedCell,
            joinMonth: trace.exit.exit === 'joined' ? trace.exitMonth : -1,
            applied: trace.entries.some((e) => e.kind === 'applied'),
            invited: trace.entries.some((e) => e.kind === 'invited'),
          };
          expect(told, `branch ${b}`).toEqual(batch);
        }
      }),
      { numRuns: 50 },
    );
  });

  test('explain --outcome finds the first branch from K that the run ends that way', () => {
    fc.assert(
      fc.property(richScenario(), seeds, fc.constantFrom(0, 3, CHUNK_SIZE - 50), (s, seed, from) => {
        const m = compile(s);
        const ends = Array.from({ length: 120 }, (_, j) => oneBranch(m, simulateRange(m, seed, from + j, 1)).exit);
        for (const exit of new Set(EXITS.map((e) => e.exit))) {
          const at = ends.indexOf(exit);
          expect(findBranch(m, seed, (e) => e === exit, from, 120), exit).toBe(at < 0 ? undefined : from + at);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('a scenario paired with itself differs in no branch, and each side is its own run', () => {
    fc.assert(
      fc.property(richScenario(), seeds, (s, seed) => {
        const a = compile(s);
        const b = compile(s);
        const paired = simulatePairedRange(a, b, seed, 0, 60, emptyPairedTally(a, b));
        const own = simulateRange(compile(s), seed, 0, 60);
        expect(plain(paired.a)).toEqual(plain(own));
        expect(plain(paired.b)).toEqual(plain(own));
        const k = Math.sqrt(paired.joint.length);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) expect(paired.joint[i * k + j]).toBe(0);
        // Reached in A and not in B, or the reverse: never.
        for (let stage = 0; stage < paired.stages.length / 4; stage++) {
          expect(paired.stages[stage * 4 + 1]).toBe(0);
          expect(paired.stages[stage * 4 + 2]).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  test("raising an Ally's consent never lowers the joined count under the same seeds, whatever the co-candidates, cohesion and hold-outs", () => {
    fc.assert(
      fc.property(richScenario({ timingFree: true }), fc.nat(), fc.constantFrom(0.1, 0.3, 1), (s, pick, bump) => {
        const ally = pick % s.allies.length;
        const raised: Scenario = {
          ...s,
          allies: s.allies.map((a, i) => {
            if (i !== ally) return a;
            const d = a.consent.dist;
            return { ...a, consent: d.kind === 'fixed' ? fixed(Math.min(1, d.value + bump)) : fixed(1) };
          }),
        };
        // A distribution raised to 1 is raised only if it never drew above 1: always so for a probability.
        const joined = (x: Scenario) => simulateRange(compile(x), 'mono', 0, 300).exits[0]!;
        expect(joined(raised)).toBeGreaterThanOrEqual(joined(s));
      }),
      { numRuns: 60 },
    );
  });

  test('a later horizon changes no branch that ended with a decision (joined, vetoed, refused in ratification) by the earlier one', () => {
    const decided = new Set(['joined', 'vetoed', 'ratification_failed']);
    fc.assert(
      fc.property(richScenario(), fc.integer({ min: 1, max: 3 }), seeds, (s, more, seed) => {
        const short = compile(s);
        const long = compile({ ...s, decisionPoint: { ...s.decisionPoint, horizon: s.decisionPoint.horizon + more } });
        for (let b = 0; b < 40; b++) {
          const a = oneBranch(short, simulateRange(short, seed, b, 1));
          const c = oneBranch(long, simulateRange(long, seed, b, 1));
          const aDecided = decided.has(a.exit);
          const cDecided = decided.has(c.exit) && c.year <= s.decisionPoint.horizon;
          if (!aDecided && !cDecided) continue;
          // The same end, in the same month, named alike (the tally's cells differ only by its years).
          expect({ exit: c.exit, year: c.year, joinMonth: c.joinMonth, cell: c.cell % (long.reasonCount * (long.allyCount + 2)) }, `branch ${b}`).toEqual({
            exit: a.exit,
            year: a.year,
            joinMonth: a.joinMonth,
            cell: a.cell % (short.reasonCount * (short.allyCount + 2)),
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  test("a co-candidate's own numbers and objection change nothing: it never votes on, nor ratifies, the candidate's accession", () => {
    fc.assert(
      fc.property(
        richScenario().filter((s) => s.candidate.coCandidates.length > 0),
        fc.record({ consent: fc.constantFrom(0, 1), pass: fc.constantFrom(0, 1), months: fc.constantFrom(0, 40), holdout: fc.boolean() }),
        seeds,
        (s, other, seed) => {
          const edited: Scenario = {
            ...s,
            allies: s.allies.map((a) =>
              s.candidate.coCandidates.includes(a.code)
                ? { ...a, consent: fixed(other.consent), threat: fixed(1 - other.consent), objection: other.holdout ? 'holdout' : 'veto', holdoutLift: fixed(0), ratification: { ...a.ratification, pass: fixed(other.pass), months: fixed(other.months) } }
                : a,
            ),
          };
          expect(plain(simulateRange(compile(edited), seed, 0, 80))).toEqual(plain(simulateRange(compile(s), seed, 0, 80)));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('levers that only help never lower the joined count under the same seeds: less threat, a likelier lift, a likelier vote, a faster parliament or protocol', () => {
    type Lever = (s: Scenario, i: number) => Scenario;
    const onAlly = (edit: (a: Scenario['allies'][number]) => Scenario['allies'][number]): Lever => (s, i) => ({ ...s, allies: s.allies.map((a, j) => (j === i ? edit(a) : a)) });
    const levers: Record<string, Lever> = {
      threat: onAlly((a) => ({ ...a, threat: fixed(0) })),
      lift: onAlly((a) => ({ ...a, holdoutLift: fixed(1) })),
      pass: onAlly((a) => ({ ...a, ratification: { ...a.ratification, pass: fixed(1) } })),
      months: onAlly((a) => ({ ...a, ratification: { ...a.ratification, months: fixed(0) } })),
      protocol: (s) => ({ ...s, process: { ...s.process, protocolMonths: fixed(0) } }),
    };
    fc.assert(
      fc.property(richScenario({ timingFree: true }), fc.nat(), fc.constantFrom(...Object.keys(levers)), (s, pick, lever) => {
        const helped = levers[lever]!(s, pick % s.allies.length);
        const joined = (x: Scenario) => simulateRange(compile(x), 'help', 0, 300).exits[0]!;
        expect(joined(helped)).toBeGreaterThanOrEqual(joined(s));
      }),
      { numRuns: 60 },
    );
  });
});
