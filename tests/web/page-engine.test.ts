import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LiveRunner, type RunSnapshot } from '../../src/batch/live-runner.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import type { Scenario } from '../../src/model/scenario.js';
import { resultsDocument } from '../../src/web/app/state/results-document.js';
import { siteData } from '../../src/web/build/data.js';
import { portExecutor, rangeHandler, threadPort } from '../../src/web/runs/ranges.js';
import { SLICE, stagesFor } from '../../src/web/runs/stages.js';
import { cli } from '../helpers/cli.js';

/**
 * The page's numbers are the command line's: every scenario the page offers, run as the page
 * runs it (its data as the build writes it, the live runner over executors whose ranges go
 * through the very handler the page's Web Workers run, every message copied as postMessage
 * copies it), gives byte for byte the document `article10 run --json` prints.
 */
const SEED = '7';
/** Not a whole number of chunks, and two stages (quick, then refined), as the page runs them. */
const RUNS = 5_000;

function runAsThePage(scenario: Scenario, warnings: readonly string[]): Promise<RunSnapshot> {
  const executors = [portExecutor(threadPort(rangeHandler)), portExecutor(threadPort(rangeHandler))];
  const runner = new LiveRunner({ seed: SEED, stages: stagesFor(RUNS), executors, slice: SLICE });
  return new Promise((resolve, reject) =>
    runner.start(scenario, warnings, (u) => {
      if (u.kind === 'error') reject(new Error(u.message));
      else if (u.snapshot.final) void runner.close().then(() => resolve(u.snapshot));
    }),
  );
}

describe('the web page runs the engine of the command line', () => {
  test('for every scenario it offers, its results document equals `article10 run --json` at the same seed and branches', async () => {
    const data = await siteData(bundledScenariosDir());
    expect(data.index.length).toBeGreaterThanOrEqual(20);
    expect(stagesFor(RUNS)).toEqual([4096, RUNS]);
    const docs: string[] = [];
    for (const entry of data.index) {
      const { scenario, warnings } = data.scenarios.get(entry.name)!;
      const snapshot = await runAsThePage(scenario, warnings);
      expect(snapshot.results.runs).toBe(RUNS);
      const base = entry.baseline === undefined ? undefined : data.scenarios.get(entry.baseline)!.scenario;
      docs.push(resultsDocument(snapshot.results, scenario, base));
    }
    // Written to a file: the whole document is over a megabyte.
    const out = join(mkdtempSync(join(tmpdir(), 'article10-web-')), 'results.json');
    const r = cli(['run', ...data.index.map((e) => join(bundledScenariosDir(), `${e.name}.yaml`)), '--seed', SEED, '--runs', String(RUNS), '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const printed = readFileSync(out, 'utf8');
    rmSync(dirname(out), { recursive: true, force: true });
    const fromCli = (JSON.parse(printed) as unknown[]).map((d) => JSON.stringify(d, null, 2) + '\n');
    expect(fromCli.length).toBe(docs.length);
    for (const [i, entry] of data.index.entries()) expect(docs[i], entry.name).toBe(fromCli[i]);
    // And the page's own rendering of the list is the command's output, byte for byte.
    expect(`[\n${docs.map((d) => d.trimEnd().replace(/^/gm, '  ')).join(',\n')}\n]\n`).toBe(printed);
  });

  test('the page offers every decision point and backtest, each with the baseline `run` measures its rewrite from', async () => {
    const data = await siteData(bundledScenariosDir());
    const names = data.index.map((e) => e.name);
    expect(names).toContain('russia-1954');
    expect(names).toContain('russia-2000-stands-in-line');
    expect(names).toContain('backtests/poland-1999');
    expect(names.some((n) => n.startsWith('bench/'))).toBe(false);
    expect(data.index.find((e) => e.name === 'russia-2000-stands-in-line')!.baseline).toBe('russia-2000');
    expect(data.index.find((e) => e.name === 'russia-2000')!.baseline).toBeUndefined();
    expect(Object.keys(data.files)).toContain('russia-2000.yaml');
    expect(Object.keys(data.files)).toContain('backtests/poland-1999.yaml');
  });
});
