import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { prepareHandout, prepareStudentHandout } from '../../src/analysis/handout/run.js';
import { handoutHtml } from '../../src/analysis/handout/html.js';
import { studentHtml } from '../../src/analysis/handout/student-layout.js';
import { compareScenarios } from '../../src/analysis/compare/run.js';
import { cliAsync } from '../helpers/cli.js';
import { scenario } from './helpers.js';

/**
 * The handouts as a browser prints them: headless Chromium (installed by .ci/run) prints each to
 * PDF at A4 and, in the same load, measures every label. A student's page and a teacher's guide
 * must fit one page; no text of any chart may leave its chart's box (the tornado's labels once
 * lost their first letters to the left edge), and no element may run past the page's width.
 * In CI the browser is required: a missing browser fails the test rather than skipping it.
 */
const CHROMIUM = '/usr/bin/chromium';
const required = process.env.CI === 'true';
const dir = mkdtempSync(join(tmpdir(), 'article10-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs in the page before it prints: what is clipped or overflows, written into the PDF's title (ASCII only). */
const MEASURE = `<script>
document.fonts.ready.then(function () {
  var problems = [];
  var page = document.documentElement.clientWidth;
  var svgs = document.querySelectorAll('svg');
  for (var i = 0; i < svgs.length; i++) {
    var box = svgs[i].getBoundingClientRect();
    if (box.right > page + 0.5) problems.push('chart ' + i + ' runs past the page: ' + box.right + ' > ' + page);
    var texts = svgs[i].querySelectorAll('text');
    for (var j = 0; j < texts.length; j++) {
      var r = texts[j].getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        problems.push('chart ' + i + ' clips "' + texts[j].textContent + '": ' + [r.left, r.right, r.top, r.bottom].map(Math.round) + ' outside ' + [box.left, box.right, box.top, box.bottom].map(Math.round));
      }
    }
  }
  var all = document.querySelectorAll('main *');
  for (var k = 0; k < all.length; k++) {
    var e = all[k];
    if (e.closest('svg')) continue;
    var b = e.getBoundingClientRect();
    if (b.width > 0 && b.right > page + 0.5) problems.push(e.tagName + ' runs past the page: "' + (e.textContent || '').slice(0, 40) + '"');
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') problems.push(e.tagName + ' clips its text: "' + (e.textContent || '').slice(0, 40) + '"');
  }
  if (document.documentElement.scrollWidth > page + 0.5) problems.push('the page is ' + document.documentElement.scrollWidth + ' wide, past its ' + page);
  var main = document.querySelector('main');
  var json = JSON.stringify({ problems: problems, labels: document.querySelectorAll('svg text').length, height: main === null ? 0 : main.getBoundingClientRect().height });
  document.title = 'MEASURED ' + json.replace(/[^\\x20-\\x7e]/g, function (c) { return '\\\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); });
});
</script>`;

/**
 * The pages ask for Georgia, which this machine lacks (Chromium falls back to a narrower Times
 * clone), while most teachers' computers have it. Gelasio has Georgia's metrics: every page is
 * printed a second time with it standing in for Georgia, so a page that fits here fits there.
 */
const GELASIO = join(process.cwd(), 'node_modules', '@fontsource', 'gelasio', 'files');
const GEORGIA_METRICS = `<style>${[400, 700]
  .flatMap((weight) => ['normal', 'italic'].flatMap((style) => ['latin', 'latin-ext'].map((subset) => `@font-face { font-family: Georgia; font-weight: ${weight}; font-style: ${style}; src: url("file://${GELASIO}/gelasio-${subset}-${weight}-${style}.woff2"); }`)))
  .join('\n')}</style>`;
const FONTS = ['fallback', 'Georgia'] as const;
type Font = (typeof FONTS)[number];

interface Printed {
  readonly pages: number;
  readonly problems: readonly string[];
  readonly labels: number;
  /** The height of the page's text on screen, in CSS pixels (at 96 to the inch). */
  readonly height: number;
}

/** Prints a page at A4 in headless Chromium; what the page measured and how many pages it took. */
function print(name: string, html: string, font: Font = 'fallback'): Printed {
  const file = join(dir, `${name}-${font}.html`);
  const pdf = join(dir, `${name}-${font}.pdf`);
  const fonts = font === 'Georgia' ? GEORGIA_METRICS : '';
  writeFileSync(file, html.replace('</head>', `${fonts}</head>`).replace('</body>', `${MEASURE}</body>`));
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A4 at 96 px to the inch: the page the student's layout is drawn for.
      '--window-size=794,1123',
      '--no-pdf-header-footer',
      // Prints once the fonts have loaded and the measurement has run.
      '--virtual-time-budget=10000',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const bytes = readFileSync(pdf).toString('latin1');
  const counts = [...bytes.matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  const measured = JSON.parse(pdfTitle(bytes, 'MEASURED ', name)) as { problems: string[]; labels: number; height: number };
  return { pages: Math.max(...counts), problems: measured.problems, labels: measured.labels, height: measured.height };
}

/** The document title a PDF carries, read as a PDF literal string (backslash escapes undone), after `prefix`. */
function pdfTitle(pdf: string, prefix: string, name: string): string {
  const start = pdf.indexOf(`/Title (${prefix}`);
  expect(start, `${name}: the page's measurement did not reach the PDF`).toBeGreaterThanOrEqual(0);
  let out = '';
  for (let i = start + 8 + prefix.length; i < pdf.length; i++) {
    const c = pdf[i]!;
    if (c === '\\') out += pdf[++i];
    else if (c === ')') return out;
    else out += c;
  }
  throw new Error(`${name}: the title never ends`);
}

const hasBrowser = existsSync(CHROMIUM);

describe.skipIf(!hasBrowser && !required)('handouts printed in headless Chromium at A4', () => {
  test('the browser is there when CI runs', () => {
    expect(hasBrowser, `${CHROMIUM} is missing: .ci/run installs it`).toBe(true);
  });

  test('the measurement finds a clipped label and counts a second page', () => {
    const label = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20"><text x="110" y="15" text-anchor="end">Soviet Union: yearly chance its leadership seeks membership</text></svg>';
    const cut = print('clipped', `<!DOCTYPE html><html><body><main>${label}</main></body></html>`);
    expect(cut.problems.join('\n')).toMatch(/^chart 0 clips "Soviet Union: yearly chance/);
    const long = print('long', `<!DOCTYPE html><html><body><main>${'<p>A line of a long page.</p>'.repeat(120)}</main></body></html>`);
    expect(long.problems).toEqual([]);
    expect(long.pages).toBeGreaterThan(1);
  });

  test('Georgia\'s stand-in is loaded: its wider text makes a page taller than the fallback does', async () => {
    const h = await prepareStudentHandout({ scenario: await scenario('russia-2000'), command: 'x' }, { seed: '1', runs: 4000, storySearch: 20_000 });
    const height = (font: Font) => print('student-height', studentHtml(h), font).height;
    // 5 mm at 96 px to the inch: the fonts' widths differ by more than rounding.
    expect(height('Georgia')).toBeGreaterThan(height('fallback') + 19);
  });

  test.each(FONTS.flatMap((font) => ['russia-1954', 'russia-1990', 'russia-2000'].map((name) => [name, font] as const)))('%s: the student handout fits one page and clips no label (%s font)', async (name, font) => {
    const h = await prepareStudentHandout({ scenario: await scenario(name), command: 'x' }, { seed: '1', runs: 4000, storySearch: 20_000 });
    const printed = print(`student-${name}`, studentHtml(h), font);
    expect(printed.problems).toEqual([]);
    expect(printed.labels).toBeGreaterThan(5);
    expect(printed.pages).toBe(1);
  });

  test.each([
    ['russia-1954', 'russia-1954-austria-model'],
    ['russia-1990', 'russia-1990-common-home'],
    ['russia-2000', 'russia-2000-istanbul-kept'],
    ['russia-2000', 'russia-2000-stands-in-line'],
  ])('the student handout of %s against %s (two teams, the paired chart) fits one page in either font', async (a, b) => {
    const out = join(dir, `pair-${b}.html`);
    const r = await cliAsync(['report', a, '--compare', b, '--runs', '4000', '--out', out], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    for (const font of FONTS) {
      const printed = print(`pair-${b}`, readFileSync(out, 'utf8'), font);
      expect(printed.problems, font).toEqual([]);
      expect(printed.pages, font).toBe(1);
    }
  });

  test('a word longer than the page (a pasted address, a name with no space) breaks instead of running past the edge', async () => {
    const base = await scenario('russia-2000');
    const word = 'Gorbachev'.repeat(30);
    const long = { ...base, title: word, decisionPoint: { ...base.decisionPoint, label: `${word} asks`, context: `It began with ${word}.` }, rules: base.rules.map((r) => ({ ...r, text: `${r.text} ${word}` })) };
    const student = await prepareStudentHandout({ scenario: long, command: 'x' }, { seed: '1', runs: 1000, storySearch: 2_000 });
    expect(print('student-long-word', studentHtml(student)).problems).toEqual([]);
    const teacher = await prepareHandout({ scenario: long, command: 'x' }, { seed: '1', runs: 1000, sensitivityRuns: 100, storySearch: 2_000, rewriteSearch: { runs: 100, maxDistance: 1, maxChanges: 1 } });
    expect(print('teacher-long-word', handoutHtml(teacher)).problems).toEqual([]);
  });

  test.each(['1954', '1990', '2000'])('kit %s: both team handouts and the teacher\'s guide fit one page each in either font, nothing clipped', async (year) => {
    const out = join(dir, `kit-${year}`);
    const r = await cliAsync(['kit', year, '--out', out, '--runs', '4000'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['team-a-handout', 'team-b-handout', 'teachers-guide']) {
      for (const font of FONTS) {
        const printed = print(`kit-${year}-${f}`, readFileSync(join(out, `${f}.html`), 'utf8'), font);
        expect(printed.problems, `${f} (${font})`).toEqual([]);
        expect(printed.pages, `${f} (${font})`).toBe(1);
      }
    }
  });

  test.each([
    ['russia-1990', 'russia-1990-common-home'],
    ['russia-2000', 'russia-2000-istanbul-kept'],
  ])('the teacher version of %s against %s prints without clipping (tornado and comparison included)', async (a, b) => {
    const teamA = await scenario(a);
    const teamB = await scenario(b);
    const d = await prepareHandout(
      { scenario: teamB, command: 'x' },
      { seed: '1', runs: 2000, sensitivityRuns: 300, storySearch: 20_000, rewriteSearch: { runs: 100, maxDistance: 1, maxChanges: 1 } },
    );
    const comparison = await compareScenarios(teamA, teamB, { seed: '1', runs: 2000 });
    const html = handoutHtml({ ...d, comparison });
    expect(html).toContain('<h2>What the result hinges on</h2>');
    const printed = print(`teacher-${b}`, html);
    expect(printed.problems).toEqual([]);
    expect(printed.labels).toBeGreaterThan(20);
  });
});
