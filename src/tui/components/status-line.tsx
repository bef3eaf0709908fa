import { Text } from 'ink';
import type { Results } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import { integer } from '../../report/format.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import { spread } from '../text.js';

export interface StatusLineProps {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly live: LiveResults;
  readonly baseline?: Results;
  readonly width: number;
}

/** Scenario, decision point, seed, branches run and how long the last run took. */
export function StatusLine({ scenario, seed, live, baseline, width }: StatusLineProps) {
  const dp = scenario.decisionPoint;
  const snap = live.snapshot;
  const run = snap === undefined ? 'running…' : `${integer(snap.results.runs)} branches in ${Math.round(snap.ms)} ms${live.running ? ', refining…' : ''}`;
  const pin = baseline === undefined ? '' : ` · pinned: ${baseline.scenario}`;
  const left = `${scenario.id} · ${dp.year}–${dp.horizon} ${dp.label}`;
  return (
    <Text inverse wrap="truncate">
      {spread(left, `seed ${seed} · ${run}${pin} `, width)}
    </Text>
  );
}
