import { useEffect, useState } from 'react';
import type { Scenario } from '../../model/scenario.js';
import type { DebateRunner, DebateSnapshot } from '../../analysis/compare/debate-runner.js';

export interface ComparisonResults {
  /** The latest comparison; kept while a newer one is on its way (it may be of other scenarios: see `current`). */
  readonly snapshot?: DebateSnapshot;
  /** Whether `snapshot` compares the two scenarios asked for. */
  readonly current: boolean;
  /** True until the refined comparison of these two scenarios has arrived. */
  readonly running: boolean;
  readonly error?: string;
}

interface Heard {
  readonly a?: Scenario;
  readonly b?: Scenario;
  readonly snapshot?: DebateSnapshot;
  readonly error?: string;
}

/** Compares `a` with `b` on paired branches while mounted; a change of either starts again. */
export function useComparison(runner: DebateRunner, a: Scenario, b: Scenario): ComparisonResults {
  const [heard, setHeard] = useState<Heard>({});
  useEffect(() => {
    runner.start(a, b, (update) => {
      if (update.kind === 'results') setHeard({ a, b, snapshot: update.snapshot });
      else setHeard((h) => ({ a, b, snapshot: h.snapshot, error: update.message }));
    });
    return () => runner.cancel();
  }, [runner, a, b]);
  const current = heard.a === a && heard.b === b;
  return {
    snapshot: heard.snapshot,
    current: current && heard.snapshot?.a === a && heard.snapshot.b === b,
    running: !current || (heard.error === undefined && heard.snapshot?.final !== true),
    error: current ? heard.error : undefined,
  };
}
