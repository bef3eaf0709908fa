import { availableParallelism } from 'node:os';
import { bundledScenariosDir, DEFAULT_SCENARIO } from '../../io/paths.js';
import { loadForCommand, resolveScenarioPath } from '../load.js';
import { printToStdout } from '../output.js';
import { REFINED_BRANCHES, stagesFor } from '../../batch/stages.js';
import type { TuiFlags } from './tui.options.js';

/** Most branches per range handed to a worker (~20 ms each): bounds how long a cancelled run holds a worker. */
const SLICE = 4_096;

/** How long the UI waits, once loaded, for the quick estimate before opening without it. */
const FIRST_RESULTS_WAIT_MS = 250;
/** How long after the first frame the run under way waits before taking the second thread. */
const WIDEN_AFTER_MS = 100;

const ALTERNATE_SCREEN_ON = '\u001b[?1049h';
const ALTERNATE_SCREEN_OFF = '\u001b[?1049l';

/**
 * `article10 tui [scenario]`: the interactive explorer; `teamA`, when given, is the scenario
 * the debate view sets against the one on screen. The caller has checked that stdin and
 * stdout are terminals (Ink needs raw mode). Resolves when the user quits.
 */
export async function tuiCommand(file: string | undefined, flags: TuiFlags, teamA?: string): Promise<void> {
  // Ink's colour library ignores NO_COLOR: FORCE_COLOR=0 must be set before it loads.
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
  const name = file ?? DEFAULT_SCENARIO.replace(/\.yaml$/, '');
  // Loaded lazily (batch commands never pay for React and Ink), while the scenario is read; the
  // first run starts as soon as the scenario is there, so the workers warm up while Ink loads.
  const ui = withoutFetch(() => Promise.all([import('ink'), import('../../tui/app.js'), import('../../tui/workspace.js')]));
  ui.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  const [loaded, asWritten, opposing, { LiveRunner }, { defaultExecutors }] = await Promise.all([
    loadForCommand(name, flags.set),
    // The file as written: --set values are edits on it, marked, counted and undone like any other.
    flags.set.length === 0 ? undefined : loadForCommand(name),
    teamA === undefined ? undefined : loadForCommand(teamA, flags.set),
    import('../../batch/live-runner.js'),
    import('../../batch/executors.js'),
  ]);
  const runner = new LiveRunner({
    seed: flags.seed,
    stages: stagesFor(flags.runs ?? REFINED_BRANCHES),
    executors: defaultExecutors(availableParallelism()),
    // Measured: the UI shows its first results ~100 ms sooner when the first run leaves it a core.
    startWithExecutors: 1,
    slice: SLICE,
  });
  runner.start(loaded.scenario, loaded.warnings, () => undefined);
  const [{ render }, { appElement }, { fileWorkspace }] = await ui;
  // A first frame that already has the quick estimate is one frame instead of two, and drawing
  // a frame cold costs as much as the estimate; past a short wait the UI opens without it.
  await Promise.race([runner.firstResults(), delay(FIRST_RESULTS_WAIT_MS)]);
  const bundledDir = bundledScenariosDir();
  const workspace = fileWorkspace({ bundledDir, extraFiles: [teamA, file].flatMap((f) => (f === undefined ? [] : [resolveScenarioPath(f)])) });

  let farewell = '';
  // The alternate screen gives the terminal back as it was when the UI closes, however it closes.
  const leaveScreen = () => process.stdout.write(ALTERNATE_SCREEN_OFF);
  process.stdout.write(ALTERNATE_SCREEN_ON);
  process.once('exit', leaveScreen);
  const opened = asWritten === undefined ? loaded : { ...asWritten, warnings: loaded.warnings, sets: { scenario: loaded.scenario, label: flags.set.map((x) => `--set ${x}`).join(' ') } };
  const app = render(appElement({ opened, teamA: opposing, runner, workspace, ...(flags.big === true && { screen: 'projector' as const }), onExit: (text) => (farewell = text) }), { exitOnCtrlC: false });
  // Once the first frame is out (Ink and React finish it just after render returns), the run
  // under way may use every thread.
  setTimeout(() => runner.widen(), WIDEN_AFTER_MS).unref();
  const stop = () => app.unmount();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
    await runner.close();
    leaveScreen();
    process.off('exit', leaveScreen);
  }
  if (farewell !== '') await printToStdout(`${farewell}\n`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Runs `load` with the global `fetch` hidden. Ink's layout engine (yoga, WebAssembly) probes
 * `typeof fetch` while it loads, and in Node that probe loads the HTTP client (~45 ms here),
 * which the UI never uses. The real `fetch` is back as soon as the import is done.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const real = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (real === undefined || real.configurable !== true) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', real);
  }
}
