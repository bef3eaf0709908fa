import { yearLabel } from '../explain/story.js';
import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS } from '../../model/outcome.js';
import { bar, integer, points, sharePct } from '../../report/format.js';
import { assumptionTables, comparedFrom, discussionPrompts, HANDOUT_SECTIONS, handoutSources, movingSwings, pairedCells, shareCells, type HandoutData, type HandoutStory } from './content.js';
import { paramLabel } from '../../report/param-labels.js';
import { rewriteLine, rewriteLines } from '../rewrite/rewrite-distance.js';
import { markdownCode, markdownLinkedText, markdownText as md } from '../../report/safe-text.js';
import { NO_CLEAR_EFFECT, rangeText, swingIsClear, TORNADO_GLYPHS, tornadoLines, value } from '../sensitivity/tornado.js';
import { partingText } from '../compare/text.js';
import { rewriteSearchLines } from './content.js';

function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  return [
    `| ${headers.map(md).join(' | ')} |`,
    `|${headers.map((_, i) => (right.has(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`),
  ];
}

/** The handout as Markdown: reads as plain text too, and prints. */
export function handoutMarkdown(d: HandoutData, options: { top?: number } = {}): string {
  const s = d.scenario;
  const r = d.results;
  const top = options.top ?? 10;
  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${title}`, '');
  out.push(`# ${md(s.title)}`, '');
  out.push(`*A handout from article10 v${r.version}: ${integer(r.runs)} simulated branches of history, seed ${md(r.seed)}.*`);

  section(HANDOUT_SECTIONS.context);
  const dp = s.decisionPoint;
  out.push(`**${dp.year}${dp.date ? ` (${md(dp.date)})` : ''}: ${md(dp.label)}.** Simulated year by year to ${dp.horizon}.`, '');
  out.push(md(dp.context) + (dp.source ? ` \\[${md(dp.source)}\\]` : ''), '');
  if (s.description.trim() !== '') out.push(`*This scenario:* ${md(s.description)}`, '');
  if (d.rewrite !== null) {
    out.push(`*A counterfactual.* ${md(rewriteLine(d.rewrite))}.`, '');
    for (const l of rewriteLines(d.rewrite)) out.push(`- ${md(l)}`);
  }

  section(HANDOUT_SECTIONS.outcomes);
  out.push('Each branch ends in exactly one way; the interval is the 95% range of the Monte Carlo estimate.', '');
  out.push(...mdTable(['outcome', 'share', '95% interval', ''], OUTCOMES.map((o) => [md(OUTCOME_LABELS[o]), ...shareCells(r.outcomes[o]), bar(r.outcomes[o].share, 30)]), new Set([1])));

  section(HANDOUT_SECTIONS.funnel);
  out.push('Share of branches reaching each stage of Article 10: application, a unanimous invitation, ratification by every member.', '');
  out.push(...mdTable(['stage', 'share', '95% interval', ''], r.funnel.map((f) => [md(STAGE_LABELS[f.stage]), ...shareCells(f), bar(f.share, 30)]), new Set([1])));
  if (r.blockers.length > 0) {
    out.push('', 'What ended the branches that did not join, most frequent first:', '');
    out.push(...mdTable(['outcome', 'who', 'why', 'share'], r.blockers.slice(0, 6).map((b) => [md(b.outcome), md(b.actorName), md(b.reason.label) + (b.reason.source ? ` \\[${md(b.reason.source)}\\]` : ''), sharePct(b.share)]), new Set([3])));
  }

  if (d.comparison !== null) {
    const c = d.comparison;
    section(HANDOUT_SECTIONS.compare);
    out.push(`A (${md(comparedFrom(c, 'a'))}): **${md(c.a.title)}** (${md(c.a.scenario)}). B (${md(comparedFrom(c, 'b'))}): **${md(c.b.title)}** (${md(c.b.scenario)}). This handout is centred on B: its tornado and stories are B's.`, '');
    out.push(`Both run on the same ${integer(c.runs)} branches (common random numbers), so B − A is the effect of the differing assumptions, with a paired 95% interval.`, '');
    const row = (label: string, x: Parameters<typeof pairedCells>[0]) => [md(label), ...pairedCells(x)];
    out.push(...mdTable(['outcome', 'A', 'B', 'B − A (pts)', '95% interval'], OUTCOMES.map((o) => row(OUTCOME_LABELS[o], c.outcomes[o])), new Set([1, 2, 3])));
    out.push('', ...mdTable(['stage', 'A', 'B', 'B − A (pts)', '95% interval'], c.funnel.map((f) => row(STAGE_LABELS[f.stage], f)), new Set([1, 2, 3])));
    out.push('', `${md(partingText(c))}.`, '');
    const listed = rewriteLines(c.assumptions);
    out.push(`Assumptions that differ, A → B (distance ${c.assumptions.score.toFixed(1)}):`, '');
    if (listed.length === 0) out.push('- none: the two scenarios make the same assumptions');
    for (const l of listed) out.push(`- ${md(l)}`);
  }

  section(HANDOUT_SECTIONS.hinge);
  const sens = d.sensitivity;
  if (sens === null || sens.swings.length === 0) out.push('No parameter of this scenario has a range, so there is nothing to swing.');
  else {
    const rows = movingSwings(sens, top);
    out.push(
      `Each parameter with a range is fixed at the low end, then at the high end, every other value as written, on the same branches. ` +
        `The share shown is "${md(d.measure.label)}": ${md(d.measure.why)}. Baseline ${sharePct(sens.baseline.share)}. ` +
        `${TORNADO_GLYPHS.low} = low end, ${TORNADO_GLYPHS.high} = high end, ${TORNADO_GLYPHS.baseline} = baseline.`,
      '',
    );
    if (rows.length === 0) out.push(`No parameter moved this share at either end of its range (${integer(sens.runs)} branches per run).`);
    else {
      out.push('```text', ...tornadoLines(rows, sens.baseline, 78), '```', '');
      out.push(
        ...mdTable(
          ['parameter', 'range', 'low end', 'high end', 'swing (pts)', 'source'],
          rows.map((w) => [`${md(paramLabel(s, w.path))} (${markdownCode(w.path)})`, rangeText(w.lo, w.hi), sharePct(w.low.share), sharePct(w.high.share), swingIsClear(w) ? points(w.swing) : `${points(w.swing)} (${NO_CLEAR_EFFECT})`, md(w.source ?? '')]),
          new Set([2, 3, 4]),
        ),
      );
      if (!rows.every(swingIsClear)) out.push('', `A swing marked "${NO_CLEAR_EFFECT}" (drawn ${TORNADO_GLYPHS.unclear}) has a 95% interval that includes 0: at these runs it is not shown to matter (the test is a cautious one, so it may matter a little).`);
    }
  }

  if (d.rewriteSearch !== null) {
    const w = rewriteSearchLines(d.rewriteSearch);
    section(HANDOUT_SECTIONS.rewrite);
    out.push(...w.intro.flatMap((l) => [md(l), '']));
    out.push(...mdTable(['distance', 'share', 'changes'], w.front.map((r) => r.map(md)), new Set([0, 1])), '', `*${md(w.budget)}*`);
  }

  section(HANDOUT_SECTIONS.stories);
  out.push('Single branches, year by year, with the rules that fired and their sources. Any branch can be told again with `article10 explain`.');
  for (const st of d.stories) out.push(...storyMarkdown(st));

  section(HANDOUT_SECTIONS.prompts);
  discussionPrompts(d).forEach((p, i) => out.push(`${i + 1}. ${md(p)}`));

  section(HANDOUT_SECTIONS.assumptions);
  for (const t of assumptionTables(s)) {
    out.push(`### ${md(t.title)}`, '');
    out.push(...mdTable(t.headers, t.rows.map((row) => row.map(md))));
    if (t.note !== undefined) out.push('', `*${md(t.note)}*`);
    out.push('');
  }

  section(HANDOUT_SECTIONS.sources);
  for (const x of handoutSources(d)) out.push(`- **${md(x.id)}** ${markdownLinkedText(x.citation)}`);
  out.push('', '"assumption" marks a modelling judgement; (U) and (R) mark unverified and reported claims in the fact sheet.');

  section(HANDOUT_SECTIONS.method);
  // Not at the start of a line: three backticks there would open a code block.
  out.push(`Made with ${markdownCode(d.command)}.`, '');
  out.push(
    `Every number is a share of ${integer(r.runs)} simulated branches with seed ${md(r.seed)}: the same command gives the same handout. ` +
      `Uncertain values (ranges) are drawn once per branch; every random decision draws from its own place, so the runs of the tornado differ only through the value swung.` +
      (sens === null ? '' : ` The tornado used ${integer(sens.runs)} branches per run.`),
  );
  return out.join('\n') + '\n';
}

function storyMarkdown(st: HandoutStory): string[] {
  const out = ['', `### ${st.title}${st.branch === null ? '' : ` (branch ${st.branch})`}`, '', ...(st.rarity === undefined ? [] : [`*How often:* ${md(st.rarity)}.`, ''])];
  if (st.story === null) return [...out, md(st.missing ?? 'No such branch was found.')];
  if (st.keyValues.length > 0) out.push(`*In this branch:* ${st.keyValues.map((k) => `${md(k.label)} = ${value(k.value)}`).join('; ')}.`, '');
  for (const l of st.story.lines) out.push(`- ${yearLabel(l) === '' ? '' : `**${yearLabel(l)}** `}${md(l.text)}${l.source ? ` \\[${md(l.source)}\\]` : ''}`);
  out.push('', `**Outcome:** ${md(st.story.outcome)}. ${md(st.story.ending)}`);
  return out;
}
