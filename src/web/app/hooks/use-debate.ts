import { useEffect, useRef, useState } from 'react';
import type { Comparison } from '../../../analysis/compare/comparison.js';
import type { Scenario } from '../../../model/scenario.js';
import { DebateClient } from '../state/workers.js';

export interface DebateResults {
  /** The latest comparison of these two scenarios (none while the first estimate is on its way). */
  readonly comparison?: Comparison;
  readonly running: boolean;
  readonly error?: string;
}

interface Heard {
  readonly a: Scenario;
  readonly b: Scenario;
  readonly key: string;
  readonly comparison?: Comparison;
  readonly final: boolean;
  readonly error?: string;
}

/** Team A against team B on the same branches, in the debate worker, while mounted; any change starts again. */
export function useDebate(a: Scenario, b: Scenario, seed: string, runs: number): DebateResults {
  const client = useRef<DebateClient>(undefined);
  client.current ??= new DebateClient();
  const key = `${seed}|${runs}`;
  const [heard, setHeard] = useState<Heard>();
  useEffect(() => {
    const c = client.current!;
    c.start(a, b, seed, runs, (reply) =>
      setHeard(reply.kind === 'results' ? { a, b, key, comparison: reply.comparison, final: reply.final } : { a, b, key, final: true, error: reply.message }),
    );
    return () => c.cancel();
  }, [a, b, seed, runs, key]);
  const current = heard !== undefined && heard.a === a && heard.b === b && heard.key === key;
  return {
    ...(current && heard.comparison !== undefined && { comparison: heard.comparison }),
    running: !current || !heard.final,
    ...(current && heard.error !== undefined && { error: heard.error }),
  };
}
