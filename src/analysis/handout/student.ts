import { candidateAt, capitalFirst, theState } from '../../model/names.js';
import { mostCommonOutcome, OUTCOMES, PLAIN_OUTCOMES, STAGE_LABELS, type Outcome, type Stage } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import { endsThisWay, integer, rarityWithVerb, rarityWords, wordCount } from '../../report/format.js';
import { paramLabel } from '../../report/param-labels.js';
import { paramKind } from '../../scenario/param-kinds.js';
import type { Comparison } from '../compare/comparison.js';
import { isStretch, plainWords, yearLabel, type Story } from '../explain/story.js';
import type { RewriteChange } from '../rewrite/rewrite-distance.js';
import { glossaryFor } from './glossary.js';

/**
 * The student's handout: one printed page of plain words. The debate question, the two teams'
 * results side by side (centred on the team the handout is for), one branch told as a story with
 * how often such a branch happens, three or four open questions and the words it uses explained.
 * No ids, no distributions, no standard deviations, no source ids: those are the teacher's.
 * Pure: the command gathers the runs (run.ts) and hands them in.
 */
/** A printed A4 page at the handout's type size holds about this many words beside its chart (at most 600, as promised). */
export const STUDENT_MAX_WORDS = 560;

const PLAIN_STAGES: Readonly<Record<Stage, string>> = {
  interested: 'the leaders want to join',
  applied: 'it applies',
  invited: 'all members invite it',
  ratified: 'every parliament approves',
  joined: 'it joins',
};

export interface StudentTeam {
  /** "Team B", "Team A", or "This scenario" without a comparison. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Share of branches per outcome. */
  readonly shares: Readonly<Record<Outcome, number>>;
}

export interface StudentStory {
  readonly outcome: string;
  /** How often a branch ends this way, in words: "about 1 branch in 20". */
  readonly rarity: string;
  readonly lines: readonly { readonly year: number; readonly text: string }[];
  readonly ending: string;
}

export interface StudentHandout {
  readonly audience: 'student';
  readonly question: string;
  /** The decision point: date and what happened. */
  readonly start: string;
  readonly context: string;
  readonly centre: StudentTeam;
  readonly other: StudentTeam | null;
  /** The outcomes worth a bar (any share in either team), in the model's order. */
  readonly chart: readonly { readonly outcome: Outcome; readonly label: string; readonly centre: number; readonly other?: number }[];
  readonly findings: readonly string[];
  /** What the two teams assume differently, in words (at most four). */
  readonly differences: readonly string[];
  readonly story: StudentStory | null;
  readonly questions: readonly string[];
  readonly glossary: readonly { readonly term: string; readonly meaning: string }[];
  readonly runs: number;
  readonly seed: string;
  readonly version: string;
  /** The command that makes this handout again. */
  readonly command: string;
  /** Words the page holds (all its text, chart labels included). */
  readonly words: number;
}

export interface StudentInputs {
  readonly scenario: Scenario;
  readonly results: Results;
  /** A = the other team, B = this handout's team (the centre). */
  readonly comparison: Comparison | null;
  readonly otherScenario?: Scenario;
  /** The story told in plain words, with the outcome it ends in. */
  readonly story: { readonly outcome: Outcome; readonly story: Story } | null;
  readonly names?: { readonly centre: string; readonly other: string };
  readonly command: string;
  /** Most vetoes are several Allies refusing alike: no single Ally is named as the one who says no. */
  readonly vetoesAlike?: boolean;
}

/** Builds the page, then shortens it (context, story, glossary) until it holds at most STUDENT_MAX_WORDS words. */
export function studentHandout(inputs: StudentInputs): StudentHandout {
  const full = draft(inputs, { contextWords: 90, storyLines: 7, differences: 4 });
  if (full.words <= STUDENT_MAX_WORDS) return full;
  for (const limits of [
    { contextWords: 60, storyLines: 6, differences: 4 },
    { contextWords: 45, storyLines: 5, differences: 3 },
    { contextWords: 30, storyLines: 4, differences: 3 },
    { contextWords: 25, storyLines: 3, differences: 2 },
    { contextWords: 20, storyLines: 2, differences: 2 },
    { contextWords: 12, storyLines: 2, differences: 2 },
    // A debate page keeps two differences before a fourth question: the differences are what the teams argue over.
    { contextWords: 12, storyLines: 2, differences: 2, questions: 3 },
  ]) {
    const shorter = draft(inputs, limits);
    if (shorter.words <= STUDENT_MAX_WORDS) return shorter;
  }
  const last = draft(inputs, { contextWords: 12, storyLines: 2, differences: 1, questions: 3 });
  // A story of many deciding steps (failed votes one after another) gives them up last: the page holds its words.
  return last.words <= STUDENT_MAX_WORDS ? last : draft(inputs, { contextWords: 12, storyLines: 2, differences: 1, questions: 3, everyStep: false });
}

interface Limits {
  readonly contextWords: number;
  readonly storyLines: number;
  readonly differences: number;
  /** Questions to discuss, at most (4 unless the page would overflow; never fewer than 3). */
  readonly questions?: number;
  /** Whether the story keeps every step its ending turns on, beyond storyLines (true unless the page would overflow). */
  readonly everyStep?: boolean;
}

function draft(inputs: StudentInputs, limits: Limits): StudentHandout {
  const s = inputs.scenario;
  const r = inputs.results;
  const c = inputs.comparison;
  const dp = s.decisionPoint;
  const names = inputs.names ?? { centre: c === null ? 'This scenario' : 'Team B', other: 'Team A' };
  const candidate = candidateAt(s.candidate.name, dp.year);
  // A state that changes within the window is asked about under both names: the Soviet Union, then Russia.
  const later = candidateAt(s.candidate.name, dp.horizon);
  const who = later === candidate ? theState(candidate) : `${theState(candidate)}, or ${theState(later)} after it,`;
  const question = `Could ${who} have joined NATO between ${dp.year} and ${dp.horizon}?`;
  const start = `${dp.date ?? dp.year}: ${plainWords(dp.label)}.`;
  const shares = (res: Results['outcomes']) => Object.fromEntries(OUTCOMES.map((o) => [o, res[o].share])) as Record<Outcome, number>;
  const centre: StudentTeam = { name: names.centre, title: plainWords(s.title), description: firstWords(withoutIds(plainWords(s.description.trim())), 35), shares: shares(r.outcomes) };
  const other: StudentTeam | null =
    c === null
      ? null
      : {
          name: names.other,
          title: plainWords(inputs.otherScenario?.title ?? c.a.title),
          description: firstWords(withoutIds(plainWords(inputs.otherScenario?.description.trim() ?? '')), 35),
          shares: shares(c.a.outcomes),
        };
  // Membership is the question: its row stays even when no branch joins, as a 0 is the answer.
  const chart = OUTCOMES.filter((o) => o === 'joined' || centre.shares[o] > 0 || (other !== null && other.shares[o] > 0)).map((o) => ({
    outcome: o,
    label: PLAIN_OUTCOMES[o],
    centre: centre.shares[o],
    ...(other !== null && { other: other.shares[o] }),
  }));

  const findings: string[] = [];
  const joinedText = (team: string, res: Results['outcomes'], runs: number) => {
    const name = midSentence(team);
    const n = res.joined.count;
    return n === 0 ? `In ${name}'s world no branch ends in membership (none of ${integer(runs)}).` : `In ${name}'s world ${rarityWithVerb(n, runs, 'ends', 'end')} in membership.`;
  };
  findings.push(joinedText(centre.name, r.outcomes, r.runs));
  const top = mostCommonOutcome(r.outcomes);
  findings.push(`The most common ending: "${PLAIN_OUTCOMES[top]}", in ${rarityWords(r.outcomes[top].count, r.runs)}.`);
  if (c !== null && other !== null) {
    findings.push(joinedText(other.name, c.a.outcomes, c.runs));
    findings.push(partingWords(c, names));
  }

  const differences = c === null ? [] : assumptionWords(c, s, names, limits.differences);

  let story: StudentStory | null = null;
  if (inputs.story !== null) {
    const st = inputs.story.story;
    // The ending is shown on its own: the line that tells it, last, is left out.
    const told = st.lines[st.lines.length - 1]?.text === st.ending ? st.lines.slice(0, -1) : st.lines;
    const kept = storyExcerpt(limits.everyStep === false ? told.map(({ decisive: _d, ...l }) => l) : told, limits.storyLines, st.ending).map((l) => ({ year: l.year, text: l.text }));
    story = {
      outcome: PLAIN_OUTCOMES[inputs.story.outcome],
      rarity: endsThisWay(r.outcomes[inputs.story.outcome].count, r.runs),
      lines: kept,
      ending: st.ending,
    };
  }

  const questions = studentQuestions(inputs, names, candidate, top).slice(0, limits.questions ?? 4);
  const body = [
    question,
    start,
    '',
    ...findings,
    ...differences,
    ...chart.map((x) => x.label),
    story === null ? '' : [story.outcome, story.rarity, ...story.lines.map((l) => l.text), story.ending].join(' '),
    ...questions,
    centre.title,
    centre.description,
    other?.title ?? '',
  ].join('\n');
  const context = firstWords(plainWords(dp.context.trim()), limits.contextWords);
  const glossary = glossaryFor(`${body}\n${context}`);
  const handout: Omit<StudentHandout, 'words'> = {
    audience: 'student',
    question,
    start,
    context,
    centre,
    other,
    chart,
    findings,
    differences,
    story,
    questions,
    glossary,
    runs: r.runs,
    seed: r.seed,
    version: r.version,
    command: inputs.command,
  };
  return { ...handout, words: wordCount(studentText(handout)) };
}

/**
 * At most `limit` lines of a story, in order, chosen so that the story still explains its
 * ending: first the steps it turns on (its decisive lines: the application, the invitation,
 * the protocol, the deciding refusal or stop), kept whatever the limit, then the lines that tell
 * what the ending names (the event or rule it gives as the reason) and the last line, which
 * leads to it; then the others from both ends towards the middle; quiet lines last (a stretch of
 * quiet years, or a line said again in another year, such as "the leadership does not seek
 * membership").
 */
export function storyExcerpt<L extends { readonly year: number; readonly text: string; readonly decisive?: true }>(lines: readonly L[], limit: number, ending = ''): L[] {
  if (lines.length <= limit) return [...lines];
  const core = (l: L) => l.text.replace(/^\d{4}–\d{4}: /, '').replace(/^Event: /, '').replace(/\.$/, '');
  const said = new Map<string, number>();
  for (const l of lines) said.set(core(l), (said.get(core(l)) ?? 0) + 1);
  const last = lines.length - 1;
  const decisive = (i: number) => lines[i]!.decisive === true;
  const named = (i: number) => !decisive(i) && (i === last || (core(lines[i]!).length >= 12 && ending.includes(core(lines[i]!))));
  const rest = (i: number) => !decisive(i) && !named(i);
  const quiet = (i: number) => isStretch(lines[i]!) || said.get(core(lines[i]!))! > 1;
  // From both ends towards the middle: 0, last − 1, 1, last − 2, ...
  const outward: number[] = [];
  for (let a = 0, b = last - 1; a <= b; a++, b--) outward.push(...(a === b ? [a] : [a, b]));
  const kept = [...lines.keys()].filter(decisive);
  const order = [...kept, ...[...lines.keys()].filter(named)];
  order.push(...outward.filter((i) => rest(i) && !quiet(i)), ...outward.filter((i) => rest(i) && quiet(i)));
  return order
    .slice(0, Math.max(limit, kept.length))
    .sort((a, b) => a - b)
    .map((i) => lines[i]!);
}

/** Every word the page shows, in reading order (what the word count counts). */
export function studentText(h: Omit<StudentHandout, 'words'>): string {
  const out: string[] = [h.question, h.start, h.context];
  out.push(`${h.centre.name}: ${h.centre.title}`, h.centre.description);
  if (h.other !== null) out.push(`${h.other.name}: ${h.other.title}`);
  out.push(...h.chart.map((x) => `${x.label} ${(x.centre * 100).toFixed(0)}% ${x.other === undefined ? '' : `${(x.other * 100).toFixed(0)}%`}`));
  out.push(...h.findings, ...h.differences);
  if (h.story !== null) out.push(`One branch of ${midSentence(h.centre.name)}'s world: ${h.story.outcome} (${h.story.rarity})`, ...h.story.lines.map((l) => `${yearLabel(l)} ${l.text}`.trim()), h.story.ending);
  out.push('Questions to discuss', ...h.questions, 'Words used', ...h.glossary.map((g) => `${g.term}: ${g.meaning}`));
  out.push(studentFooter(h));
  return out.join('\n');
}

/** The small print: how the numbers were made, and how to make them again. */
export function studentFooter(h: Pick<StudentHandout, 'runs' | 'version'>): string {
  return `Each share counts ${integer(h.runs)} simulated branches of history (article10 v${h.version}).`;
}

/** Where the two teams' worlds part, as a sentence. */
function partingWords(c: Comparison, names: { centre: string; other: string }): string {
  if (c.partAt !== null) return `The two worlds first part ways at the step where ${PLAIN_STAGES[c.partAt.stage]} (${STAGE_LABELS[c.partAt.stage].toLowerCase()}).`;
  if (c.apartIn.length > 0) {
    const o = c.apartIn[0]!;
    const d = c.outcomes[o];
    return `Both worlds get equally far, but end differently: "${PLAIN_OUTCOMES[o]}" happens in ${Math.round(d.b * 100)}% of ${names.centre}'s branches and ${Math.round(d.a * 100)}% of ${names.other}'s.`;
  }
  return 'The two worlds do not differ by more than chance.';
}

/** The assumptions that differ most, in words: "How willing Moscow is ...: Team A about 20%, Team B about 5%". */
function assumptionWords(c: Comparison, s: Scenario, names: { centre: string; other: string }, limit: number): string[] {
  const a = c.assumptions;
  // Both teams' pages list the same differences: ranked by a size that reads the same from either side.
  const ranked = [...a.changes].sort((x, y) => symmetricSize(y) - symmetricSize(x) || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const params = ranked.slice(0, limit).map((x) => capitalFirst(`${plainLabel(s, x.path)}: ${names.other} ${plainValue(x, x.fromMean)}, ${names.centre} ${plainValue(x, x.toMean)}.`));
  const switches = a.switches.slice(0, Math.max(0, limit - params.length)).map((x) => {
    const said = (state: string) => (state === 'on' ? 'yes' : 'no');
    return `Does “${firstWords(plainWords(x.label), 14)}” count? ${names.other}: ${said(x.from)}, ${names.centre}: ${said(x.to)}.`;
  });
  return [...params, ...switches];
}

/**
 * A change's size in units of both sides' spread (their root mean square), or of the default scale
 * for its kind when both are fixed: unlike the rewrite distance, which reads it in the baseline's
 * units, it does not depend on which team's file is the baseline.
 */
function symmetricSize(x: RewriteChange): number {
  const spread = Math.sqrt((x.fromSd ** 2 + x.toSd ** 2) / 2);
  const scale = spread > 1e-12 ? spread : paramKind(x.path).scale;
  return Math.hypot(x.toMean - x.fromMean, x.toSd - x.fromSd) / scale;
}

/** A parameter's name without ids: a rule's effect is named by the rule's words. */
function plainLabel(s: Scenario, path: string): string {
  const rule = /^rules\.([^.]+)\.effects\.\d+\.delta$/.exec(path);
  if (rule !== null) {
    const r = s.rules.find((x) => x.id === rule[1]);
    if (r !== undefined) return `How much “${firstWords(plainWords(r.text), 10)}” weighs`;
  }
  const event = /^events\.([^.]+)\./.exec(path);
  const label = paramLabel(s, path);
  if (event !== null) return plainWords(label.replace(/^event /, ''));
  return plainWords(label.replace(/\s*\([A-Z]{2}[^)]*\)/g, ''));
}

function plainValue(x: RewriteChange, mean: number): string {
  const unit = paramKind(x.path).unit;
  switch (unit) {
    case 'probability':
      return `about ${Math.round(mean * 100)}%`;
    case 'level':
      return `${Math.round(mean * 100)} out of 100`;
    case 'shift':
      return `${mean >= 0 ? '+' : '−'}${Math.abs(Math.round(mean * 100))} points`;
    case 'years':
      return `${Number(mean.toFixed(1))} years`;
    case 'months':
      return `${Math.round(mean)} months`;
    default:
      return String(Number(mean.toPrecision(2)));
  }
}

/** Shares of all branches a question may call "a few" and "many". */
const SOME_BRANCHES = 0.01;
const MANY_BRANCHES = 0.1;

/** Three or four questions with no single right answer, drawn from this page's own numbers. */
function studentQuestions(inputs: StudentInputs, names: { centre: string; other: string }, candidate: string, top: Outcome): string[] {
  const s = inputs.scenario;
  const r = inputs.results;
  const c = inputs.comparison;
  const year = s.decisionPoint.year;
  const qs: string[] = [];
  if (c !== null) {
    const d = c.outcomes[c.apartIn[0] ?? 'joined'];
    qs.push(
      'The two teams read the same events differently. Which difference listed above matters most for the result, and which team has the better evidence for it?',
    );
    if (Math.abs(d.difference) > 0) qs.push(`If you could check one fact in an archive to settle the debate, which fact would it be, and what would each answer mean for the two teams?`);
  }
  // A question about who says no only where saying no is part of this page's story: the
  // blocked branches at least one in a hundred, "many" only from one in ten.
  const blocker = r.blockers.find((b) => b.outcome === 'vetoed' || b.outcome === 'pending_at_horizon');
  const blocked = r.outcomes.vetoed.share + r.outcomes.pending_at_horizon.share;
  if (blocker !== undefined && blocked >= SOME_BRANCHES && inputs.vetoesAlike === true) {
    qs.push(`When the invitation is blocked (${blocked >= MANY_BRANCHES ? 'in many branches' : 'in a few branches'}), usually many members say no together and none stands out. What did the members fear around ${year}, and what could have changed their minds?`);
  } else if (blocker !== undefined && blocker.share >= SOME_BRANCHES && blocker.actorName !== s.candidate.name && blocker.actor !== 'TIE' && blocker.actor !== 'NATO') {
    const who = theState(blocker.actorName);
    qs.push(`In ${blocker.share >= MANY_BRANCHES ? 'many' : 'a few'} branches ${who} says no. What did ${who} fear or want around ${year}, and what could have changed its mind?`);
  } else if (top === 'no_application' || top === 'withdrawn') {
    qs.push(`Most branches end without a lasting application from ${candidate}. Was the offer to join meant seriously? What in the story or the context supports your view?`);
  }
  if (r.outcomes.joined.count === 0) qs.push(`No branch of ${midSentence(names.centre)}'s world ends in membership. Is that a fair reading of ${year}, or is something missing from the model?`);
  else qs.push(`In the branches that end in membership, what had to go right? Is that chain of events believable?`);
  if (inputs.story !== null) qs.push(`The story on this page is one possible history. Which step in it seems most likely to you, and which least?`);
  return qs.slice(0, 4);
}

/** Words a cut may run on by to close a quotation it would otherwise break. */
const QUOTE_GRACE = 25;

/**
 * The first `n` words of a text, ending at a sentence where one ends close enough; "…" when cut
 * mid-sentence. A quotation is never cut open: the cut runs on to its end when that is near,
 * else stops before it, so a quote keeps its closing mark and its key words.
 */
export function firstWords(text: string, n: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= n) return words.join(' ');
  let k = n;
  while (k < Math.min(words.length, n + QUOTE_GRACE) && openQuoteAt(words.slice(0, k).join(' ')) >= 0) k++;
  const cut = words.slice(0, k).join(' ');
  const open = openQuoteAt(cut);
  if (open < 0 && (k === words.length || (/[.!?]["”]?$/.test(cut) && !inParentheses(cut)))) return cut;
  if (open < 0) {
    // The last sentence end past half the cut, its closing quote included; a full stop inside
    // parentheses ("(Art. 6)") ends no sentence.
    const ends = [...cut.matchAll(/[.!?]["”]? /g)]
      .map((m) => m.index + m[0].length - 1)
      .filter((i) => openQuoteAt(cut.slice(0, i)) < 0 && !inParentheses(cut.slice(0, i)));
    const end = ends.length > 0 ? ends[ends.length - 1]! : -1;
    if (end > cut.length * 0.5) return cut.slice(0, end);
    return `${cut.replace(/[,;:]$/, '')}…`;
  }
  // Too long a quotation to keep: the text before it.
  return `${cut.slice(0, open).trimEnd().replace(/[,;:]$/, '')}…`;
}

/** Whether a text ends inside parentheses it opened. */
function inParentheses(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Where a quotation that is not closed opens in a text (straight or curly quotes), or -1. */
function openQuoteAt(text: string): number {
  let straight = -1;
  const curly: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') straight = straight < 0 ? i : -1;
    else if (ch === '“') curly.push(i);
    else if (ch === '”') curly.pop();
  }
  const opens = [straight, ...curly].filter((i) => i >= 0);
  return opens.length === 0 ? -1 : Math.min(...opens);
}

/** A team's name inside a sentence: "this scenario", "Team B". */
export function midSentence(name: string): string {
  return name.startsWith('This ') ? `t${name.slice(1)}` : name;
}


/**
 * A description without scenario ids: "Rewrites russia-1990: Washington answers ..." reads
 * "Washington answers ...", and any other id is "the historical scenario" ("mid-1990" and the
 * like are words, not ids).
 */
export function withoutIds(text: string): string {
  return text
    .replace(/\bRewrites\s+[a-z0-9]+(?:-[a-z0-9]+)+(?:\s+twice)?:\s*/g, '')
    .replace(/\b(?!(?:mid|pre|post|early|late)-)[a-z]+-\d{4}(?:-[a-z0-9]+)*\b/g, 'the historical scenario')
    .replace(/^./, (c) => c.toUpperCase());
}
