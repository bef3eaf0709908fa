import { yearLabel } from '../explain/story.js';
import { sharePct } from '../../report/format.js';
import { htmlPage, htmlText, markdownText as md } from '../../report/safe-text.js';
import { barChartSvg, pairedBarsSvg } from '../../report/svg.js';
import { midSentence, studentFooter, type StudentHandout } from './student.js';

/**
 * The student handout laid out: one A4 page in print (HTML), or plain Markdown. The page is the
 * same size on screen and in print (18.6 cm of text), so what a browser shows is what prints.
 */
export const PAGE_CSS = `
@page { size: A4; margin: 11mm 12mm; }
:root { color: #111; background: #fff; }
* { box-sizing: border-box; }
body { font: 9.6pt/1.32 Georgia, "Times New Roman", serif; width: 186mm; margin: 0 auto; padding: 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; line-height: 1.15; }
h2 { font-size: 10.5pt; margin: 2.2mm 0 0.8mm; border-bottom: 0.6pt solid #888; }
p { margin: 0.8mm 0; }
.start { font-weight: bold; }
.context { color: #222; }
.teams p { margin: 0.4mm 0; }
svg.chart { display: block; width: 100%; max-width: 100%; height: auto; margin: 1mm 0; }
ul, ol { margin: 0.5mm 0 0.5mm 5mm; padding: 0; }
li { margin: 0.3mm 0; }
ol.story { list-style: none; margin-left: 0; }
ol.story .year { display: inline-block; min-width: 9mm; font-weight: bold; }
dl.glossary { margin: 0.5mm 0; columns: 2; column-gap: 6mm; font-size: 8.6pt; }
dl.glossary div { break-inside: avoid; margin: 0 0 0.6mm; }
dl.glossary dt { display: inline; font-weight: bold; }
dl.glossary dd { display: inline; margin: 0; }
.small { color: #444; font-size: 7.8pt; margin-top: 1.5mm; }
@media print { body { width: auto; } a { color: inherit; text-decoration: none; } }
`;

/** The chart: both teams' outcomes (this team dark), or this scenario's alone. */
export function studentChartSvg(h: StudentHandout, width = 640, legend?: readonly [string, string]): string {
  if (h.other === null) return barChartSvg(h.chart.map((x) => ({ label: x.label, share: x.centre })), `How the branches of ${h.centre.title} end`, width);
  return pairedBarsSvg(
    h.chart.map((x) => ({ label: x.label, a: x.other ?? 0, b: x.centre })),
    legend ?? [h.other.name, `${h.centre.name} (this handout)`],
    `How the branches end: ${h.centre.name} and ${h.other.name}`,
    width,
  );
}

export function studentHtml(h: StudentHandout): string {
  const p = (text: string, cls?: string) => `<p${cls === undefined ? '' : ` class="${cls}"`}>${htmlText(text)}</p>`;
  const parts: string[] = [];
  parts.push(`<h1>${htmlText(h.question)}</h1>`);
  parts.push(p(h.start, 'start'), p(h.context, 'context'));
  const teams = [`<p><strong>${htmlText(h.centre.name)}:</strong> ${htmlText(h.centre.title)}. ${htmlText(h.centre.description)}</p>`];
  if (h.other !== null) teams.push(`<p><strong>${htmlText(h.other.name)}:</strong> ${htmlText(h.other.title)}.</p>`);
  parts.push(`<section class="teams">${teams.join('\n')}</section>`);
  parts.push(`<h2>How the branches end</h2>`, studentChartSvg(h), h.findings.map((f) => p(f)).join('\n'));
  if (h.differences.length > 0) parts.push(`<h2>What the teams assume differently</h2>`, `<ul>${h.differences.map((d) => `<li>${htmlText(d)}</li>`).join('')}</ul>`);
  if (h.story !== null) {
    const lines = h.story.lines.map((l) => `<li><span class="year">${yearLabel(l)}</span> ${htmlText(l.text)}</li>`).join('\n');
    parts.push(
      `<h2>One branch of ${htmlText(midSentence(h.centre.name))}'s world: ${htmlText(h.story.outcome)}</h2>`,
      p(`How often: ${h.story.rarity}.`),
      `<ol class="story">\n${lines}\n</ol>`,
      `<p><strong>Ending:</strong> ${htmlText(h.story.ending)}</p>`,
    );
  }
  parts.push(`<h2>Questions to discuss</h2>`, `<ol>${h.questions.map((q) => `<li>${htmlText(q)}</li>`).join('\n')}</ol>`);
  if (h.glossary.length > 0) {
    parts.push(`<h2>Words used</h2>`, `<dl class="glossary">${h.glossary.map((g) => `<div><dt>${htmlText(g.term)}:</dt> <dd>${htmlText(g.meaning)}</dd></div>`).join('')}</dl>`);
  }
  parts.push(p(studentFooter(h), 'small'));
  return htmlPage(h.question, PAGE_CSS, ['<main>', ...parts, '</main>']);
}

export function studentMarkdown(h: StudentHandout): string {
  const out: string[] = [`# ${md(h.question)}`, '', `**${md(h.start)}** ${md(h.context)}`, ''];
  out.push(`**${md(h.centre.name)}:** ${md(h.centre.title)}. ${md(h.centre.description)}`, '');
  if (h.other !== null) out.push(`**${md(h.other.name)}:** ${md(h.other.title)}.`, '');
  out.push('## How the branches end', '');
  if (h.other === null) {
    out.push('| ending | share |', '| --- | ---: |', ...h.chart.map((x) => `| ${md(x.label)} | ${sharePct(x.centre)} |`));
  } else {
    out.push(`| ending | ${md(h.centre.name)} | ${md(h.other.name)} |`, '| --- | ---: | ---: |', ...h.chart.map((x) => `| ${md(x.label)} | ${sharePct(x.centre)} | ${sharePct(x.other ?? 0)} |`));
  }
  out.push('', ...h.findings.map(md).flatMap((f) => [f, '']));
  if (h.differences.length > 0) out.push('## What the teams assume differently', '', ...h.differences.map((d) => `- ${md(d)}`), '');
  if (h.story !== null) {
    out.push(`## One branch of ${md(midSentence(h.centre.name))}'s world: ${md(h.story.outcome)}`, '', `How often: ${md(h.story.rarity)}.`, '');
    out.push(...h.story.lines.map((l) => `- ${yearLabel(l) === '' ? '' : `**${yearLabel(l)}** `}${md(l.text)}`), '', `**Ending:** ${md(h.story.ending)}`, '');
  }
  out.push('## Questions to discuss', '', ...h.questions.map((q, i) => `${i + 1}. ${md(q)}`), '');
  if (h.glossary.length > 0) out.push('## Words used', '', ...h.glossary.map((g) => `- **${md(g.term)}:** ${md(g.meaning)}`), '');
  out.push(`*${md(studentFooter(h))}*`);
  return out.join('\n') + '\n';
}
