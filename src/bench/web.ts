import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPageDir } from '../io/paths.js';
import { median, quantile } from './measure.js';

/** What the bench reports of the web explorer. */
export interface WebBench {
  /** Milliseconds from navigation to the first results on screen, one per fresh load. */
  readonly firstResults: readonly number[];
  /** Milliseconds from a slider's move to refined results of 20,480 branches on screen. */
  readonly reruns: readonly number[];
  /** Gzipped bytes: the code loaded before the first results, all the code, the scenario data. */
  readonly sizes: { readonly firstLoad: number; readonly allCode: number; readonly data: number };
}

const CHROMIUM = '/usr/bin/chromium';
/** The re-run measured: the page's refined stage at this many branches (its quick stage is 4,096). */
export const RERUN_BRANCHES = 20_480;

/**
 * The page as a class opens it: `article10 web` serving the built page, headless Chromium
 * loading it. The page marks its first results and measures each edit to refined results with
 * the User Timing API (`article10:first-results`, `article10:rerun`); this reads them.
 */
export async function benchWeb(cli: string, options: { readonly loads: number; readonly moves: number }): Promise<WebBench | undefined> {
  const dir = builtPageDir();
  if (dir === undefined) throw new Error('the web explorer is not built: run `npm run web` first');
  const sizes = JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8')) as WebBench['sizes'];
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return undefined;
  }
  const server = spawn(process.execPath, [cli, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        const m = /^(http:\/\/\S+)\n/.exec(seen);
        if (m) resolve(m[1]!);
      });
      server.on('close', () => reject(new Error('article10 web stopped before serving')));
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] }).catch(() => undefined);
    if (browser === undefined) return undefined;
    try {
      const firstResults: number[] = [];
      // A fresh context each time: no service worker, no cache; the first load is not counted (cold file cache).
      for (let i = 0; i <= options.loads; i++) {
        const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(url);
        const at = await page.waitForFunction(() => performance.getEntriesByName('article10:first-results')[0]?.startTime, undefined, { timeout: 30_000 });
        if (i > 0) firstResults.push((await at.jsonValue()) as number);
        await context.close();
      }
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url}#runs=${RERUN_BRANCHES}`);
      await page.locator('.run-status[data-final="true"]').waitFor({ timeout: 30_000 });
      const slider = page.getByRole('slider').first();
      await slider.waitFor();
      await slider.focus();
      const warmup = 5;
      for (let i = 0; i < options.moves + warmup; i++) {
        const before = await page.evaluate(() => performance.getEntriesByName('article10:rerun').length);
        // One step up each time: every move is a value not run before, so nothing comes from the cache.
        await slider.press('ArrowRight');
        await page.waitForFunction((n) => performance.getEntriesByName('article10:rerun').length > n, before, { timeout: 30_000 });
      }
      const reruns = await page.evaluate(() => performance.getEntriesByName('article10:rerun').map((e) => e.duration));
      await context.close();
      return { firstResults, reruns: reruns.slice(warmup), sizes };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

export function summarizeWeb(b: WebBench) {
  return { firstResults: median(b.firstResults), rerunP50: median(b.reruns), rerunP95: quantile(b.reruns, 0.95) };
}
