import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/batch/run.js';
import { fixed } from '../../src/model/distribution.js';
import type { Scenario } from '../../src/model/scenario.js';
import { threadExecutor, workerExecutors, type Executor } from '../../src/batch/executors.js';
import { LiveRunner, type RunUpdate } from '../../src/batch/live-runner.js';
import { sampleScenario } from '../helpers/sample-scenario.js';

const STAGES = [1_024, 4_096];

function runner(executors: Executor[] = [threadExecutor()]): LiveRunner {
  return new LiveRunner({ seed: '7', stages: STAGES, executors, slice: 1_024 });
}

/** Every update a run sends, resolved with the final one (or the error). */
function collect(r: LiveRunner, s: Scenario): { updates: RunUpdate[]; done: Promise<RunUpdate> } {
  const updates: RunUpdate[] = [];
  const done = new Promise<RunUpdate>((resolve) =>
    r.start(s, [], (u) => {
      updates.push(u);
      if (u.kind === 'error' || u.snapshot.final) resolve(u);
    }),
  );
  return { updates, done };
}

const withInterest = (value: number): Scenario => ({ ...sampleScenario(), candidate: { ...sampleScenario().candidate, interest: fixed(value) } });

describe('LiveRunner', () => {
  it('sends a quick estimate, then refined results equal to a batch run of as many branches with the same seed', async () => {
    const r = runner();
    const { updates, done } = collect(r, sampleScenario());
    const last = await done;
    expect(updates.map((u) => (u.kind === 'results' ? u.snapshot.results.runs : u.message))).toEqual(STAGES);
    const batch = await runScenario(sampleScenario(), { seed: '7', runs: 4_096 });
    expect(last.kind === 'results' && last.snapshot.results.outcomes).toEqual(batch.outcomes);
    expect(last.kind === 'results' && last.snapshot.results.funnel).toEqual(batch.funnel);
  });

  it('a newer scenario cancels the stale run: only the newer one is heard from', async () => {
    const r = runner();
    const stale = collect(r, withInterest(0.1));
    const fresh = collect(r, withInterest(0.9));
    const last = await fresh.done;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stale.updates).toEqual([]);
    const batch = await runScenario(withInterest(0.9), { seed: '7', runs: 4_096 });
    expect(last.kind === 'results' && last.snapshot.results.outcomes).toEqual(batch.outcomes);
  });

  it('answers an equal scenario from its cache at once (undo shows refined results immediately)', async () => {
    const r = runner();
    const first = await collect(r, withInterest(0.2)).done;
    await collect(r, withInterest(0.6)).done;
    const again: RunUpdate[] = [];
    r.start(withInterest(0.2), [], (u) => again.push(u));
    expect(again).toEqual([first]);
  });

  it('hands a run already under way for the same scenario to a new listener', async () => {
    const r = runner();
    const s = sampleScenario();
    const early = collect(r, s);
    const late = collect(r, s);
    await late.done;
    expect(early.updates).toEqual([]);
    expect(late.updates.length).toBe(STAGES.length);
  });

  it('tells when the first results are in, and shows them to whoever asks for that scenario', async () => {
    const r = runner();
    const s = sampleScenario();
    const heard: RunUpdate[] = [];
    r.start(s, [], (u) => heard.push(u));
    expect(r.latest(s)).toBeUndefined();
    await r.firstResults();
    // The listener still heard the update the wait saw.
    expect(heard.length).toBeGreaterThanOrEqual(1);
    const latest = r.latest(s);
    expect(latest?.results.runs).toBe(STAGES[0]);
    expect(r.latest(withInterest(0.9))).toBeUndefined();
    await r.close();
  });

  it('stops waiting for first results when the run is replaced', async () => {
    const r = runner();
    r.start(withInterest(0.1), [], () => undefined);
    const waiting = r.firstResults();
    r.start(withInterest(0.9), [], () => undefined);
    await waiting;
    await r.close();
  });

  it('runs on as many executors as it starts with until widened, then on all of them, the run under way included', async () => {
    const used = [0, 0];
    let afterFirstSlice: (() => void) | undefined;
    const counting = (n: number): Executor => {
      const inner = threadExecutor();
      return {
        run: async (...args) => {
          used[n]!++;
          const tally = await inner.run(...args);
          if (n === 0 && used[0] === 1) afterFirstSlice?.();
          return tally;
        },
        close: () => inner.close(),
      };
    };
    const r = new LiveRunner({ seed: '7', stages: STAGES, executors: [counting(0), counting(1)], slice: 512, startWithExecutors: 1 });
    const narrow = await collect(r, withInterest(0.3)).done;
    expect(used[1]).toBe(0);
    // Widened in the middle of a range: the second executor joins it, and the results are the same.
    used[0] = 0;
    afterFirstSlice = () => r.widen();
    const wide = await collect(r, withInterest(0.3 + 1e-9)).done;
    expect(used[1]).toBeGreaterThan(0);
    const batch = await runScenario(withInterest(0.3 + 1e-9), { seed: '7', runs: 4_096 });
    expect(wide.kind === 'results' && wide.snapshot.results.outcomes).toEqual(batch.outcomes);
    expect(narrow.kind).toBe('results');
    await r.close();
  });

  it('reports an error (a scenario the engine cannot compile) as an update', async () => {
    const broken: Scenario = { ...sampleScenario(), rules: [{ ...sampleScenario().rules[0]!, when: { kind: 'met', precondition: 'nowhere' } }] };
    const update = await collect(runner(), broken).done;
    expect(update.kind).toBe('error');
  });

  const workerScript = fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url));
  it.skipIf(!existsSync(workerScript))('gives the same results in worker threads as on this thread (needs npm run build)', async () => {
    const inWorkers = runner(workerExecutors(2));
    try {
      const viaWorkers = await collect(inWorkers, sampleScenario()).done;
      const viaThread = await collect(runner(), sampleScenario()).done;
      expect(viaWorkers.kind === 'results' && viaWorkers.snapshot.results.outcomes).toEqual(viaThread.kind === 'results' && viaThread.snapshot.results.outcomes);
    } finally {
      await inWorkers.close();
    }
  });
});
