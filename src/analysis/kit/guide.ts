import { mostCommonOutcome, PLAIN_OUTCOMES } from '../../model/outcome.js';
import { integer, rarityWithVerb, rarityWords, sharePct } from '../../report/format.js';
import { htmlPage, htmlText } from '../../report/safe-text.js';
import type { Comparison } from '../compare/comparison.js';
import { partingText } from '../compare/text.js';
import { plainWords } from '../explain/story.js';
import { rewriteLines } from '../rewrite/rewrite-distance.js';
import { PAGE_CSS, studentChartSvg } from '../handout/student-layout.js';
import type { StudentHandout } from '../handout/student.js';

/**
 * The teacher's guide of a debate kit: one printed page. The question, the two teams, a plan for
 * a 45-minute lesson, what to look at in the results (with the numbers), the questions of both
 * handouts, and the commands that make every file again. Pure.
 */
export interface TeachersGuide {
  readonly question: string;
  readonly start: string;
  readonly teams: readonly { readonly name: string; readonly file: string; readonly title: string; readonly joined: string; readonly common: string }[];
  readonly timings: readonly { readonly minutes: string; readonly what: string }[];
  readonly lookAt: readonly string[];
  /** What the teams assume differently, as the files write it (paths and values, for the teacher). */
  readonly assumptions: readonly string[];
  readonly questions: readonly string[];
  readonly reproduce: readonly string[];
}

export interface GuideInputs {
  /** Team A's handout (centred on A) and team B's (centred on B). */
  readonly a: StudentHandout;
  readonly b: StudentHandout;
  /** A against B on the same branches. */
  readonly comparison: Comparison;
  readonly files: { readonly a: string; readonly b: string };
  readonly seed: string;
  readonly runs: number;
  /** The command that makes the kit again. */
  readonly commands: { readonly kit: string };
  /** The file both teams extend: its title, and whether it is itself a counterfactual (it names a historical baseline). */
  readonly base: { readonly title: string; readonly counterfactual: boolean };
}

export function teachersGuide(x: GuideInputs): TeachersGuide {
  const c = x.comparison;
  const side = (name: string, file: string, h: StudentHandout, outcomes: Comparison['a']['outcomes']) => {
    const top = mostCommonOutcome(outcomes);
    return {
      name,
      file,
      title: h.centre.title.replace(/^\d{4}, team [AB] \((?:yes|no)\): /, ''),
      joined: outcomes.joined.count === 0 ? `no branch joins (of ${integer(c.runs)})` : rarityWithVerb(outcomes.joined.count, c.runs, 'joins', 'join'),
      // A clause, not brackets: the words can hold brackets of their own ("almost every branch (more than 19 in 20)").
      common: `most often: "${PLAIN_OUTCOMES[top]}", in ${rarityWords(outcomes[top].count, c.runs)}`,
    };
  };
  const teams = [side('Team A (yes)', x.files.a, x.a, c.a.outcomes), side('Team B (no)', x.files.b, x.b, c.b.outcomes)];
  const timings = [
    { minutes: '0-5', what: 'Read the question and the context at the top of the handout together; hand each team its own handout.' },
    { minutes: '5-15', what: 'Teams read their page and pick the one difference in assumptions they will defend; each finds the fact it rests on.' },
    { minutes: '15-27', what: 'Opening statements (3 minutes a team), then replies (2 minutes a team), then open floor.' },
    { minutes: '27-37', what: 'The numbers: project the chart, compare the two worlds, read each story and how often it happens.' },
    { minutes: '37-45', what: 'Questions to discuss (below), then a vote: which reading of the record is better supported? One line each: what would change your mind?' },
  ];
  const d = c.outcomes.joined;
  // In the words the team lines above use: "never" only when no branch joins.
  const yesCase =
    c.a.outcomes.joined.count === 0
      ? `never ends in membership, in ${integer(c.runs)} branches: ask why`
      : d.a < 0.005
        ? 'almost never ends in membership: ask why'
        : 'ends in membership only sometimes: ask what had to go right';
  const lookAt = [
    `Membership: team A ${sharePct(d.a)}, team B ${sharePct(d.b)}. Even the "yes" team's case ${yesCase}.`,
    `${partingText(c)}.`,
    `The stories are single branches: each handout says how often its story happens (team A: ${x.a.story?.rarity ?? 'no story'}; team B: ${x.b.story?.rarity ?? 'no story'}). A rare story is a possibility, not a prediction.`,
    x.base.counterfactual
      ? `Both teams start from the same file, "${x.base.title}", which already rewrites the record (a counterfactual, not history), and change the same few values: the debate is about how to read the record within that rewritten world. The values and their sources are in the two files.`
      : 'Both teams start from the same historical file and change the same few values: the debate is about how to read the record, not what it says. The values and their sources are in the two files.',
  ];
  const assumptions = rewriteLines(c.assumptions).slice(0, 6);
  const questions = [...new Set([...x.a.questions, ...x.b.questions])].slice(0, 5);
  // Each handout prints the command that makes it again from the folder; the guide gives the kit's.
  const reproduce = [
    x.commands.kit,
    `article10 compare ${x.files.a} ${x.files.b} --runs ${x.runs} --seed ${x.seed}`,
    `article10 report ${x.files.a} --compare ${x.files.b} --audience teacher --out teacher.html`,
  ];
  return { question: x.b.question, start: x.b.start, teams, timings, lookAt, assumptions, questions, reproduce };
}

export function teachersGuideHtml(g: TeachersGuide, chartOf: StudentHandout): string {
  const li = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`;
  const body = [
    '<main>',
    `<h1>Teacher's guide: ${htmlText(g.question)}</h1>`,
    `<p class="start">${htmlText(g.start)}</p>`,
    '<h2>The two teams</h2>',
    li(g.teams.map((t) => `${t.name}, ${t.file}: ${plainWords(t.title)}. In its world ${t.joined}; ${t.common}.`)),
    // Drawn wider than the students' (so smaller on the page): the guide's text fills more of it.
    studentChartSvg(chartOf, 720, [chartOf.other?.name ?? '', chartOf.centre.name]),
    '<h2>A 45-minute lesson</h2>',
    `<table class="plan">${g.timings.map((t) => `<tr><th>${htmlText(t.minutes)} min</th><td>${htmlText(t.what)}</td></tr>`).join('')}</table>`,
    '<h2>What to look at</h2>',
    li(g.lookAt),
    '<h2>Where the teams differ (as the files write it)</h2>',
    `<ul class="small-list">${g.assumptions.map((a) => `<li><code>${htmlText(a)}</code></li>`).join('')}</ul>`,
    '<h2>Questions</h2>',
    `<ol>${g.questions.map((q) => `<li>${htmlText(q)}</li>`).join('')}</ol>`,
    '<h2>Make it again, or go further</h2>',
    `<ul class="small-list">${g.reproduce.map((r) => `<li><code>${htmlText(r)}</code></li>`).join('')}</ul>`,
    '</main>',
  ];
  return htmlPage(`Teacher's guide: ${g.question}`, `${PAGE_CSS}${GUIDE_CSS}`, body);
}

const GUIDE_CSS = `
table.plan { border-collapse: collapse; width: 100%; margin: 0.5mm 0; }
table.plan th { text-align: left; white-space: nowrap; vertical-align: top; padding: 0.4mm 3mm 0.4mm 0; font-size: 9pt; }
table.plan td { padding: 0.4mm 0; }
ul.small-list { font-size: 8pt; }
ul.small-list code { white-space: pre-wrap; overflow-wrap: anywhere; }
`;
