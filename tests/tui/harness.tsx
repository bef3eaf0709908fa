import { render } from 'ink-testing-library';
import type { Scenario } from '../../src/model/scenario.js';
import { App, type AppProps } from '../../src/tui/app.js';
import { threadExecutor } from '../../src/batch/executors.js';
import { LiveRunner } from '../../src/batch/live-runner.js';
import type { Workspace } from '../../src/tui/workspace.js';

/** Keys as a terminal sends them. */
export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  shiftRight: '\u001b[1;2C',
  shiftLeft: '\u001b[1;2D',
  end: '\u001b[F',
  pageDown: '\u001b[6~',
  tab: '\t',
  shiftTab: '\u001b[Z',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

export const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Small stages: the reference model runs 4,096 branches in a few milliseconds on the test thread. */
export function testRunner(seed = '1'): LiveRunner {
  return new LiveRunner({ seed, stages: [1_024, 4_096], executors: [threadExecutor()], slice: 2_048 });
}

export interface Harness {
  readonly lastFrame: () => string;
  readonly press: (...keys: string[]) => Promise<void>;
  /** Writes keys back to back, each a read of its own, with no turn of the event loop between them (keys read in one go, or a burst under load). */
  readonly burst: (...keys: string[]) => Promise<void>;
  readonly type: (text: string) => Promise<void>;
  /** Waits until the frame contains `text` (or the time runs out, then fails with the frame). */
  readonly waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
  /** Waits until a frame meets `test` (or the time runs out, then fails with the frame). */
  readonly waitUntil: (test: (frame: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
  /**
   * Waits for a frame with `text` that fits `columns`×`rows`: after a resize, under load, the
   * last frame can still be the old size's, with the same text. One that never fits fails.
   */
  readonly waitForAt: (columns: number, rows: number, text: string | RegExp) => Promise<string>;
  readonly exited: () => boolean;
  readonly waitForExit: () => Promise<void>;
  readonly farewell: () => string | undefined;
  readonly unmount: () => void;
  /** Gives the terminal a size, as a resize of a real one would. */
  readonly resize: (columns: number, rows: number) => Promise<void>;
}

export function renderApp(
  opened: { scenario: Scenario; file: string; warnings?: string[]; sets?: { scenario: Scenario; label: string } },
  workspace: Workspace,
  runner = testRunner(),
  teamA?: AppProps['teamA'],
  screen?: AppProps['screen'],
): Harness {
  let farewell: string | undefined;
  const app = render(<App opened={{ warnings: [], ...opened }} teamA={teamA} screen={screen} runner={runner} workspace={workspace} onExit={(f) => (farewell = f)} />);
  const lastFrame = () => app.lastFrame() ?? '';
  return {
    lastFrame,
    async press(...keys) {
      for (const k of keys) {
        app.stdin.write(k);
        await tick();
      }
    },
    async burst(...keys) {
      for (const k of keys) app.stdin.write(k);
      await tick();
    },
    async type(text) {
      for (const ch of text) {
        app.stdin.write(ch);
        await tick(1);
      }
    },
    // Generous: on two busy cores a refined run in the test thread can take seconds; a wait ends as soon as the text shows.
    waitFor(text, timeoutMs = 20_000) {
      return this.waitUntil((frame) => (typeof text === 'string' ? frame.includes(text) : text.test(frame)), String(text), timeoutMs);
    },
    waitForAt(columns, rows, text) {
      const has = (frame: string) => (typeof text === 'string' ? frame.includes(text) : text.test(frame));
      const fits = (frame: string) => frame.split('\n').length <= rows && frame.split('\n').every((line) => line.length <= columns);
      return this.waitUntil((frame) => has(frame) && fits(frame), `${String(text)} in a frame of ${columns}×${rows}`);
    },
    async waitUntil(test, what, timeoutMs = 20_000) {
      const started = Date.now();
      for (;;) {
        const frame = lastFrame();
        if (test(frame)) return frame;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
        await tick(10);
      }
    },
    // The app tells onExit as it exits (ink-testing-library has no waitUntilExit).
    exited: () => farewell !== undefined,
    async waitForExit() {
      for (let waited = 0; farewell === undefined; waited += 10) {
        if (waited > 2_000) throw new Error(`the app did not exit; last frame:\n${lastFrame()}`);
        await tick(10);
      }
    },
    farewell: () => farewell,
    unmount: () => app.unmount(),
    async resize(columns, rows) {
      Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
      app.stdout.emit('resize');
      await tick();
    },
  };
}

/** A workspace that reads and writes nothing (for screens that do not touch files). */
export const noFiles: Workspace = {
  listScenarios: async () => [],
  open: async () => ({ ok: false, problems: ['no files in this test'] }),
  findBaseline: async () => ({ kind: 'none' }),
  defaultSavePath: (_source, id) => `/tmp/${id}-edited.yaml`,
  resolvePath: (typed) => typed,
  displayPath: (path) => path,
  exists: () => false,
  save: async () => ({ ok: false, message: 'no files in this test' }),
};
