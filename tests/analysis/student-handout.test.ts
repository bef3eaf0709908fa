import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { plainWords } from '../../src/analysis/explain/story.js';
import { GLOSSARY } from '../../src/analysis/handout/glossary.js';
import { prepareHandout, prepareStudentHandout, studentStoryOutcome } from '../../src/analysis/handout/run.js';
import { firstWords, storyExcerpt, STUDENT_MAX_WORDS, studentText, withoutIds } from '../../src/analysis/handout/student.js';
import { studentHtml, studentMarkdown } from '../../src/analysis/handout/student-layout.js';
import { handoutMarkdown } from '../../src/analysis/handout/markdown.js';
import type { Scenario } from '../../src/model/scenario.js';
import { endsThisWay, rarityWords, sharePct, wordCount } from '../../src/report/format.js';
import { htmlText as esc } from '../../src/report/safe-text.js';
import { scenario } from './helpers.js';
import { rawIdProblems, visibleText } from '../helpers/plain-text.js';

const FAST = { seed: '1', runs: 4000, storySearch: 20_000 } as const;

describe('the student handout', () => {
  const cases = [['russia-1954'], ['russia-1990'], ['russia-2000'], ['russia-1990', 'russia-1990-common-home'], ['russia-1954', 'russia-1954-austria-model']] as const;

  test.each(cases)('%s %s: one page of plain words, the question, a story with its rarity, 3-4 questions and the glossary of the words it uses', async (a, b?: string) => {
    const teamA = await scenario(a);
    const teamB = b === undefined ? undefined : await scenario(b);
    const centre = teamB ?? teamA;
    const h = await prepareStudentHandout({ scenario: centre, ...(teamB !== undefined && { other: teamA }), command: 'x' }, FAST);
    const html = studentHtml(h);
    const md = studentMarkdown(h);
    for (const text of [visibleText(html), md]) {
      expect(rawIdProblems(text, [teamA, centre]), text).toEqual([]);
    }
    expect(h.words).toBeLessThanOrEqual(STUDENT_MAX_WORDS);
    // The count is of everything the page shows: the HTML's visible words agree within a few.
    expect(Math.abs(wordCount(visibleText(html)) - h.words)).toBeLessThan(25);
    // The 1990 window spans the Soviet Union's end: the question names the state on both sides of it.
    const asked = a === 'russia-1990' ? 'the Soviet Union, or Russia after it,' : a === 'russia-1954' ? 'the Soviet Union' : 'Russia';
    expect(h.question).toBe(`Could ${asked} have joined NATO between ${centre.decisionPoint.year} and ${centre.decisionPoint.horizon}?`);
    expect(h.questions.length).toBeGreaterThanOrEqual(3);
    expect(h.questions.length).toBeLessThanOrEqual(4);
    // Membership is the question: its bar is drawn even where no branch joins (1954, 2000).
    expect(h.chart[0]!.outcome).toBe('joined');
    // The story states how often such a branch happens, in words.
    expect(h.story).not.toBeNull();
    expect(h.story!.rarity).toMatch(/^(about 1 branch in [\d,]+ ends|about \d+ branches in 10 end|almost every branch .* ends|none of .* ends) this way$/);
    expect(html).toContain(`How often: ${h.story!.rarity}.`);
    // The glossary lists exactly the terms the rest of the page uses.
    const { glossary: _g, ...rest } = h;
    const body = studentText({ ...rest, glossary: [] });
    const used = GLOSSARY.filter((g) => g.pattern.test(body)).map((g) => g.term);
    expect(h.glossary.map((g) => g.term)).toEqual(used);
    expect(used.length).toBeGreaterThan(2);
  });

  test('a story of many deciding steps still fits the page: its steps give way last', async () => {
    // Parliaments that pass a vote one time in ten: a story of failed votes, each a deciding step.
    const slow = await scenario(fileURLToPath(new URL('../../scenarios/backtests/finland-2023.yaml', import.meta.url)), ['allyDefaults.ratification.pass=0.1']);
    const h = await prepareStudentHandout({ scenario: slow, command: 'x' }, FAST);
    expect(h.story).not.toBeNull();
    expect(h.words).toBeLessThanOrEqual(STUDENT_MAX_WORDS);
  });

  test("both teams' pages list the same differences, whichever file is the baseline", async () => {
    // The kit's 1990 teams: their values have different spreads, so a ranking in one side's units would differ.
    const a = await scenario(fileURLToPath(new URL('../../scenarios/kits/1990/team-a.yaml', import.meta.url)));
    const b = await scenario(fileURLToPath(new URL('../../scenarios/kits/1990/team-b.yaml', import.meta.url)));
    const names = { centre: 'Team B', other: 'Team A' };
    const onB = await prepareStudentHandout({ scenario: b, other: a, names, command: 'x' }, FAST);
    const onA = await prepareStudentHandout({ scenario: a, other: b, names: { centre: 'Team A', other: 'Team B' }, command: 'x' }, FAST);
    const what = (lines: readonly string[]) => lines.map((l) => l.split(':')[0]);
    expect(onB.differences.length).toBeGreaterThan(1);
    expect(what(onA.differences)).toEqual(what(onB.differences));
  });

  test('a share that is not 0 never reads 0%, nor one that is not 1 100%, in the chart or the Markdown table', async () => {
    // The kit's 2000 teams: in team B's world about 1 branch in 200 applies, and a few of those give up or stall.
    const a = await scenario(fileURLToPath(new URL('../../scenarios/kits/2000/team-a.yaml', import.meta.url)));
    const b = await scenario(fileURLToPath(new URL('../../scenarios/kits/2000/team-b.yaml', import.meta.url)));
    const h = await prepareStudentHandout({ scenario: b, other: a, command: 'x' }, FAST);
    const rare = h.chart.filter((x) => x.centre > 0 && x.centre < 0.01);
    const nearlyAll = h.chart.filter((x) => x.centre > 0.99 && x.centre < 1);
    expect(rare.length).toBeGreaterThan(0);
    expect(nearlyAll.length).toBeGreaterThan(0);
    const md = studentMarkdown(h);
    const html = studentHtml(h);
    for (const x of h.chart) {
      // As `run` and `compare` print it, in both layouts.
      expect(md).toContain(`| ${x.label} | ${sharePct(x.centre)} | ${sharePct(x.other!)} |`);
      expect(html).toContain(`${esc(sharePct(x.centre))} · ${esc(sharePct(x.other!))}`);
    }
    for (const x of [...rare, ...nearlyAll]) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${x.label} |`))!;
      expect(row).not.toMatch(/\| (0|0\.0|100|100\.0)% \|/);
    }
  });

  test('with two teams it is centred on team B: its story, its shares first, team A beside it', async () => {
    const a = await scenario('russia-1990');
    const b = await scenario('russia-1990-common-home');
    const h = await prepareStudentHandout({ scenario: b, other: a, command: 'x' }, FAST);
    expect(h.centre.name).toBe('Team B');
    expect(h.other?.name).toBe('Team A');
    expect(h.centre.title).toBe(plainWords(b.title));
    // B joins in about 1 branch in 10: its story is a branch that joins; A's would never be.
    expect(h.centre.shares.joined).toBeGreaterThan(0.05);
    expect(h.story?.outcome).toBe('Joined NATO');
    expect(h.findings[0]).toMatch(/^In Team B's world/);
    expect(h.differences.length).toBeGreaterThan(0);
    for (const d of h.differences) expect(d).toMatch(/Team A .*, Team B /);
    // The chart's first series is team B, named in the legend as this handout's.
    expect(studentHtml(h)).toContain('Team B (this handout)');
  });

  test('the story shows the most common ending unless at least 1 branch in 20 joins', async () => {
    const s = await scenario('russia-2000');
    const teacher = await prepareHandout({ scenario: s, command: 'x' }, { ...FAST, sensitivityRuns: 200 });
    expect(studentStoryOutcome(teacher.results)).toBe('no_application');
    // The teacher's stories state their rarity too.
    for (const st of teacher.stories.filter((x) => x.story !== null)) expect(st.rarity).toMatch(/ ends? this way$/);
    expect(handoutMarkdown(teacher)).toMatch(/\*How often:\* (about|none|almost)/);
    // The teacher's version keeps the ids the student's leaves out: the check does find them.
    const found = rawIdProblems(handoutMarkdown(teacher), [s]).join('\n');
    for (const what of ['a parameter path', 'a distribution', 'a source id', 'a rule or event id']) expect(found).toContain(what);
  });
});

describe("the teacher's stories", () => {
  test('a story found past the handout\'s own runs says its ending is rarer than they count, not that none ends so', async () => {
    // In team B's world of 1990 about 1 branch in 20,000 joins: none of the first 2,000, but the search finds one further on.
    const b = await scenario(fileURLToPath(new URL('../../scenarios/kits/1990/team-b.yaml', import.meta.url)));
    const d = await prepareHandout({ scenario: b, command: 'x' }, { seed: '1', runs: 2000, sensitivityRuns: 100, storySearch: 20_000, rewriteSearch: { runs: 100, maxDistance: 1, maxChanges: 1 } });
    expect(d.results.outcomes.joined.count).toBe(0);
    const joins = d.stories.find((st) => st.kind === 'joined')!;
    expect(joins.branch).toBeGreaterThanOrEqual(2000);
    expect(joins.rarity).toBe('rarer than 1 branch in 2,000: none of the 2,000 counted here ends this way, and this one was found by searching further');
    expect(handoutMarkdown(d)).not.toContain('none of 2,000 branches ends this way');
  });
});

describe('plain words', () => {
  test('reliability marks, source ids and section marks are taken out of a text; the words stay', () => {
    expect(plainWords('Bush and Baker dismiss the proposal (Baker reportedly called it a "dream", U): while')).toBe('Bush and Baker dismiss the proposal (Baker reportedly called it a "dream"): while');
    expect(plainWords('Chechnya [S27, S44] and Georgia (S30).')).toBe('Chechnya and Georgia.');
    expect(plainWords('Troops abroad §4.2 (R)')).toBe('Troops abroad');
    expect(plainWords('Senate, two-thirds (Const. Art. II §2)')).toBe('Senate, two-thirds (Const. Art. II)');
    expect(withoutIds('Rewrites russia-2000 twice: the Kremlin takes the MAP')).toBe('The Kremlin takes the MAP');
    // Words such as "post-1945" are not scenario ids; russia-1990-common-home is.
    expect(withoutIds('The post-1945 order, as in russia-1990-common-home')).toBe('The post-1945 order, as in the historical scenario');
  });

  test('rarity in words', () => {
    expect(rarityWords(0, 20_000)).toBe('none of 20,000 branches');
    expect(rarityWords(1000, 20_000)).toBe('about 1 branch in 20');
    expect(rarityWords(4, 20_000)).toBe('about 1 branch in 5,000');
    expect(rarityWords(14_800, 20_000)).toBe('about 7 branches in 10');
    expect(rarityWords(19_990, 20_000)).toBe('almost every branch (more than 19 in 20)');
    // Exactly 19 in 20 is not "10 branches in 10".
    expect(rarityWords(19_000, 20_000)).toBe('about 9 branches in 10');
    expect(rarityWords(5200, 20_000)).toBe('about 1 branch in 4');
    // The verb agrees: a share read as "N branches in 10" takes the plural.
    expect(endsThisWay(18_000, 20_000)).toBe('about 9 branches in 10 end this way');
    expect(endsThisWay(1000, 20_000)).toBe('about 1 branch in 20 ends this way');
    expect(endsThisWay(19_990, 20_000)).toBe('almost every branch (more than 19 in 20) ends this way');
    expect(endsThisWay(0, 20_000)).toBe('none of 20,000 branches ends this way');
  });
});


describe('a veto shared alike', () => {
  test('when every Ally refuses with the same chance, the story names none as the blocker', async () => {
    const base = await scenario('russia-1954');
    const s = await scenario('russia-1954', [...base.allies.map((a) => `allies.${a.code}.consent=0`), 'process.specialTrack.consentPenalty=0.5', 'rules.big-three-reply.enabled=false']);
    const { compile, findBranch, traceBranch } = await import('../../src/engine/index.js');
    const { tellStory } = await import('../../src/analysis/explain/story.js');
    const m = compile(s);
    const branch = findBranch(m, '1', (exit) => exit === 'vetoed', 0, 5000)!;
    expect(branch).toBeDefined();
    const story = tellStory(m, '1', traceBranch(m, '1', branch));
    expect(story.ending).toMatch(/^The invitation is vetoed in (?:[A-Z][a-z]+ )?\d{4}: \d+ Allies refuse with the same chance of consent \(0%\), none stands out/);
    // A veto by one Ally with the lowest chance alone still names it.
    const m1990 = compile(await scenario('russia-1990'));
    const endings: string[] = [];
    for (let from = 0; endings.length < 40; ) {
      const b = findBranch(m1990, '1', (exit) => exit === 'vetoed', from, 5000)!;
      endings.push(tellStory(m1990, '1', traceBranch(m1990, '1', b)).ending);
      from = b + 1;
    }
    const one = { ending: endings.find((e) => !e.includes('none stands out'))! };
    expect(one.ending).toMatch(/^[A-Z][A-Za-z ]+ vetoes the invitation in (?:[A-Z][a-z]+ )?\d{4}/);
  });
});

describe('excerpts a student reads', () => {
  test('a text is cut at a sentence where one ends close enough, else with "…"', () => {
    expect(firstWords('One two three.', 5)).toBe('One two three.');
    expect(firstWords('One two three four. Five six seven eight nine ten.', 7)).toBe('One two three four.');
    expect(firstWords('One two three four five six seven eight nine ten.', 5)).toBe('One two three four five…');
    // A full stop inside parentheses ends no sentence.
    expect(firstWords('One two three four. Five six seven (Art. 6) eight nine ten.', 7)).toBe('One two three four.');
    expect(firstWords('One two (Art. 6) three four five six seven eight.', 3)).toBe('One two (Art.…');
  });

  test('a quotation is never cut open: it runs on to its end when near, else the cut stops before it', () => {
    const near = 'Gorbachev tells Baker: "You say that NATO is not directed against us; therefore, we propose to join NATO." Baker calls it a dream, and the talks move on.';
    const kept = firstWords(near, 8);
    expect(kept).toBe('Gorbachev tells Baker: "You say that NATO is not directed against us; therefore, we propose to join NATO."');
    const long = `He said: "${Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')}." Then he left.`;
    expect(firstWords(long, 10)).toBe('He said…');
    // A sentence end inside a quotation is no place to stop.
    expect(firstWords('Putin says "We shall see. Perhaps later" and the talks end there for the year, without any agreement at all.', 9)).not.toMatch(/see\.$/);
    // Curly quotes too.
    expect(firstWords("Putin would consider joining NATO “if and when” its views are taken into account as an equal partner.", 7)).toBe('Putin would consider joining NATO “if and when”…');
  });

  test('a story excerpt gives up quiet stretches first, and always keeps its last line', () => {
    const lines = [
      { year: 2000, text: 'A rule applies.' },
      { year: 2000, text: 'Russia applies.' },
      { year: 2001, text: '2001–2006: No invitation yet.' },
      { year: 2007, text: 'Putin in Munich calls enlargement a provocation.' },
      { year: 2008, text: 'Russia withdraws.' },
      { year: 2009, text: '2009–2012: Russia does not seek membership.' },
    ];
    expect(storyExcerpt(lines, 5).map((l) => l.year)).toEqual([2000, 2000, 2007, 2008, 2009]);
    expect(storyExcerpt(lines, 4).map((l) => l.year)).toEqual([2000, 2000, 2008, 2009]);
    expect(storyExcerpt(lines, 6)).toEqual(lines);
    // The line that tells what the ending names stays, however short the excerpt.
    const ending = 'By the horizon Russia had withdrawn: Putin in Munich calls enlargement a provocation.';
    expect(storyExcerpt(lines, 2, ending).map((l) => l.year)).toEqual([2007, 2009]);
    // A line said again in another year is quiet too.
    const repeated = [
      { year: 2000, text: 'Russia does not seek membership.' },
      { year: 2001, text: 'An event.' },
      { year: 2002, text: 'Russia does not seek membership.' },
      { year: 2003, text: 'Another event.' },
      { year: 2004, text: 'The end.' },
    ];
    expect(storyExcerpt(repeated, 3).map((l) => l.year)).toEqual([2001, 2003, 2004]);
  });

  test('a story excerpt keeps the steps its ending turns on, however short, even a line said again', () => {
    const lines = [
      { year: 2000, text: 'A rule applies.' },
      { year: 2000, text: 'Russia applies.', decisive: true as const },
      { year: 2001, text: 'An event.' },
      { year: 2002, text: 'Russia does not seek membership.' },
      { year: 2003, text: 'Russia does not seek membership.', decisive: true as const },
      { year: 2004, text: 'Invited.', decisive: true as const },
      { year: 2005, text: 'The parliaments ratify.' },
    ];
    expect(storyExcerpt(lines, 4).map((l) => l.year)).toEqual([2000, 2003, 2004, 2005]);
    expect(storyExcerpt(lines, 2).map((l) => l.year)).toEqual([2000, 2003, 2004]);
  });
});
