import type { SensitivityReport, SwingRow } from '../sensitivity/run.js';
import type { Param } from '../../model/distribution.js';
import { OUTCOME_LABELS, STAGE_LABELS, type Outcome } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import { resolveSource } from '../../model/sources.js';
import { describeParam } from '../../scenario/params.js';
import type { Comparison } from '../compare/comparison.js';
import { partingText } from '../compare/text.js';
import { integer, points, pointsDigits, sharePct, shareInterval } from '../../report/format.js';
import { paramLabel } from '../../report/param-labels.js';
import type { RewriteDistance } from '../rewrite/rewrite-distance.js';
import { nameWithCode } from '../../model/names.js';
import type { Story } from '../explain/story.js';
import { rangeText, swingIsClear } from '../sensitivity/tornado.js';
import type { RewriteReport } from '../rewrite-search/run.js';
import { rewriteVerdict } from '../rewrite-search/verdict.js';

/** Which file a compared side was read from, and in which place of the command (the two are easy to swap): "the scenario, team-a.yaml". */
export function comparedFrom(c: Comparison, side: 'a' | 'b'): string {
  const place = side === 'a' ? 'the scenario' : '--compare';
  const file = c[side].file;
  return file === undefined ? place : `${place}, ${file}`;
}

/**
 * Everything a handout shows, gathered once; the Markdown and HTML builders only lay it out.
 * Pure data: the command fills it from runs (see run.ts).
 */
export interface HandoutData {
  readonly scenario: Scenario;
  readonly results: Results;
  /** The share the tornado explains, and why that one. */
  readonly measure: { readonly name: string; readonly label: string; readonly why: string };
  readonly sensitivity: SensitivityReport | null;
  readonly stories: readonly HandoutStory[];
  readonly comparison: Comparison | null;
  /** How far this scenario travels from the history it rewrites, when it names a baseline. */
  readonly rewrite: RewriteDistance | null;
  /** The least rewrite the search found towards a target, with the budget it had; null when not searched. */
  readonly rewriteSearch: { readonly report: RewriteReport; readonly budget: { readonly runs: number; readonly maxDistance: number; readonly maxChanges: number } } | null;
  /** The command that makes this handout again. */
  readonly command: string;
}

/** The handout's section headings, in order (Markdown and HTML alike). */
export const HANDOUT_SECTIONS = {
  context: 'The decision point',
  outcomes: 'How the branches end',
  funnel: 'How far they get',
  compare: 'Two assumption sets compared',
  hinge: 'What the result hinges on',
  rewrite: 'What would it take: the least rewrite',
  stories: 'Three branches, told as stories',
  prompts: 'Questions for discussion',
  assumptions: 'The assumptions and their sources',
  sources: 'Sources',
  method: 'How this handout was made',
} as const;

export type StoryKind = 'joined' | 'vetoed' | 'no_application';

export interface HandoutStory {
  readonly kind: StoryKind;
  readonly title: string;
  readonly branch: number | null;
  readonly story: Story | null;
  /** Why there is no story of this kind. */
  readonly missing?: string;
  /** This branch's values of the parameters the result hinges on. */
  readonly keyValues: readonly { readonly path: string; readonly label: string; readonly value: number }[];
  /** How often the run's branches end as this one does, in words: "about 1 branch in 20 ends this way". */
  readonly rarity?: string;
}

export const STORY_TITLES: Readonly<Record<StoryKind, string>> = {
  joined: 'A branch that joins',
  vetoed: 'A branch that is vetoed',
  no_application: 'A branch that never applies',
};

export interface AssumptionTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly note?: string;
}

const src = (p: Param | undefined): string => p?.source ?? '';
const val = (p: Param): string => describeParam(p);

/** The scenario's assumptions as tables, each value with its source, in the order a reader meets them. */
export function assumptionTables(s: Scenario): AssumptionTable[] {
  const c = s.candidate;
  const pr = s.process;
  const row = (what: string, p: Param) => [what, val(p), src(p)];
  const tables: AssumptionTable[] = [
    {
      title: `The candidate: ${s.candidate.name}`,
      headers: ['assumption', 'value', 'source'],
      rows: [
        row('Yearly chance the leadership seeks membership', c.interest),
        row('Chance domestic opposition stops an application', c.domesticOpposition),
        row('Chance it accepts the standard path rather than demanding special status', c.acceptsStandardPath),
        row('Yearly chance it withdraws an application', c.withdrawal),
      ],
    },
    {
      title: 'The procedure',
      headers: ['assumption', 'value', 'source'],
      rows: [
        ['Membership Action Plan exists from', String(pr.mapIntroduced), ''],
        row('Standard path: years of preparation before a vote', pr.standardPath.minYears),
        row('Standard path: share of preconditions the Allies ask', pr.standardPath.readiness),
        row('Special track: years before a vote', pr.specialTrack.minYears),
        row('Special track: share of preconditions the Allies ask', pr.specialTrack.readiness),
        row('Consent every Ally loses over a special-status demand', pr.specialTrack.consentPenalty),
        row('Months from invitation to protocol', pr.protocolMonths),
        row('Alliance cohesion (0 each decides alone, 1 as one)', pr.cohesion),
      ],
    },
    {
      title: 'Preconditions (levels 0 to 1 at the decision point; met at the threshold)',
      headers: ['precondition', 'basis', 'level', 'drift a year', 'threshold', 'sources'],
      rows: s.preconditions.map((p) => [p.label, p.basis, val(p.level), val(p.drift), val(p.threshold), joinSources([p.level, p.drift, p.threshold])]),
    },
    {
      title: 'The Allies (each votes from the day it joins; every one must agree and ratify)',
      headers: ['Ally', 'votes from', 'consent', 'threat', 'objection', 'ratification', 'passes', 'sources'],
      rows: s.allies.map((a) => [
        `${nameWithCode(a.name, a.code)}${a.defaulted ? ' *' : ''}`,
        a.joined,
        val(a.consent),
        val(a.threat),
        a.objection === 'veto' ? 'veto' : 'hold-out',
        a.ratification.procedure,
        val(a.ratification.pass),
        joinSources([a.consent, a.threat, a.ratification.pass]),
      ]),
      ...(s.allies.some((a) => a.defaulted) && { note: '* values from the scenario\'s allyDefaults: nothing specific was written for this Ally.' }),
    },
  ];
  if (s.rules.length > 0) {
    tables.push({
      title: 'Rules (act every year their condition holds)',
      headers: ['rule', 'what it says', 'on', 'source'],
      rows: s.rules.map((r) => [r.id, r.text.trim(), r.enabled ? 'yes' : 'no', r.source]),
    });
  }
  if (s.events.length > 0) {
    tables.push({
      title: 'Events (may happen once in their window, then act for good)',
      headers: ['event', 'years', 'yearly chance', 'kind', 'source'],
      rows: s.events.map((e) => [e.label, `${e.from}–${e.to}`, val(e.hazard), `${e.historical ? 'historical' : 'hypothetical'}${e.enabled ? '' : ', off'}`, e.source]),
    });
  }
  return tables;
}

function joinSources(params: readonly Param[]): string {
  return [...new Set(params.map((p) => p.source).filter((x): x is string => x !== undefined && x !== ''))].join('; ');
}

/** Every source id the handout cites, with its citation, in id order. */
export function handoutSources(d: HandoutData): { id: string; citation: string }[] {
  const s = d.scenario;
  const cited = new Map<string, string>();
  const cite = (source: string | undefined) => {
    if (!source) return;
    for (const { id, citation } of resolveSource(source, s.sources)) if (citation !== undefined) cited.set(id, citation);
  };
  cite(s.decisionPoint.source);
  for (const t of assumptionTables(s)) for (const r of t.rows) cite(r[r.length - 1]);
  for (const st of d.stories) for (const x of st.story?.sources ?? []) cited.set(x.id, x.citation);
  for (const r of d.sensitivity?.swings ?? []) cite(r.source);
  return [...cited].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([id, citation]) => ({ id, citation }));
}

/** The rows of the tornado worth showing: those that moved the share, largest first. */
export function movingSwings(r: SensitivityReport, top: number): SwingRow[] {
  return r.swings.filter((s) => s.low.count !== s.high.count || s.low.count !== r.baseline.count).slice(0, top);
}

/**
 * Questions for a class, generated from what the results hinge on: the assumptions with the
 * largest swings, the most frequent blockers, where the funnel loses most branches, the
 * comparison and the rewrite distance.
 */
export function discussionPrompts(d: HandoutData): string[] {
  const s = d.scenario;
  const r = d.results;
  const prompts: string[] = [];
  const year = s.decisionPoint.year;
  // Only swings that stand clear of Monte Carlo error make a question: the rest are noise.
  for (const w of d.sensitivity === null ? [] : movingSwings(d.sensitivity, 10).filter(swingIsClear).slice(0, 3)) {
    const grounded = w.source === undefined || w.source.trim() === 'assumption' ? 'It rests on a modelling assumption.' : `Its source: ${w.source}.`;
    prompts.push(
      `The result hinges on ${paramLabel(s, w.path)}: moved from ${rangeText(w.lo, w.hi)}, it takes the share "${d.measure.label}" from ${sharePct(w.low.share)} to ${sharePct(w.high.share)}. ` +
        `${grounded} What evidence from ${year} would narrow the range, and which end is more plausible?`,
    );
  }
  for (const b of r.blockers.slice(0, 2)) {
    prompts.push(
      `${b.actorName} ends ${sharePct(b.share)} of all branches (${OUTCOME_LABELS[b.outcome].toLowerCase()}): ${b.reason.label.trim().replace(/\.+$/, '')}. ` +
        `What would have had to change for this not to stop the process, and was that change available after ${year}?`,
    );
  }
  let worst: { from: string; to: string; a: number; b: number } | undefined;
  for (let i = 1; i < r.funnel.length; i++) {
    const a = r.funnel[i - 1]!;
    const b = r.funnel[i]!;
    if (a.share > 0 && (worst === undefined || a.share - b.share > worst.a - worst.b)) worst = { from: STAGE_LABELS[a.stage], to: STAGE_LABELS[b.stage], a: a.share, b: b.share };
  }
  if (worst !== undefined && worst.a - worst.b > 0) {
    prompts.push(`Most branches are lost between "${worst.from}" (${sharePct(worst.a)}) and "${worst.to}" (${sharePct(worst.b)}). Is this where the historical record turned too?`);
  }
  if (r.outcomes.joined.count === 0) {
    prompts.push(`No branch joined. Which single assumption would you rewrite to open a path to membership, and how far from the record would that rewrite take you?`);
  }
  if (d.rewrite !== null && d.rewrite.score > 0) {
    prompts.push(
      `This counterfactual rewrites ${d.rewrite.changes.length} value${d.rewrite.changes.length === 1 ? '' : 's'} and switches ${d.rewrite.switches.length} rule${d.rewrite.switches.length === 1 ? '' : 's'} or event${d.rewrite.switches.length === 1 ? '' : 's'} of ${d.rewrite.baseline} (distance ${d.rewrite.score.toFixed(1)}). ` +
        'Is it a minimal rewrite, or does it need too many facts changed to be a fair "what if"?',
    );
  }
  const c = d.comparison;
  if (c !== null) {
    const joined = c.outcomes.joined;
    prompts.push(
      `Comparing ${c.a.scenario} with ${c.b.scenario}: ${partingText(c).replace(/^They/, 'they')}` +
        `, and joined moves by ${((joined.difference) * 100).toFixed(1)} percentage points. Which team's differing assumptions are better supported by the sources?`,
    );
  }
  return prompts;
}

/** What the tornado should explain: joined if enough branches join, else the deepest stage enough branches reach. */
export function handoutMeasure(r: Results): { name: string; why: string } {
  if (r.outcomes.joined.share >= 0.005) return { name: 'joined', why: 'the share of branches that join' };
  for (const f of [...r.funnel].reverse()) {
    if (f.stage !== 'joined' && f.share >= 0.01) {
      return {
        name: f.stage,
        why: `too few branches join (${sharePct(r.outcomes.joined.share)}) to show what matters, so the tornado explains how many reach "${STAGE_LABELS[f.stage]}"`,
      };
    }
  }
  return { name: 'joined', why: 'the share of branches that join' };
}

/** The outcomes in the order of the model, with their labels: for charts. */
/**
 * A share and its 95% interval as `run` prints them: a share that is not 0 never reads as 0.0%,
 * nor one that is not 1 as 100.0% (sharePct, shareInterval).
 */
export function shareCells(x: { readonly share: number; readonly ci95: readonly [number, number] }): [string, string] {
  return [sharePct(x.share), shareInterval(x.share, x.ci95)];
}

/**
 * A row of the side-by-side comparison as `compare` prints it: A's and B's shares (sharePct),
 * and B − A with its paired interval to as many decimals as show it (pointsDigits), so that a
 * clear difference never reads as one whose interval reaches 0.
 */
export function pairedCells(x: { readonly a: number; readonly b: number; readonly difference: number; readonly ci95: readonly [number, number] }): [string, string, string, string] {
  const digits = pointsDigits(x.ci95);
  return [sharePct(x.a), sharePct(x.b), points(x.difference, digits), `${points(x.ci95[0], digits)} to ${points(x.ci95[1], digits)}`];
}

export function outcomeRows(r: Results): { outcome: Outcome; label: string; share: number; ci95: readonly [number, number] }[] {
  return (Object.keys(r.outcomes) as Outcome[]).map((o) => ({ outcome: o, label: OUTCOME_LABELS[o], share: r.outcomes[o].share, ci95: r.outcomes[o].ci95 }));
}

/** The rewrite search in a teacher's words: the answer, the front as rows, and the budget it had. */
export function rewriteSearchLines(x: NonNullable<HandoutData['rewriteSearch']>): { intro: string[]; front: string[][]; budget: string } {
  const r = x.report;
  const rw = r.rewrite;
  const changes = rw.changes.map((c) => (c.kind === 'switch' ? `${c.path} ${c.from} -> ${c.to}` : `${c.label} (${c.path}) ${c.from} -> ${c.to}${c.source === undefined ? '' : ` [${c.source}]`}`));
  const intro = [`Target: ${r.target}. Start: ${sharePct(r.start.share)}.`];
  const verdict = rewriteVerdict(r);
  if (verdict === 'met_at_start') intro.push('The scenario already meets the target.');
  else if (verdict === 'found') intro.push(`The cheapest rewrite found (distance ${rw.distance.toFixed(2)}): ${changes.join('; ')}. It reaches ${sharePct(rw.search.share)} (${sharePct(rw.verification.share)} on a fresh seed).`);
  else {
    intro.push(`No rewrite within distance ${r.maxDistance} and ${r.maxChanges} changes reaches the target: "not found by this search", not "impossible".`);
    if (verdict === 'closest') intro.push(`The closest it came (distance ${rw.distance.toFixed(2)}): ${changes.join('; ')}, at ${sharePct(rw.search.share)} (${sharePct(rw.verification.share)} on a fresh seed).`);
    else if (changes.length > 0) intro.push(`No rewrite it tried moved the share from ${sharePct(r.start.share)}; these changes only got furthest through the stages before the target (distance ${rw.distance.toFixed(2)}): ${changes.join('; ')}.`);
  }
  intro.push('The front: each row costs more rewriting and reaches further than the one before.');
  const front = r.front.map((p) => [p.distance.toFixed(2), sharePct(p.share), p.changes.join('; ') || '(none)']);
  const budget =
    `Searched with a modest budget: ${integer(x.budget.runs)} branches per evaluation, rewrite distance at most ${x.budget.maxDistance}, at most ${x.budget.maxChanges} changes; ` +
    `${integer(r.evaluations)} evaluations. A larger search (article10 rewrite) may find cheaper rewrites.`;
  return { intro, front, budget };
}
