import { describe, expect, test } from 'vitest';
import { tellStory, type Story } from '../../src/analysis/explain/story.js';
import { theState } from '../../src/model/names.js';
import { prepareStudentHandout } from '../../src/analysis/handout/run.js';
import { compile, describeActor, findBranch, traceBranch } from '../../src/engine/index.js';
import type { Scenario } from '../../src/model/scenario.js';
import { loadBundled } from '../helpers/bundled-scenarios.js';
import { ROOT } from '../helpers/cli.js';
import { scenario, scenarioText } from './helpers.js';

/**
 * Stories of bundled scenarios as `explain` tells them (seed 1): the branches where a story once
 * contradicted itself or the engine.
 */
function told(s: Scenario, branch: number, plain = false): Story {
  const m = compile(s);
  return tellStory(m, '1', traceBranch(m, '1', branch), { plain });
}

const texts = (story: Story) => story.lines.map((l) => `${l.year} ${l.text}`);
const at = (story: Story, part: string) => texts(story).findIndex((l) => l.includes(part));

describe('a story told by its months', () => {
  test('a withdrawal ends the ratification under way: no parliament ratifies after it', async () => {
    const s = await scenarioText('extends: bundled:backtests/slovakia-2004\nid: slovakia-withdraws\ncandidate:\n  withdrawal: { value: 0.3, source: assumption }\n');
    const m = compile(s);
    const t = traceBranch(m, '1', 5);
    // The engine does not count the round withdrawn from: the branch ends stalled years later.
    expect(t.exit.exit).toBe('map_stalled');
    const story = tellStory(m, '1', t);
    expect(at(story, 'withdraws its application in September 2003')).toBeGreaterThan(-1);
    expect(texts(story).some((l) => /ratif(y|ies) the protocol/.test(l))).toBe(false);
  });

  test('every Ally still refusing when asked again is named, and a year is told in the order of its months', async () => {
    const story = told(await loadBundled('backtests/turkey-1952'), 0);
    expect(texts(story)).toContain("1952 Asked again at the Council's first meeting of the year, Belgium, Denmark, Italy, the Netherlands and the United Kingdom still hold out.");
    expect(at(story, 'Iceland lifts its hold-out after a concession, in April 1952')).toBeLessThan(at(story, 'Asked again'));
    expect(at(story, 'Denmark lifts its hold-out after a concession, in October 1952')).toBeGreaterThan(at(story, 'Asked again'));
  });

  test('an event is told at the start of its year, where the engine lets it act; the ending comes last', async () => {
    const home = told(await scenario('russia-1990-common-home'), 5);
    expect(home.ending).toMatch(/becomes a member in May 1994/);
    expect(home.lines[home.lines.length - 1]!.text).toBe(home.ending);
    const austria = told(await scenario('russia-1954-austria-model'), 0);
    expect(austria.ending).toMatch(/vetoed in May 1956/);
    // The Soviet intervention in Hungary weighs on the vote of May 1956 in the engine: it is told before it.
    expect(at(austria, 'Hungary')).toBeGreaterThan(-1);
    expect(at(austria, 'Hungary')).toBeLessThan(at(austria, 'North Atlantic Council, May 1956'));
  });
});

describe('who decides', () => {
  test('co-candidates that are members already do not vote, and the story says so', async () => {
    const story = told(await loadBundled('backtests/slovakia-2004'), 5);
    expect(texts(story)).toContain('2007 Invited in December 2007 by unanimous agreement of the 19 members voting, its 6 co-candidates of the 2004 round aside (Article 10).');
    // Before the round joined, the 19 were the whole Alliance.
    expect(texts(story)).toContain('2002 Invited in November 2002 by unanimous agreement of the 19 members (Article 10).');
  });

  test('a veto of Allies alike gives each reason with who gives it', async () => {
    const s = await scenario('russia-2000', ['rules.no-queue.enabled=false']);
    const story = told(s, 2752);
    expect(story.ending).toBe(
      'The invitation is vetoed in December 2001: 12 Allies refuse with the same chance of consent (0%), none stands out: candidate demanded special status instead of the standard path (11 Allies); sees a threat in admitting the candidate (Poland). Of the other 7, 2 agree, 4 also veto and 1 holds out.',
    );
  });

  test('refusals summed up in plain words count each reason and name no Ally as the main objector but the strongest', async () => {
    const kit = (team: string) => scenario(`${ROOT}/scenarios/kits/1990/team-${team}.yaml`);
    // The first vetoed branches of the two teams, as their handouts tell them: the vote that
    // vetoed is told once, by the ending, with each reason and who gives it.
    const a = told(await kit('a'), 0, true);
    expect(a.ending).toMatch(/: 7 Allies veto it, none more firmly than the others: candidate demanded special status instead of the standard path\. /);
    const b = told(await kit('b'), 1, true);
    expect(b.ending).toMatch(/10 Allies veto it, none more firmly than the others: Functioning democracy with a market economy not met \(6 Allies\); sees a threat in admitting the candidate \(3 Allies\); /);
    for (const story of [a, b]) {
      expect(texts(story).some((l) => /^1994 \d+ Allies refuse: /.test(l))).toBe(false);
      expect(texts(story).join('\n')).not.toMatch(/among them/);
    }
    // A vote that did not end the branch is summed up in its own line: its reasons (with who gives each when they differ), then the strongest objector or none.
    const turkey = await loadBundled('backtests/turkey-1952');
    const m = compile(turkey);
    const branch = Array.from({ length: 200 }, (_, i) => i).find((i) => texts(told(turkey, i, true)).some((l) => /^\d{4} \d+ Allies refuse: /.test(l)))!;
    expect(branch).toBeDefined();
    const summed = texts(told(turkey, branch, true)).find((l) => /^\d{4} \d+ Allies refuse: /.test(l))!;
    expect(summed).not.toMatch(/among them/);
    // The Ally named is the one with the lowest chance of consent at that vote, or none where several share it.
    const refusals = traceBranch(m, '1', branch).entries.filter((e) => e.kind === 'vote' && !e.consent && e.year === Number(summed.slice(0, 4))) as { ally: number; p: number; month: number }[];
    // The first meeting of that year with more than three refusals: the one summed up in a line.
    const month = [...new Set(refusals.map((v) => v.month))].find((mo) => refusals.filter((v) => v.month === mo).length > 3)!;
    const first = refusals.filter((v) => v.month === month);
    const lowest = Math.min(...first.map((v) => v.p));
    const at = first.filter((v) => v.p === lowest);
    expect(summed).toMatch(at.length === 1 ? new RegExp(`The strongest objector is ${theState(describeActor(m, at[0]!.ally, 'veto').name)}\\.$`) : /none stands out\.$/);
  });
});

describe('a vetoed story in plain words accounts for every Ally asked', () => {
  /** The last vote's count and what the ending says of it: the Allies it names, and those it says did otherwise. */
  const tally = (story: Story) => {
    const vote = [...texts(story)].reverse().find((l) => / Allies asked agree to invite /.test(l))!;
    const [, agreed, asked] = /: (\d+) of (\d+) Allies asked agree/.exec(vote)!.map(Number);
    const e = story.ending;
    const named = Number(/: (\d+) Allies veto it,/.exec(e)?.[1] ?? (/ vetoes the invitation in /.test(e) ? 1 : 0));
    const one = /The other Ally asked(?:, .+?,)? (agrees|also vetoes|holds out)\./.exec(e);
    const same = /The other (\d+)(?:, .+?,)? (agree|also veto|hold out)\./.exec(e);
    const mixed = /Of the other (\d+), (.+)\.$/.exec(e);
    const parts = mixed === null ? [] : [...mixed[2]!.matchAll(/(\d+) (agrees?|also vetoe?s?|holds? out)/g)].map((x) => ({ n: Number(x[1]), what: x[2]! }));
    const others = one !== null ? 1 : same !== null ? Number(same[1]) : mixed !== null ? Number(mixed[1]) : 0;
    const saidAgree = one?.[1] === 'agrees' ? 1 : same?.[2] === 'agree' ? others : parts.filter((x) => x.what.startsWith('agree')).reduce((n, x) => n + x.n, 0);
    return { agreed, asked, named, others, saidAgree, partsSum: mixed === null ? others : parts.reduce((n, x) => n + x.n, 0) };
  };

  /** The story of the scenario's first vetoed branch (seed 1), in plain words as the student's page tells it. */
  const firstVetoedInPlainWords = async (name: string): Promise<Story> => {
    const s = await scenario(name);
    const branch = findBranch(compile(s), '1', (exit) => exit === 'vetoed', 0, 5000)!;
    return told(s, branch, true);
  };

  test('russia-1990: "0 of 16 agree" is followed by the 14 who veto alike and the 2 who hold out', async () => {
    const story = await firstVetoedInPlainWords('russia-1990');
    expect(texts(story)).toContain('1994 North Atlantic Council, December 1994: 0 of 16 Allies asked agree to invite Russia.');
    expect(story.ending).toBe(
      'The invitation is vetoed in December 1994: 14 Allies veto it, none more firmly than the others: candidate demanded special status instead of the standard path. The other 2, Greece and Turkey, hold out.',
    );
    // No chance of consent in plain words.
    expect(story.ending).not.toMatch(/%/);
  });

  test('russia-1954: the one Ally named as vetoing is followed by what the other 13 did', async () => {
    const story = await firstVetoedInPlainWords('russia-1954');
    expect(texts(story)).toContain('1954 North Atlantic Council, May 1954: 0 of 14 Allies asked agree to invite the Soviet Union.');
    expect(story.ending).toMatch(/^The United Kingdom vetoes the invitation in May 1954: .* The other 13 also veto\.$/);
  });

  test.each([false, true])('an ending at the horizon is not followed by a count of an earlier vote (plain words: %s)', async (plain) => {
    // Every parliament ratifying at one pace: the vote that invited was long before, and all agreed in the end.
    const pending = told(await loadBundled('backtests/bosnia-herzegovina-2010'), 5765, plain);
    expect(pending.ending).toBe('Ratification is still under way at the horizon: several parliaments at the same pace, none slower than the others.');
    // Talks still going on: the last vote's counts no longer stand (hold-outs may have lifted since).
    const holding = told(await loadBundled('backtests/georgia-2008'), 711, plain);
    expect(holding.ending).toBe('At the horizon the talks go on: several Allies still hold out alike, none stands out: sees a threat in admitting the candidate.');
  });

  test.each(['russia-1954', 'russia-1990', 'russia-2000-stands-in-line', 'russia-1990-common-home'])('%s: in the first vetoed branches the ending and the vote add up to the Allies asked', async (name) => {
    const s = await scenario(name);
    const m = compile(s);
    let checked = 0;
    for (let from = 0, n = 0; n < 25; n++) {
      const branch = findBranch(m, '1', (exit) => exit === 'vetoed', from, 20_000);
      if (branch === undefined) break;
      from = branch + 1;
      const story = told(s, branch, true);
      // Three refusals or fewer are told one by one in the lines; more are the ending's to count.
      if (texts(story).some((l) => / (vetoes|holds out): /.test(l))) continue;
      const t = tally(story);
      expect(t.named + t.others, story.ending).toBe(t.asked);
      expect(t.partsSum, story.ending).toBe(t.others);
      expect(t.saidAgree, story.ending).toBe(t.agreed);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a handout keeps the steps that decide its story', () => {
  const FAST = { seed: '1', runs: 4000, storySearch: 20_000 } as const;
  const handoutStory = async (centre: Scenario, other: Scenario) => {
    const h = await prepareStudentHandout({ scenario: centre, other, command: 'x' }, FAST);
    return h.story!.lines.map((l) => `${l.year} ${l.text}`);
  };
  const kit = (year: string, team: string) => scenario(`${ROOT}/scenarios/kits/${year}/team-${team}.yaml`);

  test('an application made before the MAP exists is told on the intensified dialogue, not the MAP', async () => {
    const s = await scenarioText('extends: bundled:russia-2000\nid: map-later\nprocess:\n  mapIntroduced: 2003\ncandidate:\n  interest: 1\n  domesticOpposition: 0\n  acceptsStandardPath: 1\n');
    const story = told(s, 0);
    expect(texts(story).find((l) => l.includes('applies in'))).toMatch(/accepting the standard path: intensified dialogue until the Membership Action Plan exists/);
  });

  test('a branch that joins: the application, the invitation and the protocol', async () => {
    const lines = await handoutStory(await scenario('russia-1990-common-home'), await scenario('russia-1990'));
    expect(lines.some((l) => /^1990 The Soviet Union applies in May 1990/.test(l))).toBe(true);
    expect(lines).toContain('1992 Invited in December 1992: all 16 members agree.');
    expect(lines.some((l) => l.startsWith('1993 The accession protocol is signed in April 1993'))).toBe(true);
  });

  test('a branch stopped at home: the leadership deciding to apply and the opposition stopping it', async () => {
    const lines = await handoutStory(await kit('2000', 'a'), await kit('2000', 'b'));
    expect(lines).toContain("2001 Russia's leadership decides to seek membership.");
    expect(lines).toContain('2001 Domestic opposition stops the application.');
  });

  test('a vetoed branch: the application the refusals answer', async () => {
    const lines = await handoutStory(await kit('1990', 'b'), await kit('1990', 'a'));
    expect(lines.some((l) => l.startsWith('1990 The Soviet Union applies in May 1990'))).toBe(true);
    // The refusals that vetoed are the ending's, which the page prints under the story.
    expect(lines.some((l) => /^1994 North Atlantic Council, December 1994: 2 of 16 Allies asked agree/.test(l))).toBe(true);
  });
});
