import { spawn } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runModel } from '../batch/run.js';
import { WorkerPool } from '../batch/pool.js';
import { compile, simulate, summarize } from '../engine/index.js';
import { bundledScenariosDir } from '../io/paths.js';
import type { Scenario } from '../model/scenario.js';
import { VERSION } from '../model/version.js';
import { loadScenarioFile } from '../scenario/load.js';
import { handLoop, handLoopAskingEveryAlly } from './hand-loop.js';
import { editedScenario, rerun, soak, type SoakResult } from './soak.js';
import { median, quantile, repeat } from './measure.js';
import { benchRewrite } from './rewrite.js';
import { benchWeb, RERUN_BRANCHES, summarizeWeb } from './web.js';

/**
 * `npm run bench`: measures the engine against a hand-written loop, the bundled scenarios
 * on one thread and on the pool, interactive re-runs, start-up and memory, each beside
 * its goal. Medians of several repetitions after a warm-up. `--json` for machines,
 * `--quick` for a shorter run with fewer repetitions.
 */

interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: string;
  readonly ok?: boolean;
}

const args = new Set(process.argv.slice(2));
/** `--only web,rewrite`: just these sections. */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : new Set((process.argv[onlyAt + 1] ?? '').split(','));
const quick = args.has('--quick');
const asJson = args.has('--json');
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

async function loadOrDie(path: string): Promise<Scenario> {
  const r = await loadScenarioFile(path, { bundledDir: bundledScenariosDir() });
  if (!r.ok) throw new Error(`cannot load ${path}: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value.scenario;
}

function log(line: string): void {
  if (!asJson) process.stderr.write(`${line}\n`);
}

async function engineVersusHandLoop(rows: Row[]): Promise<void> {
  log('engine vs hand-written loop on the reference model ...');
  const model = compile(await loadOrDie(join(bundledScenariosDir(), 'bench', 'reference.yaml')));
  const n = quick ? 500_000 : 2_000_000;
  const reps = quick ? 3 : 5;
  const engineTimes = await repeat(() => simulate(model, 'bench', n), reps);
  const handTimes = await repeat(() => handLoop('bench', n), reps);
  const engineRate = n / (median(engineTimes) / 1000);
  const handRate = n / (median(handTimes) / 1000);
  const ratio = engineRate / handRate;
  rows.push({ section: 'engine vs limit', measure: 'engine, reference model, 1 thread', value: engineRate, unit: 'branches/s' });
  rows.push({ section: 'engine vs limit', measure: 'hand-written loop, same model and generator', value: handRate, unit: 'branches/s' });
  rows.push({ section: 'engine vs limit', measure: 'ratio engine / hand loop', value: ratio, unit: '', goal: '>= 0.5', ok: ratio >= 0.5 });
  // The first-refusal loop stops at one refusal; the engine asks every Ally and names each reason.
  const everyAllyRate = n / (median(await repeat(() => handLoopAskingEveryAlly('bench', n), reps)) / 1000);
  rows.push({ section: 'engine vs limit', measure: 'hand-written loop asking every Ally, as the engine does', value: everyAllyRate, unit: 'branches/s' });
  rows.push({ section: 'engine vs limit', measure: 'ratio engine / that loop', value: engineRate / everyAllyRate, unit: '' });

  // Both must agree on the model's outcome shares (exact: joined 0.135%, vetoed 44.74%).
  const r = summarize(model, simulate(model, 'check', n), { seed: 'check' });
  const h = handLoop('check', n);
  const every = handLoopAskingEveryAlly('check', n);
  for (const [name, engineShare, handShare] of [
    ['joined', r.outcomes.joined.share, h.joined / n],
    ['vetoed', r.outcomes.vetoed.share, h.vetoed / n],
    ['vetoed (every Ally asked)', r.outcomes.vetoed.share, every.vetoed / n],
  ] as const) {
    const p = (engineShare + handShare) / 2;
    const se = Math.sqrt((2 * p * (1 - p)) / n);
    const z = se === 0 ? 0 : Math.abs(engineShare - handShare) / se;
    rows.push({
      section: 'engine vs limit',
      measure: `${name} share: engine ${(engineShare * 100).toFixed(3)}% vs hand ${(handShare * 100).toFixed(3)}%`,
      value: z,
      unit: 'std. errors apart',
      goal: '< 3',
      ok: z < 3,
    });
  }
}

async function bundledScenarios(rows: Row[]): Promise<void> {
  const pool = new WorkerPool(availableParallelism());
  try {
    for (const name of ['russia-1954', 'russia-1990', 'russia-2000']) {
      log(`bundled scenario ${name} ...`);
      const model = compile(await loadOrDie(join(bundledScenariosDir(), `${name}.yaml`)));
      const n1 = quick ? 50_000 : 200_000;
      const one = median(await repeat(() => simulate(model, 'bench', n1), quick ? 2 : 3));
      rows.push({ section: 'bundled scenarios', measure: `${name}, 1 thread`, value: n1 / (one / 1000), unit: 'branches/s' });
      const nPool = quick ? 200_000 : 1_000_000;
      const pooled = median(await repeat(() => runModel(model, { seed: 'bench', runs: nPool, pool }), quick ? 2 : 3));
      const goal = name === 'russia-2000' ? { goal: '10^6 branches < 1 s', ok: (pooled * 1_000_000) / nPool < 1000 } : {};
      rows.push({ section: 'bundled scenarios', measure: `${name}, pool of ${pool.size} threads`, value: nPool / (pooled / 1000), unit: 'branches/s', ...goal });
    }
  } finally {
    await pool.close();
  }
}

/** A re-run as the explorer does it: an edit, a compile, 20,000 branches on the warm pool. */
async function interactiveRerun(rows: Row[]): Promise<void> {
  log('interactive re-runs ...');
  const base = await loadOrDie(join(bundledScenariosDir(), 'russia-2000.yaml'));
  const pool = new WorkerPool(Math.min(2, availableParallelism()));
  try {
    const times: number[] = [];
    // Enough re-runs that the p95 is not just the slowest one or two; the first ten warm the
    // workers' code (each worker reads one model per re-run, so it warms slowly) and are not counted.
    const reps = quick ? 40 : 100;
    const warmup = 10;
    for (let i = 0; i < reps + warmup; i++) {
      const edited = editedScenario(base, i);
      const t0 = performance.now();
      await rerun(edited, pool, 20_000);
      if (i >= warmup) times.push(performance.now() - t0);
    }
    rows.push({ section: 'interactive', measure: '20k-branch re-run after an edit, p50', value: median(times), unit: 'ms' });
    const p95 = quantile(times, 0.95);
    rows.push({ section: 'interactive', measure: '20k-branch re-run after an edit, p95', value: p95, unit: 'ms', goal: '< 30 ms', ok: p95 < 30 });
  } finally {
    await pool.close();
  }
}

function runProcess(command: string, argv: readonly string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, stdout, code }));
  });
}

/** Time from launching the UI in a pseudo-terminal (util-linux `script`) to its first frame with results. */
function uiFirstResults(): Promise<number | undefined> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', COLUMNS: '100', LINES: '30' };
    delete env.CI;
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} tui`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let seen = '';
    const timer = setTimeout(() => finish(undefined), 20_000);
    function finish(ms: number | undefined): void {
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolve(ms);
    }
    child.on('error', () => finish(undefined));
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/Outcomes \S+ [\d,]+ branches/.test(seen)) finish(performance.now() - t0);
    });
  });
}

async function startUp(rows: Row[]): Promise<void> {
  log('start-up ...');
  const times: number[] = [];
  for (let i = 0; i < (quick ? 5 : 11); i++) {
    const r = await runProcess(process.execPath, [CLI, 'run', 'russia-2000', '--runs', '1000', '--json']);
    if (r.code !== 0) throw new Error('run --json failed during the start-up measurement');
    times.push(r.ms);
  }
  const ms = median(times.slice(1));
  rows.push({ section: 'start-up', measure: 'process start to JSON of a 1,000-branch run', value: ms, unit: 'ms', goal: '< 250 ms', ok: ms < 250 });
  // As many launches as for `run --json`, the first (cold file cache) not counted: a median
  // of a few launches moves with every busy moment of the machine.
  const ui: number[] = [];
  for (let i = 0; i < (quick ? 5 : 11); i++) {
    const t = await uiFirstResults();
    if (t !== undefined && i > 0) ui.push(t);
  }
  if (ui.length > 0) {
    const first = median(ui);
    rows.push({ section: 'start-up', measure: 'UI launch to first frame with results', value: first, unit: 'ms', goal: '< 500 ms', ok: first < 500 });
  } else log('  (no pseudo-terminal available: the UI start-up was not measured)');
}

/** Peak RSS of a child process that runs N branches of the 2000 scenario through the run path. */
async function peakRss(runs: number): Promise<number> {
  const r = await runProcess(process.execPath, [SELF, '--child-memory', String(runs)]);
  const kb = Number(r.stdout.trim());
  if (!Number.isFinite(kb)) throw new Error('memory child failed');
  return kb / 1024;
}

async function memory(rows: Row[]): Promise<void> {
  const small = 100_000;
  const large = quick ? 2_000_000 : 10_000_000;
  log(`memory: ${small.toLocaleString('en-US')} and ${large.toLocaleString('en-US')} branches (the larger takes a while) ...`);
  const a = await peakRss(small);
  const b = await peakRss(large);
  rows.push({ section: 'memory', measure: `peak RSS, ${small.toLocaleString('en-US')} branches`, value: a, unit: 'MB' });
  const growth = b / a - 1;
  rows.push({ section: 'memory', measure: `peak RSS, ${large.toLocaleString('en-US')} branches`, value: b, unit: 'MB', goal: 'within 10% of the smaller', ok: growth <= 0.1 });
}

async function childMemory(runs: number): Promise<void> {
  const model = compile(await loadOrDie(join(bundledScenariosDir(), 'russia-2000.yaml')));
  await runModel(model, { seed: 'memory', runs, workers: Math.min(2, availableParallelism()) });
  process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
}

/** 1,000 back-to-back re-runs as the explorer does them, in a child that can force collections: the heap must not grow. */
async function rerunSoak(rows: Row[]): Promise<void> {
  const reruns = quick ? 200 : 1000;
  log(`${reruns.toLocaleString('en-US')} back-to-back re-runs ...`);
  const r = await runProcess(process.execPath, ['--expose-gc', SELF, '--child-soak', String(reruns)]);
  const soaked = JSON.parse(r.stdout) as SoakResult;
  rows.push({ section: 'memory', measure: 'heap after 50 warm-up re-runs (20k branches each)', value: soaked.heapAfterWarmup, unit: 'MB' });
  const ok = soaked.heapAtEnd <= soaked.heapAfterWarmup * 1.1 + 1;
  rows.push({ section: 'memory', measure: `heap after ${reruns.toLocaleString('en-US')} more`, value: soaked.heapAtEnd, unit: 'MB', goal: 'within 10% of after the warm-up', ok });
  rows.push({ section: 'memory', measure: `peak RSS over the re-runs`, value: soaked.peakRss, unit: 'MB' });
}

async function childSoak(reruns: number): Promise<void> {
  const base = await loadOrDie(join(bundledScenariosDir(), 'russia-2000.yaml'));
  const pool = new WorkerPool(Math.min(2, availableParallelism()));
  try {
    const gc = (globalThis as { gc?: () => void }).gc;
    process.stdout.write(`${JSON.stringify(await soak(base, pool, { reruns, warmup: 50, branches: 20_000, ...(gc !== undefined && { gc }) }))}\n`);
  } finally {
    await pool.close();
  }
}

function format(rows: readonly Row[]): string {
  const value = (r: Row) =>
    r.unit === 'branches/s'
      ? `${(r.value / 1e6).toFixed(2)} M/s`
      : r.unit === ''
        ? r.value.toFixed(2)
        : `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`;
  const width = Math.max(...rows.map((r) => r.measure.length));
  const lines = [`article10 ${VERSION} benchmark on ${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.version}${quick ? ', --quick' : ''}`];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section);
    }
    const goal = r.goal === undefined ? '' : `  goal ${r.goal}: ${r.ok ? 'met' : 'NOT MET'}`;
    lines.push(`  ${r.measure.padEnd(width)}  ${value(r).padStart(14)}${goal}`);
  }
  return lines.join('\n') + '\n';
}

async function rewriteSearch(rows: Row[]): Promise<void> {
  log('rewrite russia-1990 --target "joined>=0.3" ...');
  const r = await benchRewrite(CLI);
  const section = 'rewrite search';
  rows.push({ section, measure: 'rewrite russia-1990 --target "joined>=0.3", wall time', value: r.seconds, unit: 's', goal: '< 30', ok: r.seconds < 30 });
  rows.push({ section, measure: 'scenario evaluations', value: r.evaluations, unit: 'evaluations' });
  rows.push({ section, measure: 'branches simulated', value: r.branches, unit: 'branches' });
  rows.push({ section, measure: `rewrite distance of the answer (${r.found ? 'target reached' : 'not reached: the closest'})`, value: r.distance, unit: '' });
}

async function webExplorer(rows: Row[]): Promise<void> {
  log('web explorer in headless Chromium ...');
  const section = 'web explorer';
  const b = await benchWeb(CLI, { loads: quick ? 4 : 10, moves: quick ? 20 : 40 });
  if (b === undefined) return log('  (no Chromium or playwright-core: the page was not measured)');
  const s = summarizeWeb(b);
  // The machine's speed in this sitting, for reading the page's times: the same branches in Node, one thread.
  const model = compile(await loadOrDie(join(bundledScenariosDir(), 'russia-2000.yaml')));
  const node = median(await repeat(() => simulate(model, 'bench', RERUN_BRANCHES), 5, 2));
  rows.push({ section, measure: `yardstick: ${RERUN_BRANCHES.toLocaleString('en-US')} branches of russia-2000 in Node, one thread`, value: node, unit: 'ms' });
  rows.push({ section, measure: 'page load to first results, median', value: s.firstResults, unit: 'ms', goal: '< 1 s', ok: s.firstResults < 1000 });
  rows.push({ section, measure: `slider move to refined results (${RERUN_BRANCHES.toLocaleString('en-US')} branches), p50`, value: s.rerunP50, unit: 'ms' });
  rows.push({ section, measure: `slider move to refined results (${RERUN_BRANCHES.toLocaleString('en-US')} branches), p95`, value: s.rerunP95, unit: 'ms', goal: '< 100 ms', ok: s.rerunP95 < 100 });
  rows.push({ section, measure: 'code loaded before the first results, gzipped', value: b.sizes.firstLoad / 1000, unit: 'kB' });
  rows.push({ section, measure: 'all code, gzipped (lazy chunks and workers included)', value: b.sizes.allCode / 1000, unit: 'kB', goal: '<= 400 kB', ok: b.sizes.allCode <= 400_000 });
  rows.push({ section, measure: 'scenario data, gzipped', value: b.sizes.data / 1000, unit: 'kB' });
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child-memory');
  if (childIndex >= 0) return childMemory(Number(process.argv[childIndex + 1]));
  const soakIndex = process.argv.indexOf('--child-soak');
  if (soakIndex >= 0) return childSoak(Number(process.argv[soakIndex + 1]));
  if (args.has('--help')) {
    process.stdout.write(
      'Usage: npm run bench [-- --quick] [-- --json] [-- --only SECTION[,SECTION]]\nMeasures engine speed, start-up, interactive latency, memory and the web explorer against their goals.\n' +
        'Sections: engine, bundled, interactive, startup, memory, soak, rewrite, web.\n',
    );
    return;
  }
  const rows: Row[] = [];
  const sections: readonly [string, (rows: Row[]) => Promise<void>][] = [
    ['engine', engineVersusHandLoop],
    ['bundled', bundledScenarios],
    ['interactive', interactiveRerun],
    ['startup', startUp],
    ['memory', memory],
    ['soak', rerunSoak],
    ['rewrite', rewriteSearch],
    ['web', webExplorer],
  ];
  const unknown = [...(only ?? [])].filter((name) => !sections.some(([n]) => n === name));
  if (unknown.length > 0) throw new Error(`--only: no section ${unknown.join(', ')} (sections: ${sections.map(([n]) => n).join(', ')})`);
  for (const [name, run] of sections) if (only === undefined || only.has(name)) await run(rows);
  process.stdout.write(asJson ? JSON.stringify({ version: VERSION, node: process.version, cores: availableParallelism(), quick, rows }, null, 2) + '\n' : format(rows));
}

await main();
