import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareScenarios } from '../../src/analysis/compare/run.js';
import { parseMeasure } from '../../src/analysis/design/factors.js';
import { handoutBranches, prepareHandout, rewriteSearchBranches } from '../../src/analysis/handout/run.js';
import { HANDOUT_SECTIONS, type HandoutData } from '../../src/analysis/handout/content.js';
import { handoutHtml } from '../../src/analysis/handout/html.js';
import { handoutMarkdown } from '../../src/analysis/handout/markdown.js';
import { compareText } from '../../src/analysis/compare/text.js';
import { summaryText } from '../../src/analysis/summary/text.js';
import { wilson } from '../../src/engine/stats.js';
import { htmlText as esc, markdownText as md } from '../../src/report/safe-text.js';
import { PLANTED, scenario, scenarioText } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const FAST = { seed: 'h', runs: 2000, sensitivityRuns: 300, storySearch: 5000 } as const;

/** The planted fixture with hostile strings wherever a scenario carries text. */
const HOSTILE = `
extends: planted.yaml
id: hostile
title: "<script>alert('title')</script> & friends"
description: "A <b>bold</b> claim | with a pipe and *stars*"
decisionPoint:
  year: 2000
  horizon: 2004
  label: "<img src=x onerror=alert(1)>"
  context: "</p><script>alert('context')</script>"
  source: "<i>S31</i>"
rules:
  - id: needs-x
    text: "<iframe src='https://example.com'></iframe> blocks"
    source: "javascript:alert(1)"
`;

async function handout(sets: readonly string[] = []): Promise<HandoutData> {
  const s = await scenario(PLANTED, sets);
  return prepareHandout({ scenario: s, command: 'article10 report planted.yaml' }, FAST);
}

describe('handouts', () => {
  test('the Markdown has its sections in order, the tornado, three stories and questions', async () => {
    const d = await handout();
    const text = handoutMarkdown(d);
    const headings = text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    const { compare: _compare, rewrite: _rewrite, ...expected } = HANDOUT_SECTIONS;
    expect(headings).toEqual(Object.values(expected));
    expect(text.startsWith(`# ${md(d.scenario.title)}\n`)).toBe(true);
    expect(text).toContain('### A branch that joins (branch ');
    expect(text).toContain('### A branch that is vetoed');
    expect(text).toContain('None of the first 5,000 branches ends this way');
    expect(text).toContain('### A branch that never applies (branch ');
    expect(text).toMatch(/```text\n.*preconditions\.x\.level/s);
    expect(text).toContain('### The Allies');
    expect(d.measure.name).toBe('joined');
    // Questions come from what the result hinges on.
    expect(text).toMatch(/1\. The result hinges on Precondition (x|y): level at the decision point/);
  });

  test('with a comparison the side-by-side section appears, B − A from the paired run', async () => {
    const a = await scenario(PLANTED);
    const b = await scenario(PLANTED, ['preconditions.x.threshold=0.5']);
    const d = { ...(await handout()), comparison: await compareScenarios(a, b, { seed: 'h', runs: 2000 }) };
    const text = handoutMarkdown(d);
    expect(text).toContain(`## ${HANDOUT_SECTIONS.compare}`);
    expect(text).toMatch(/\| Joined \(instrument deposited\) \| \d+\.\d% \| \d+\.\d% \| \+\d+\.\d \|/);
    expect(text).toContain('preconditions.x.threshold: 0.7 -> 0.5');
    expect(handoutHtml(d)).toContain(`<h2>${HANDOUT_SECTIONS.compare}</h2>`);
    expect(d.comparison.outcomes.joined.difference).toBeGreaterThan(0);
  });

  test('a rare ending and a small clear difference read as run and compare print them, not as 0.0% or an interval reaching 0', async () => {
    const base = await handout();
    const a = await scenario(PLANTED);
    const b = await scenario(PLANTED, ['preconditions.x.threshold=0.5']);
    const c = await compareScenarios(a, b, { seed: 'h', runs: 2000 });
    // As the 1990 kit's teams give them at 20,000 branches: one branch pending at the horizon; joined in 17 branches of A and 1 of B.
    const rare = { count: 1, share: 1 / 20000, ci95: wilson(1, 20000) };
    const results = { ...base.results, outcomes: { ...base.results.outcomes, pending_at_horizon: rare } };
    const joined = { ...c.outcomes.joined, a: 17 / 20000, b: 1 / 20000, difference: -16 / 20000, ci95: [-0.0012, -0.0004] as const };
    const comparison = { ...c, outcomes: { ...c.outcomes, joined } };
    const d = { ...base, results, comparison };
    const pending = 'Pending at horizon (objection or ratification under way)';
    // What run and compare print for the same numbers.
    expect(summaryText(results)).toMatch(new RegExp(`${pending.replace(/[()]/g, '\\$&')} +<0\\.01% +\\[<0\\.01%, 0\\.03%\\]`));
    expect(compareText(comparison)).toMatch(/Joined \(instrument deposited\) +0\.09% +<0\.01% +-0\.08 pts +\[-0\.12, -0\.04\]/);
    const text = handoutMarkdown(d);
    expect(text).toContain(`| ${pending} | <0.01% | [<0.01%, 0.03%] |`);
    expect(text).toContain('| Joined (instrument deposited) | 0.09% | <0.01% | -0.08 | -0.12 to -0.04 |');
    const html = handoutHtml(d);
    expect(html).toContain(`<td>${pending}</td><td class="num">&lt;0.01%</td><td class="num">[&lt;0.01%, 0.03%]</td>`);
    expect(html).toContain('<td>Joined (instrument deposited)</td><td class="num">0.09%</td><td class="num">&lt;0.01%</td><td class="num">-0.08</td><td class="num">-0.12 to -0.04</td>');
  });

  test('--outcome picks the share the tornado explains', async () => {
    const s = await scenario(PLANTED);
    const d = await prepareHandout({ scenario: s, command: 'x' }, { ...FAST, measure: parseMeasure('applied')! });
    expect(d.measure.name).toBe('applied');
    expect(d.sensitivity!.swings[0]!.path).toBe('candidate.interest');
  });

  test("a source's web address in the Markdown is a link that ends where the address does, not at the semicolon after it", async () => {
    const s = await scenarioText('extends: planted.yaml\nid: linked\ndecisionPoint:\n  year: 2000\n  horizon: 2004\n  label: x\n  context: x\n  source: X1\nsources:\n  X1: "Protocol; https://example.org/texts_17413.htm; FRUS"\n');
    const d = await prepareHandout({ scenario: s, command: 'x' }, FAST);
    expect(handoutMarkdown(d)).toContain('- **X1** Protocol; <https://example.org/texts_17413.htm>; FRUS');
  });

  test('the HTML is one self-contained file: inline CSS and SVG, print styles, no script, no external asset', async () => {
    const html = handoutHtml(await handout());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3);
    // The SVG namespace is a name, not an address anything is fetched from.
    // Nothing is loaded from elsewhere; a source's address may be printed as text for the reader to follow.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc=|\bhref=|url\(|@import/i);
    for (const title of Object.values(HANDOUT_SECTIONS).filter((t) => t !== HANDOUT_SECTIONS.compare && t !== HANDOUT_SECTIONS.rewrite)) expect(html).toContain(`<h2>${esc(title)}</h2>`);
  });

  test('scenario strings are escaped: no HTML injection in the HTML, no markup in the Markdown', async () => {
    const hostile = await scenarioText(HOSTILE);
    const d = await prepareHandout({ scenario: hostile, command: 'article10 report hostile.yaml' }, FAST);
    const html = handoutHtml(d);
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|<i>/i);
    expect(html).toContain('<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; friends: handout</title>');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(&#39;context&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&#39;https://example.com&#39;&gt;&lt;/iframe&gt; blocks');
    const text = handoutMarkdown(d);
    expect(text).toContain("# \\<script>alert('title')\\</script> & friends");
    expect(text).not.toMatch(/(^|[^\\])<(script|img|iframe|b|i)\b/m);
    expect(text).toContain('A \\<b>bold\\</b> claim \\| with a pipe and \\*stars\\*');
  });

  test.skipIf(!existsSync(CHROMIUM))('the HTML renders in headless Chromium: it parses, keeps its charts and runs no script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-handout-'));
    dirs.push(dir);
    const hostile = await scenarioText(HOSTILE);
    const d = await prepareHandout({ scenario: hostile, command: 'article10 report hostile.yaml' }, FAST);
    const file = join(dir, 'handout.html');
    writeFileSync(file, handoutHtml(d));
    const r = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--dump-dom',
        `file://${file}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const dom = r.stdout;
    expect(dom).toContain('<h1>&lt;script&gt;alert(\'title\')&lt;/script&gt; &amp; friends</h1>');
    expect(dom.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3);
    expect(dom).toContain('<rect');
    expect(dom).not.toMatch(/<script|<img|<iframe/i);
    for (const title of [HANDOUT_SECTIONS.context, HANDOUT_SECTIONS.hinge, HANDOUT_SECTIONS.stories, HANDOUT_SECTIONS.sources]) expect(dom).toContain(`<h2>${title}</h2>`);
  });
});

describe('the teacher\'s "what would it take"', () => {
  test('runs the rewrite search with the budget it states, and counts its evaluations', async () => {
    const s = await scenario(PLANTED);
    const budget = { runs: 200, maxDistance: 2, maxChanges: 2 };
    const d = await prepareHandout({ scenario: s, command: 'x' }, { ...FAST, rewriteSearch: budget });
    const r = d.rewriteSearch!.report;
    expect(r.evaluations).toBeGreaterThan(0);
    expect(r.runs).toBe(200);
    expect(r.maxDistance).toBe(2);
    const text = handoutMarkdown(d);
    expect(text).toContain(`## ${HANDOUT_SECTIONS.rewrite}`);
    expect(text).toContain(`Searched with a modest budget: 200 branches per evaluation, rewrite distance at most 2, at most 2 changes; ${r.evaluations.toLocaleString('en')} evaluations.`);
    expect(handoutHtml(d)).toContain(`<h2>${HANDOUT_SECTIONS.rewrite}</h2>`);
  });

  test('the search is in the handout\'s branch count, and its progress runs on past the tornado\'s without passing the count', async () => {
    const s = await scenario(PLANTED);
    const budget = { runs: 200, maxDistance: 2, maxChanges: 2 };
    const seen: number[] = [];
    await prepareHandout({ scenario: s, command: 'x' }, { ...FAST, rewriteSearch: budget, onProgress: (n) => seen.push(n) });
    const withoutSearch = handoutBranches(s, FAST);
    const total = handoutBranches(s, { ...FAST, rewriteSearch: budget });
    expect(total - withoutSearch).toBe(rewriteSearchBranches(s, budget));
    expect(total - withoutSearch).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(Math.max(...seen)).toBeGreaterThan(withoutSearch);
    expect(Math.max(...seen)).toBeLessThanOrEqual(total);
  });
});
