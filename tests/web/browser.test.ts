import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { builtPageDir } from '../../src/io/paths.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { cli, startCli } from '../helpers/cli.js';
import { clippedText, launchChromium, lowContrastText, CHROMIUM, serveBuiltPage, type Served } from './browser-helpers.js';

/**
 * The web explorer in a real browser (Debian's Chromium, driven by playwright-core), served by
 * `article10 web` as a user would: one browser and one server for the whole file.
 */
const SHOTS = process.env.ARTICLE10_SCREENSHOTS;

// In CI the browser is required: a missing browser fails these tests rather than skipping them.
const hasBrowser = existsSync(CHROMIUM);

describe.skipIf(!hasBrowser && process.env.CI !== 'true')('the web explorer in a real browser', () => {
  let browser: Browser;
  let served: Served;
  let context: BrowserContext;
  const dirs: string[] = [];

  beforeAll(async () => {
    served = await serveBuiltPage();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await served?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function open(hash = ''): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A refused resource or a broken Content-Security-Policy shows here first.
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${served.url}${hash}`);
    await finalResults(page);
    expect(errors).toEqual([]);
    return page;
  }

  async function finalResults(page: Page): Promise<void> {
    await page.locator('.run-status[data-final="true"]').waitFor({ timeout: 30_000 });
  }

  async function shares(page: Page): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const o of OUTCOMES) out[o] = (await page.locator(`.outcomes tr[data-outcome="${o}"] .share`).textContent())!;
    return out;
  }

  test('loads with results, and its results document is the one `article10 run --json` prints', async () => {
    const page = await open('#s=russia-1990&seed=7&runs=5000');
    await expect(page.locator('.scenario-title').textContent()).resolves.toContain('1990');
    expect(await page.locator('.run-status').textContent()).toContain('5,000 branches, seed 7');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results JSON' }).click()]);
    const fromPage = readFileSync((await download.path())!, 'utf8');
    const r = cli(['run', 'russia-1990', '--seed', '7', '--runs', '5000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(fromPage).toBe(r.stdout);
    // Each blocker names the ending it caused, as `run`'s table does: the same reason ends
    // branches in two ways (the US vetoes; Russia, dismissed, never applies).
    const rows = await page.locator('table.blockers tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    const blockers = (JSON.parse(r.stdout) as { blockers: { outcome: string; actor: string; reason: { label: string } }[] }).blockers.slice(0, rows.length);
    const labels: Record<string, string> = { no_application: 'Never applied', withdrawn: 'Applied, then withdrew', map_stalled: 'Stalled before invitation', vetoed: 'Invitation vetoed' };
    expect(rows.map((cells) => [cells[1], cells[2]!.match(/\((\w+)\)$/)?.[1]])).toEqual(blockers.map((b) => [labels[b.outcome], b.actor]));
    expect(new Set(blockers.filter((b) => b.reason.label.startsWith('Bush and Baker')).map((b) => b.outcome))).toEqual(new Set(['vetoed', 'no_application']));
    await page.close();
  });

  test('a slider moves the shares; its source shows on focus; the pinned baseline shows the change; undo takes it back', async () => {
    const page = await open();
    const before = await shares(page);
    await page.getByRole('button', { name: 'Pin baseline' }).click();
    const slider = page.getByRole('slider', { name: 'RU interest' });
    await slider.focus();
    await expect(page.locator('.detail').textContent()).resolves.toMatch(/Source: .*S\d+/);
    await slider.press('End');
    await finalResults(page);
    await page.locator('.edited-badge').waitFor();
    const after = await shares(page);
    expect(after.no_application).not.toBe(before.no_application);
    expect(Number.parseFloat(after.no_application!)).toBeLessThan(Number.parseFloat(before.no_application!));
    const change = (await page.locator('.outcomes tr[data-outcome="no_application"] .delta').textContent())!;
    expect(change).toMatch(/^−\d+\.\d pts$/);
    expect(Number.parseFloat(change.replace('−', '-'))).toBeCloseTo(Number.parseFloat(after.no_application!) - Number.parseFloat(before.no_application!), 0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await finalResults(page);
    expect(await shares(page)).toEqual(before);
    await page.close();
  });

  test('a shared link opens the same changes, seed and branches, with the same shares; the YAML it downloads runs to them too', async () => {
    const page = await open('#seed=3&runs=8000');
    await page.getByRole('slider', { name: 'RU interest' }).press('End');
    await page.getByRole('switch', { name: /no-queue/ }).click();
    await finalResults(page);
    const edited = await shares(page);
    // The YAML it downloads is a file the command runs, to the same shares.
    const dir = mkdtempSync(join(tmpdir(), 'article10-web-yaml-'));
    dirs.push(dir);
    const [yaml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download YAML' }).click()]);
    expect(yaml.suggestedFilename()).toBe('russia-2000-edited.yaml');
    await yaml.saveAs(join(dir, yaml.suggestedFilename()));
    expect(readFileSync(join(dir, yaml.suggestedFilename()), 'utf8')).toMatch(/^extends: bundled:russia-2000$/m);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results JSON' }).click()]);
    const fromPage = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { outcomes: unknown; funnel: unknown };
    const r = cli(['run', yaml.suggestedFilename(), '--seed', '3', '--runs', '8000', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const fromCli = JSON.parse(r.stdout) as { outcomes: unknown; funnel: unknown };
    expect(fromPage.outcomes).toEqual(fromCli.outcomes);
    expect(fromPage.funnel).toEqual(fromCli.funnel);
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByRole('textbox', { name: 'Link to share' }).inputValue();
    expect(link).toMatch(/#s=russia-2000&seed=3&runs=8000&d=z/);
    const other = await open(link.slice(served.url.length));
    expect(await shares(other)).toEqual(edited);
    await other.locator('.edited-badge').waitFor();
    expect(await other.getByRole('switch', { name: /no-queue/ }).isChecked()).toBe(false);
    await other.close();
    // A damaged link says so and opens the scenario as bundled.
    const damaged = await open(`${link.slice(served.url.length, -6)}@@@`);
    await expect(damaged.locator('.notice').textContent()).resolves.toContain('damaged');
    await damaged.close();
    await page.close();
  });

  test("a link's problems are told one to a line, as `article10 validate` tells them", async () => {
    const doc = `j${Buffer.from('{"__proto__":1,"constructor":1}').toString('base64url')}`;
    const page = await open(`#s=russia-2000&d=${doc}`);
    const lines = (await page.locator('.notice p').first().innerText()).split('\n');
    expect(lines).toEqual([
      "The link's changes cannot be used:",
      expect.stringMatching(/^\/scenarios\/shared-link\.yaml:\d+:\d+: __proto__: the key "__proto__" is not allowed$/),
      expect.stringMatching(/^\/scenarios\/shared-link\.yaml:\d+:\d+: constructor: the key "constructor" is not allowed$/),
      '2 problems in the shared link',
    ]);
    await page.close();
  });

  test("a link whose changes extend another file is refused: it would open another scenario under the link's name", async () => {
    const doc = `j${Buffer.from('{"extends":"russia-1954.yaml"}').toString('base64url')}`;
    const page = await open(`#s=russia-2000&d=${doc}`);
    expect(await page.locator('.notice p').first().innerText()).toBe("The link's changes cannot be used:\nthe link's changes name a file to extend, but they are changes to russia-2000, which the link names");
    await page.close();
  });

  test('the debate view sets team A against team B on the same branches, with the paired interval', async () => {
    const page = await open('#runs=8000');
    await page.getByRole('slider', { name: 'RU interest' }).press('End');
    await finalResults(page);
    await page.getByRole('tab', { name: 'Debate' }).click();
    const status = page.locator('.debate .status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^8,000 paired branches, seed 1$/);
    const rows = page.locator('.debate table.compare').first().locator('tbody tr');
    expect(await rows.count()).toBe(7);
    await expect(page.locator('.debate .part-at').textContent()).resolves.toMatch(/They part at: Leadership interested \([+−]\d/);
    await expect(page.locator('.debate .assumptions').textContent()).resolves.toContain('candidate.interest');
    // The blockers that differ name the ending each caused, as `compare`'s table does.
    const blockers = page.locator('.debate table', { has: page.locator('caption', { hasText: 'Blockers that differ most' }) });
    expect(await blockers.locator('thead th').first().textContent()).toBe('Who, and the ending');
    expect(await blockers.locator('tbody tr td .ending').first().textContent()).toBe('Never applied');
    await page.close();
  });

  test('explains a branch as a story, and finds the next branch with an outcome', async () => {
    const page = await open('#s=russia-1990');
    await page.getByRole('tab', { name: 'Explain a branch' }).click();
    await expect(page.locator('.story h3').textContent()).resolves.toMatch(/^Branch 0 of ".*" \(seed 1\)$/);
    await page.getByRole('button', { name: 'Next branch' }).click();
    await expect(page.locator('.story h3').textContent()).resolves.toMatch(/^Branch 1 of/);
    // A screen reader is told the step in a line, not the whole story again.
    const outcome = (await page.locator('.story .outcome-line strong').textContent())!.replace(/^Outcome: /, '');
    expect(await page.locator('.explain').locator('[aria-live], [role=status], [role=alert], [role=log]').allTextContents()).toEqual([`Branch 1: ${outcome}`]);
    await page.getByRole('combobox', { name: 'Next branch ending' }).selectOption('vetoed');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.locator('.story .outcome-line').textContent()).resolves.toContain('Outcome: Invitation vetoed.');
    const r = cli(['explain', 'russia-1990', '--branch', (await page.locator('.story h3').textContent())!.match(/^Branch (\d+)/)![1]!]);
    expect(r.code, r.stderr).toBe(0);
    const firstLine = (await page.locator('.story .lines li').first().textContent())!;
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(firstLine.replace(/^\d{4}/, '').replace(/\s+/g, ' ').trim());
    await page.close();
  });

  test('what would it take: the rewrite search finds what `article10 rewrite` finds, and puts it on screen', async () => {
    const page = await open('#s=russia-1990');
    await page.getByRole('tab', { name: 'What would it take?' }).click();
    await page.getByRole('textbox', { name: 'share in percent' }).fill('2');
    await page.getByRole('textbox', { name: 'branches per try' }).fill('100');
    // The command runs beside the page's search, not after it.
    const command = startCli(['rewrite', 'russia-1990', '--target', 'joined>=2%', '--runs', '100', '--seed', '1', '--json'], { timeoutMs: 120_000 });
    // What a screen reader hears: how the search ended, not each of its many tries.
    await page.evaluate(() => {
      const heard: string[] = [];
      Object.assign(globalThis, { heard });
      new MutationObserver(() => {
        for (const el of Array.from(document.querySelectorAll('.rewrite [role=status], .rewrite [aria-live]'))) if (el.textContent && heard.at(-1) !== el.textContent) heard.push(el.textContent);
      }).observe(document.querySelector('.rewrite')!, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.rewrite-result').waitFor({ timeout: 120_000 });
    const r = await command.done;
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { found: boolean; rewrite: { distance: number; changes: { label: string }[] } };
    const verdict = (await page.locator('.rewrite-result .verdict').textContent())!;
    expect(verdict).toContain(`${report.found ? 'Target reached' : 'Target not reached'}`);
    expect(verdict).toContain(`rewrite distance of ${report.rewrite.distance.toFixed(1)}`);
    const rows = page.locator('.rewrite-result table').first().locator('tbody tr');
    expect(await rows.count()).toBe(report.rewrite.changes.length);
    const changes = report.rewrite.changes.length;
    expect(await page.evaluate(() => (globalThis as unknown as { heard: string[] }).heard)).toEqual([
      `Search done: target ${report.found ? 'reached' : 'not reached'}; ${changes} change${changes === 1 ? '' : 's'}, rewrite distance ${report.rewrite.distance.toFixed(1)}.`,
    ]);
    await page.getByRole('button', { name: 'Put this rewrite on screen' }).click();
    // The button is gone with its view; focus is on the view's tab, not lost to the page's start.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-explore');
    await finalResults(page);
    await page.locator('.edited-badge').waitFor();
    await page.close();
  });

  test("a box closed by its Dismiss or Close gives the focus back where the reader was, never to the page's start", async () => {
    const focused = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? 'body' : `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.id || (document.activeElement?.textContent ?? '').trim()}`.trim()));
    // A message the page opened with: to the tab of the view shown.
    const page = await open('#s=russia-2000&d=@@@');
    await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await focused(page)).toBe('button tab-explore');
    // A file refused: back to the Open file… field.
    const dir = mkdtempSync(join(tmpdir(), 'article10-web-focus-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bad.yaml'), 'extends: bundled:russia-2000\nid: bad\ncandidate:\n  interest: 1.7\n');
    const input = page.locator('input[type=file]');
    await input.focus();
    await input.setInputFiles(join(dir, 'bad.yaml'));
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    // The link to share: back to Share link.
    await page.getByRole('button', { name: 'Share link' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('textbox', { name: 'Link to share' }).count()).toBe(0);
    expect(await focused(page)).toBe('button Share link');
    await page.close();
  });

  test('a bad file gives the messages `article10 validate` gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article10-web-bad-'));
    dirs.push(dir);
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'extends: bundled:russia-2000\nid: team-b\ncandidate:\n  interest: 1.7\nrules:\n  - id: baker-drem\n    enabled: false\n');
    const r = cli(['validate', 'team.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const page = await open();
    await page.locator('input[type=file]').setInputFiles(file);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const shown = (await alert.textContent())!;
    for (const line of lines) expect(shown).toContain(line.replace(`${dir}/`, ''));
    expect(shown).toContain(`${lines.length} problems in team.yaml`);
    // A good file that extends a bundled one opens, named as the user named it.
    writeFileSync(file, 'extends: bundled:russia-2000\nid: team-b\ntitle: Team B\ncandidate:\n  interest: 0.9\n');
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('.scenario-title').textContent()).toContain('Team B');
    await page.close();
  });

  test('every id that an aria- attribute names is on the page, in each view', async () => {
    const page = await open('#runs=4000');
    for (const tab of ['Explore', 'Debate', 'Explain a branch', 'What would it take?']) {
      await page.getByRole('tab', { name: tab }).click();
      const missing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[aria-controls], [aria-labelledby], [aria-describedby]')).flatMap((el) =>
          ['aria-controls', 'aria-labelledby', 'aria-describedby'].flatMap((a) => (el.getAttribute(a) ?? '').split(/\s+/).filter((id) => id !== '' && document.getElementById(id) === null).map((id) => `${el.id || el.tagName} ${a}=${id}`)),
        ),
      );
      expect(missing, tab).toEqual([]);
    }
    await page.close();
  });

  test('a refused value is described by the reason it is refused', async () => {
    const page = await open('#runs=4000');
    const description = (field: Locator) => field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
    const refused = async (field: Locator, value: string) => {
      await field.fill(value);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      return description(field);
    };
    expect(await refused(page.getByRole('textbox', { name: 'Branches' }), 'many')).toBe('a whole number of branches, 1 or more (got "many")');
    expect(await refused(page.getByRole('textbox', { name: 'Seed' }), '')).toMatch(/^The seed must be 1 to \d+ printable characters$/);
    await page.getByRole('tab', { name: 'Explain a branch' }).click();
    expect(await refused(page.getByRole('textbox', { name: 'Branch', exact: true }), 'first')).toBe('A branch is a whole number, 0 or more.');
    await page.getByRole('tab', { name: 'What would it take?' }).click();
    expect(await refused(page.getByRole('textbox', { name: 'share in percent' }), '130')).toBe('The target share is a number of percent from 0 to 100.');
    expect(await refused(page.getByRole('textbox', { name: 'by the end of' }), '1800')).toMatch(/^The year must lie within \d{4}–\d{4}, or be left empty\.$/);
    expect(await refused(page.getByRole('textbox', { name: 'branches per try' }), '5')).toBe('Branches per try: a whole number from 100 to 20,000.');
    await page.close();
  });

  test('a keyboard skips the assumptions to the results with the first Tab in the view', async () => {
    const page = await open('#runs=4000');
    await page.getByRole('tab', { name: 'Explore' }).focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to the results' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    // Seen once focused, over the page's start, not a pixel wide.
    expect((await skip.boundingBox())!.width).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    // The next Tab goes on from the results, not back to the assumptions.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.parameters') === null && document.activeElement?.closest('.results') !== null)).toBe(true);
    await page.close();
  });

  test('the view tabs take ← →, round the ends, and Home and End, moving the focus with the view', async () => {
    const page = await open('#runs=4000');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.getByRole('tab', { name: 'Explore' }).focus();
    await page.keyboard.press('End');
    expect(await focused()).toBe('tab-rewrite');
    expect(await page.getByRole('tab', { name: 'What would it take?' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('tab-explore');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('tab-rewrite');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-explore');
    await page.close();
  });

  test('a switch is named by what it switches, on or off; its state is its own', async () => {
    const page = await open('#runs=4000');
    const named = page.getByRole('switch', { name: 'no-queue', exact: true });
    // The assumptions are drawn after the first results: wait for them before counting.
    await page.getByRole('switch').first().waitFor();
    expect(await named.count()).toBe(1);
    expect(await named.isChecked()).toBe(true);
    await named.click();
    expect(await named.isChecked()).toBe(false);
    await page.close();
  });

  test("text has WCAG AA contrast in light and dark schemes, the edited marks and team B's column too", async () => {
    const page = await open('#runs=8000');
    await page.getByRole('slider', { name: 'RU interest' }).press('End');
    await finalResults(page);
    await page.getByRole('slider', { name: 'RU opposition' }).focus();
    await page.locator('.edited-mark').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('tab', { name: 'Explore' }).click();
      expect(await page.evaluate(lowContrastText), `${scheme} explore`).toEqual([]);
      await page.getByRole('tab', { name: 'Debate' }).click();
      await page.locator('.debate table.compare').first().waitFor({ timeout: 30_000 });
      expect(await page.evaluate(lowContrastText), `${scheme} debate`).toEqual([]);
    }
    await page.close();
  });

  test('no text is clipped: a phone, a laptop and the projector view', async () => {
    for (const [width, height, hash, view] of [
      [375, 740, '', 'explore'],
      [1280, 800, '#s=russia-1954', 'explore'],
      [1280, 800, '', 'debate'],
      [1024, 768, '#view=projector', 'explore'],
      // 200% zoom on a 1366×768 screen.
      [683, 384, '#s=russia-1990-common-home', 'explore'],
      [683, 384, '#s=russia-1990-common-home&view=projector', 'debate'],
      // Every tab on a phone: a long title or option never widens the page.
      [390, 844, '#s=russia-1990-common-home', 'debate'],
      [390, 844, '#s=russia-1990-common-home', 'explain'],
      [390, 844, '#s=russia-1990-common-home', 'rewrite'],
      // The narrowest phone (320 px): the debate's tables and the blockers' keep to the window.
      [320, 640, '#s=russia-1990-common-home', 'debate'],
      [320, 640, '#s=russia-2000-istanbul-kept', 'debate'],
      [320, 640, '#s=russia-1954', 'explore'],
    ] as const) {
      const page = await open(hash);
      await page.setViewportSize({ width, height });
      if (view === 'debate') {
        await page.getByRole('tab', { name: 'Debate' }).click();
        await page.locator('.debate table.compare').first().waitFor({ timeout: 30_000 });
      }
      if (view === 'explain') {
        await page.getByRole('tab', { name: 'Explain a branch' }).click();
        await page.locator('section.explain').waitFor({ timeout: 30_000 });
      }
      if (view === 'rewrite') {
        await page.getByRole('tab', { name: 'What would it take?' }).click();
        await page.locator('section.rewrite').waitFor({ timeout: 30_000 });
      }
      if (hash.includes('projector')) expect(await page.locator('.parameters').isVisible()).toBe(false);
      const problems = await page.evaluate(clippedText);
      expect(problems, `${width}x${height} ${hash} ${view}`).toEqual([]);
      if (SHOTS !== undefined) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${width}x${height}-${view}${hash.replace(/\W/g, '-')}.png`), fullPage: true });
      }
      await page.close();
    }
  });

  test('once loaded, it opens and runs offline', async () => {
    const page = await open('#s=russia-1954');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    try {
      await page.reload();
      await finalResults(page);
      await expect(page.locator('.scenario-title').textContent()).resolves.toContain('1954');
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});

describe('article10 web', () => {
  test('serves the built page and its files only; refuses a bad port, a port in use and a missing build', async () => {
    const served = await serveBuiltPage();
    try {
      const index = await fetch(served.url);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toContain('<div id="root">');
      expect((await fetch(`${served.url}assets/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      for (const path of ['../package.json', '%2e%2e/package.json', 'data/../../package.json', 'nothing-here.js', 'data']) expect((await fetch(`${served.url}${path}`)).status, path).toBe(404);
      expect((await fetch(served.url, { method: 'POST' })).status).toBe(405);
      const port = new URL(served.url).port;
      const busy = cli(['web', '--port', port]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`port ${port} is in use`);
    } finally {
      await served.stop();
    }
    await expect(served.exit).resolves.toBe(0);
    const bad = cli(['web', '--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a port number from 0 to 65535');
    const missing = cli(['web', '--dir', join(tmpdir(), 'no-such-article10-page')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such folder');
    // A file, or a folder without a built page, would only ever serve "not found".
    const file = cli(['web', '--dir', 'package.json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe("article10: --dir package.json: is not a folder; name the folder `npm run web -- --out <folder>` wrote\n");
    const empty = cli(['web', '--dir', mkdtempSync(join(tmpdir(), 'article10-no-page-'))]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('holds no index.html, so it is not a built page');
    expect(builtPageDir()).toBeDefined();
  });

  test('stops cleanly on SIGTERM', async () => {
    const { child, done } = startCli(['web', '--port', '0']);
    await new Promise((r) => child.stdout!.once('data', r));
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(r.stderr).toContain('stopped serving');
  });
});
