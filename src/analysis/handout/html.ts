import { yearLabel } from '../explain/story.js';
import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS } from '../../model/outcome.js';
import { integer, points, sharePct } from '../../report/format.js';
import { assumptionTables, comparedFrom, discussionPrompts, HANDOUT_SECTIONS, handoutSources, movingSwings, outcomeRows, pairedCells, shareCells, type HandoutData, type HandoutStory } from './content.js';
import { paramLabel } from '../../report/param-labels.js';
import { rewriteLine, rewriteLines } from '../rewrite/rewrite-distance.js';
import { htmlPage, htmlText } from '../../report/safe-text.js';
import { chartNamed, teacherCharts } from './charts.js';
import { NO_CLEAR_EFFECT, rangeText, swingIsClear, value } from '../sensitivity/tornado.js';
import { partingText } from '../compare/text.js';
import { rewriteSearchLines } from './content.js';

const CSS = `
:root { color: #111; background: #fff; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.meta, .note { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font: 9.5pt/1.3 Helvetica, Arial, sans-serif; }
th, td { border: 1px solid #bbb; padding: .2rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; }
ol.story { list-style: none; padding-left: 0; }
ol.story li { margin: .15rem 0; }
ol.story .year { display: inline-block; min-width: 3rem; font-weight: bold; }
.src { color: #555; font-size: .9em; }
code { font-size: .9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table, svg.chart, figure, li { break-inside: avoid; page-break-inside: avoid; }
  section.stories, section.assumptions, section.sources { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
`;

function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const head = `<tr>${headers.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${htmlText(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const cite = (source: string | undefined) => (source ? ` <span class="src">[${htmlText(source)}]</span>` : '');

/** The handout as one self-contained HTML file: inline CSS and SVG, no script, no external asset. */
export function handoutHtml(d: HandoutData, options: { top?: number } = {}): string {
  const s = d.scenario;
  const r = d.results;
  const top = options.top ?? 10;
  const charts = teacherCharts(d, top);
  const parts: string[] = [];
  const section = (cls: string, title: string, body: string) => parts.push(`<section class="${cls}">\n<h2>${htmlText(title)}</h2>\n${body}\n</section>`);

  const dp = s.decisionPoint;
  let context = `<p><strong>${dp.year}${dp.date ? ` (${htmlText(dp.date)})` : ''}: ${htmlText(dp.label)}.</strong> Simulated year by year to ${dp.horizon}.</p>\n<p>${htmlText(dp.context.trim())}${cite(dp.source)}</p>`;
  if (s.description.trim() !== '') context += `\n<p class="note">This scenario: ${htmlText(s.description.trim())}</p>`;
  if (d.rewrite !== null) context += `\n<p><em>A counterfactual.</em> ${htmlText(rewriteLine(d.rewrite))}.</p>\n<ul>${rewriteLines(d.rewrite).map((l) => `<li>${htmlText(l)}</li>`).join('')}</ul>`;
  section('context', HANDOUT_SECTIONS.context, context);

  const outcomes = outcomeRows(r);
  section(
    'outcomes',
    HANDOUT_SECTIONS.outcomes,
    `<p>Each branch ends in exactly one way; the whisker is the 95% interval of the Monte Carlo estimate.</p>\n` +
      chartNamed(charts, 'outcomes') +
      table(['outcome', 'share', '95% interval'], outcomes.map((o) => [o.label, ...shareCells(o)]), new Set([1, 2])),
  );

  let funnel = `<p>Share of branches reaching each stage of Article 10: application, a unanimous invitation, ratification by every member.</p>\n${chartNamed(charts, 'funnel')}`;
  if (r.blockers.length > 0) {
    funnel += `<p>What ended the branches that did not join, most frequent first:</p>\n${table(
      ['outcome', 'who', 'why', 'source', 'share'],
      r.blockers.slice(0, 6).map((b) => [b.outcome, b.actorName, b.reason.label, b.reason.source ?? '', sharePct(b.share)]),
      new Set([4]),
    )}`;
  }
  section('funnel', HANDOUT_SECTIONS.funnel, funnel);

  if (d.comparison !== null) {
    const c = d.comparison;
    const row = (label: string, x: Parameters<typeof pairedCells>[0]) => [label, ...pairedCells(x)];
    const listed = rewriteLines(c.assumptions);
    section(
      'compare',
      HANDOUT_SECTIONS.compare,
      `<p>A (${htmlText(comparedFrom(c, 'a'))}): <strong>${htmlText(c.a.title)}</strong> (${htmlText(c.a.scenario)}). B (${htmlText(comparedFrom(c, 'b'))}): <strong>${htmlText(c.b.title)}</strong> (${htmlText(c.b.scenario)}). This handout is centred on B: its tornado and stories are B's.</p>\n` +
        `<p>Both run on the same ${integer(c.runs)} branches (common random numbers), so B − A is the effect of the differing assumptions, with a paired 95% interval.</p>\n` +
        chartNamed(charts, 'compare') +
        table(['outcome', 'A', 'B', 'B − A (pts)', '95% interval'], OUTCOMES.map((o) => row(OUTCOME_LABELS[o], c.outcomes[o])), new Set([1, 2, 3, 4])) +
        table(['stage', 'A', 'B', 'B − A (pts)', '95% interval'], c.funnel.map((f) => row(STAGE_LABELS[f.stage], f)), new Set([1, 2, 3, 4])) +
        `<p>${htmlText(partingText(c))}.</p>\n` +
        `<p>Assumptions that differ, A → B (distance ${c.assumptions.score.toFixed(1)}):</p>\n<ul>${(listed.length === 0 ? ['none: the two scenarios make the same assumptions'] : listed).map((l) => `<li>${htmlText(l)}</li>`).join('')}</ul>`,
    );
  }

  const sens = d.sensitivity;
  let hinge: string;
  if (sens === null || sens.swings.length === 0) hinge = '<p>No parameter of this scenario has a range, so there is nothing to swing.</p>';
  else {
    const rows = movingSwings(sens, top);
    hinge =
      `<p>Each parameter with a range is fixed at the low end, then at the high end, every other value as written, on the same branches. ` +
      `The share shown is "${htmlText(d.measure.label)}": ${htmlText(d.measure.why)}. Baseline ${sharePct(sens.baseline.share)}.</p>\n`;
    if (rows.length === 0) hinge += `<p>No parameter moved this share at either end of its range (${integer(sens.runs)} branches per run).</p>`;
    else {
      hinge +=
        chartNamed(charts, 'tornado') +
        table(
          ['parameter', 'path', 'range', 'low end', 'high end', 'swing (pts)', 'source'],
          rows.map((w) => [paramLabel(s, w.path), w.path, rangeText(w.lo, w.hi), sharePct(w.low.share), sharePct(w.high.share), swingIsClear(w) ? points(w.swing) : `${points(w.swing)} (${NO_CLEAR_EFFECT})`, w.source ?? '']),
          new Set([3, 4, 5]),
        );
      if (!rows.every(swingIsClear)) hinge += `<p class="note">A swing marked "${NO_CLEAR_EFFECT}" has a 95% interval that includes 0: at these runs it is not shown to matter (the test is a cautious one, so it may matter a little).</p>`;
    }
  }
  section('hinge', HANDOUT_SECTIONS.hinge, hinge);

  if (d.rewriteSearch !== null) {
    const w = rewriteSearchLines(d.rewriteSearch);
    section(
      'rewrite',
      HANDOUT_SECTIONS.rewrite,
      w.intro.map((l) => `<p>${htmlText(l)}</p>`).join('\n') +
        table(['distance', 'share', 'changes'], w.front, new Set([0, 1])) +
        `<p class="note">${htmlText(w.budget)}</p>`,
    );
  }

  section(
    'stories',
    HANDOUT_SECTIONS.stories,
    '<p>Single branches, year by year, with the rules that fired and their sources. Any branch can be told again with <code>article10 explain</code>.</p>\n' + d.stories.map(storyHtml).join('\n'),
  );

  section('prompts', HANDOUT_SECTIONS.prompts, `<ol>${discussionPrompts(d).map((p) => `<li>${htmlText(p)}</li>`).join('\n')}</ol>`);

  section(
    'assumptions',
    HANDOUT_SECTIONS.assumptions,
    assumptionTables(s)
      .map((t) => `<h3>${htmlText(t.title)}</h3>\n${table(t.headers, t.rows)}${t.note === undefined ? '' : `\n<p class="note">${htmlText(t.note)}</p>`}`)
      .join('\n'),
  );

  section(
    'sources',
    HANDOUT_SECTIONS.sources,
    `<ul>${handoutSources(d).map((x) => `<li><strong>${htmlText(x.id)}</strong> ${htmlText(x.citation)}</li>`).join('\n')}</ul>\n<p class="note">"assumption" marks a modelling judgement; (U) and (R) mark unverified and reported claims in the fact sheet.</p>`,
  );

  section(
    'method',
    HANDOUT_SECTIONS.method,
    `<p>Made with <code>${htmlText(d.command)}</code>.</p>\n<p>Every number is a share of ${integer(r.runs)} simulated branches with seed ${htmlText(r.seed)}: the same command gives the same handout. ` +
      `Uncertain values (ranges) are drawn once per branch; every random decision draws from its own place, so the runs of the tornado differ only through the value swung.` +
      `${sens === null ? '' : ` The tornado used ${integer(sens.runs)} branches per run.`}</p>`,
  );

  return htmlPage(`${s.title}: handout`, CSS, [
    `<header><h1>${htmlText(s.title)}</h1>\n<p class="meta">A handout from article10 v${htmlText(r.version)}: ${integer(r.runs)} simulated branches of history, seed ${htmlText(r.seed)}.</p></header>`,
    '<main>',
    ...parts,
    '</main>',
  ]);
}

function storyHtml(st: HandoutStory): string {
  const head = `<h3>${htmlText(st.title)}${st.branch === null ? '' : ` (branch ${st.branch})`}</h3>${st.rarity === undefined ? '' : `\n<p class="note">How often: ${htmlText(st.rarity)}.</p>`}`;
  if (st.story === null) return `${head}\n<p>${htmlText(st.missing ?? 'No such branch was found.')}</p>`;
  const values = st.keyValues.length === 0 ? '' : `<p class="note">In this branch: ${htmlText(st.keyValues.map((k) => `${k.label} = ${value(k.value)}`).join('; '))}.</p>\n`;
  const lines = st.story.lines.map((l) => `<li><span class="year">${yearLabel(l)}</span> ${htmlText(l.text)}${cite(l.source)}</li>`).join('\n');
  return `${head}\n${values}<ol class="story">\n${lines}\n</ol>\n<p><strong>Outcome:</strong> ${htmlText(st.story.outcome)}. ${htmlText(st.story.ending)}</p>`;
}
