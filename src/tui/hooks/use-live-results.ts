import { useEffect, useLayoutEffect, useState } from 'react';
import type { Scenario } from '../../model/scenario.js';
import type { LiveRunner, RunSnapshot } from '../../batch/live-runner.js';

export interface LiveResults {
  /** The latest results; kept while a newer run is on its way, so the panel never goes blank. */
  readonly snapshot?: RunSnapshot;
  /** True until the refined results of the scenario on screen have arrived. */
  readonly running: boolean;
  /** The last run's error; the edits stay, the previous results stay on screen. */
  readonly error?: string;
}

interface Heard {
  readonly scenario?: Scenario;
  readonly snapshot?: RunSnapshot;
  readonly error?: string;
}

/** Re-runs the scenario on every change (the runner cancels the stale run). */
export function useLiveResults(runner: LiveRunner, scenario: Scenario, warnings: readonly string[]): LiveResults {
  // Results already there (the CLI starts the first run while the UI loads) are in the first frame.
  const [heard, setHeard] = useState<Heard>(() => {
    const snapshot = runner.latest(scenario);
    return snapshot === undefined ? {} : { scenario, snapshot };
  });
  // A layout effect runs right after the edit's render is committed; a passive one may wait a frame.
  useLayoutEffect(() => {
    runner.start(scenario, warnings, (update) => {
      // Hearing again what is on screen changes nothing: no second frame.
      if (update.kind === 'results') setHeard((h) => (h.scenario === scenario && h.snapshot === update.snapshot ? h : { scenario, snapshot: update.snapshot }));
      else setHeard((h) => ({ scenario, snapshot: h.snapshot, error: update.message }));
    });
  }, [runner, scenario, warnings]);
  useEffect(() => () => runner.cancel(), [runner]);
  // Derived while rendering: the frame that shows an edit already says its results are coming.
  const current = heard.scenario === scenario;
  return {
    snapshot: heard.snapshot,
    running: !current || (heard.error === undefined && heard.snapshot?.final !== true),
    error: current ? heard.error : undefined,
  };
}
