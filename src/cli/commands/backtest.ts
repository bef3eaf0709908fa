import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runBacktests, type BacktestInput } from '../../analysis/backtest/run.js';
import { RunCancelled } from '../../batch/pool.js';
import { backtestsDir, bundledBacktests } from '../../io/paths.js';
import { backtestText } from '../../analysis/backtest/text.js';
import { stableJson } from '../../report/json.js';
import { Interrupted, UsageError } from '../errors.js';
import { interruptSignal } from '../interrupt.js';
import { expandFolders, isBareName, loadForCommand, resolveScenarioPath } from '../load.js';
import { checkWork } from '../budget.js';
import { branchCount } from '../../batch/work-limits.js';
import { integer } from '../../report/format.js';
import { MISS_REWRITE_LIMITS, missRewriteEstimate } from '../../analysis/backtest/rewrites.js';
import { emit, terminalColumns } from '../output.js';
import type { BacktestFlags } from './backtest.options.js';

/**
 * A bare name names a bundled backtest, by its file's name (`poland-1999`) or by the id the
 * table prints (`backtest-poland-1999`); anything else goes to the usual loader.
 */
async function resolveCase(file: string): Promise<string> {
  if (file.trim() === '') throw new UsageError('a backtest case named is empty: give a file or a bundled case name');
  if (!isBareName(file)) return file;
  for (const name of [file, file.replace(/^backtest-/, '')]) {
    const path = join(backtestsDir(), `${name}.yaml`);
    if (existsSync(path)) return path;
  }
  if (existsSync(resolveScenarioPath(file))) return file;
  const cases = (await bundledBacktests()).map((p) => basename(p).replace(/\.(ya?ml|json)$/, ''));
  throw new UsageError(`${file}: no bundled backtest case or scenario of that name (a file needs its path, e.g. ./${file}.yaml); the bundled cases: ${cases.join(', ')}`);
}

/**
 * Why a second case with an id already given is refused: the same file named twice, or two files
 * with one id, as a new case copied from a bundled one is until it is renamed.
 */
async function givenTwice(id: string, first: string, second: string): Promise<string> {
  const [a, b] = await Promise.all([first, second].map((p) => realpath(p).catch(() => p)));
  if (a === b) return `${id} is given twice (${first} and ${second}): each case is scored once`;
  return `${first} and ${second} are both ${id}: each case is scored once, by its id; give each file its own \`id:\``;
}

/** Whether the cases given include every bundled one, by file: then each has the bundled record beside it. */
async function holdsBundledRecord(paths: readonly string[]): Promise<boolean> {
  const real = (p: string) => realpath(p).catch(() => p);
  const given = new Set(await Promise.all(paths.map(real)));
  return (await Promise.all((await bundledBacktests()).map(real))).every((p) => given.has(p));
}

/** `article10 backtest`: runs real accession cases and scores the forecasts against what happened. */
export async function backtestCommand(files: readonly string[], flags: BacktestFlags): Promise<void> {
  const paths = files.length > 0 ? await Promise.all((await expandFolders(files)).map(resolveCase)) : await bundledBacktests();
  if (paths.length === 0) throw new UsageError(`no backtest cases: ${backtestsDir()} is empty and no file was given`);
  const inputs: BacktestInput[] = [];
  // A case given twice would be scored twice and be its own reference forecast.
  const given = new Map<string, string>();
  for (const path of paths) {
    const loaded = await loadForCommand(path);
    if (loaded.scenario.observed === undefined) {
      throw new UsageError(`${path}: a backtest needs \`observed: { outcome, year, source }\` (what actually happened)`);
    }
    const twice = given.get(loaded.scenario.id);
    if (twice !== undefined) throw new UsageError(await givenTwice(loaded.scenario.id, twice, path));
    given.set(loaded.scenario.id, path);
    inputs.push({ scenario: loaded.scenario, warnings: loaded.warnings });
  }
  // A rewrite search for each case that misses, as far as can be known before the runs: every case.
  const searches = flags.rewrite === true ? inputs.reduce((n, i) => n + missRewriteEstimate(i.scenario), 0) * Math.min(flags.runs, MISS_REWRITE_LIMITS.runs) : 0;
  const cases = `${inputs.length} case${inputs.length === 1 ? '' : 's'}`;
  checkWork(
    {
      command: 'backtest',
      made: `${cases} × ${branchCount(flags.runs)}${searches === 0 ? '' : ` + up to ${integer(searches)} branches of rewrite searches`}`,
      branches: inputs.length * flags.runs + searches,
      smaller: 'fewer --runs or fewer cases',
    },
    flags.yes,
  );
  const interrupt = interruptSignal();
  const live = process.stderr.isTTY === true;
  let shownAt = -Infinity;
  let report;
  try {
    report = await runBacktests(inputs, {
      seed: flags.seed,
      runs: flags.runs,
      misses: flags.misses !== false,
      rewrite: flags.rewrite === true,
      signal: interrupt.signal,
      onRewriteProgress: (id, n) => {
        // At most ten lines a second: a search makes thousands of evaluations.
        const now = performance.now();
        if (!live || now - shownAt < 100) return;
        shownAt = now;
        process.stderr.write(`\rbacktest: ${id}: the least rewrite, ${integer(n)} evaluations\u001b[K`);
      },
      onCase: (id) => live && process.stderr.write(`\rbacktest: ${id}\u001b[K`),
    });
  } catch (error) {
    if (error instanceof RunCancelled) throw new Interrupted(`interrupted by ${interrupt.reason ?? 'a signal'}; nothing was written`);
    throw error;
  } finally {
    if (live) process.stderr.write('\r\u001b[2K');
    interrupt.dispose();
  }
  await emit(flags.json ? stableJson(report) : backtestText(report, { width: terminalColumns(flags.out), withBundledRecord: await holdsBundledRecord(paths) }), flags.out);
}
