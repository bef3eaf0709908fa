import { Text } from 'ink';
import type { Results } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import { integer } from '../../report/format.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import { spread } from '../text.js';

export interface StatusLineProps {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Branches of the refined estimate (`tui --runs`), said while it runs. */
  readonly branches: number;
  readonly live: LiveResults;
  readonly baseline?: Results;
  /** The rewrite distance of the scenario on screen (undefined while its baseline is looked for). */
  readonly rewrite?: number;
  readonly width: number;
}

/** Scenario, decision point, rewrite distance, seed, branches run and how long the last run took. */
export function StatusLine({ scenario, seed, branches, live, baseline, rewrite, width }: StatusLineProps) {
  const dp = scenario.decisionPoint;
  const snap = live.snapshot;
  const run = snap === undefined ? `running ${integer(branches)} branches…` : `${integer(snap.results.runs)} branches in ${Math.round(snap.ms)} ms${live.running ? `, refining to ${integer(branches)}…` : ''}`;
  const pin = baseline === undefined ? '' : ` · pinned: ${baseline.scenario}`;
  const left = `${scenario.id} · ${dp.year}–${dp.horizon} ${dp.label}`;
  return (
    <Text inverse wrap="truncate">
      {spread(left, `${rewrite === undefined ? '' : `rewrite ${rewrite.toFixed(1)} · `}seed ${seed} · ${run}${pin} `, width)}
    </Text>
  );
}
