import { useEffect, useState } from 'react';
import type { Results } from '../../model/results.js';
import type { Scenario } from '../../model/scenario.js';
import type { RunSnapshot } from '../../batch/live-runner.js';

/**
 * The pinned baseline: results to compare the live ones with. Same seed on both sides, so an
 * outcome's change is the effect of the edits since the pin, not Monte Carlo noise.
 */
export function useBaseline(scenario: Scenario, snapshot: RunSnapshot | undefined, notify: (note: string) => void) {
  const [pin, setPin] = useState<{ readonly results: Results; readonly scenario: Scenario }>();
  // A pin taken on the quick estimate is replaced by the refined results of the same scenario.
  useEffect(() => {
    if (pin !== undefined && snapshot?.final && pin.scenario === scenario && pin.results !== snapshot.results) setPin({ ...pin, results: snapshot.results });
  }, [snapshot, pin, scenario]);
  const toggle = () => {
    if (pin !== undefined) {
      setPin(undefined);
      return notify('baseline unpinned');
    }
    if (snapshot === undefined) return notify('no results to pin yet');
    setPin({ results: snapshot.results, scenario });
    notify("baseline pinned: outcomes now show their change from it (same seed, so the change is the edit's effect)");
  };
  return { baseline: pin?.results, pinned: pin?.scenario, toggle };
}
