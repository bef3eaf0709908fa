import { useState } from 'react';
import { seedProblem as seedRefusal } from '../../../model/seed.js';
import { runsError } from '../state/link.js';

export interface SettingsProps {
  readonly seed: string;
  readonly runs: number;
  readonly onApply: (seed: string, runs: number) => void;
}

/** The seed and the number of branches: the same seed and branches give the terminal's numbers. */
export function Settings({ seed, runs, onApply }: SettingsProps) {
  const [typedSeed, setTypedSeed] = useState(seed);
  const [typedRuns, setTypedRuns] = useState(String(runs));
  const refusal = seedRefusal(typedSeed);
  const seedProblem = refusal === undefined ? undefined : `The seed ${refusal}`;
  const runsProblem = runsError(typedRuns);
  const changed = typedSeed !== seed || typedRuns !== String(runs);
  return (
    <form
      className="settings"
      aria-label="Seed and branches"
      onSubmit={(e) => {
        e.preventDefault();
        if (seedProblem === undefined && runsProblem === undefined) onApply(typedSeed, Number(typedRuns.replace(/_/g, '')));
      }}
    >
      <label>
        Seed <input type="text" value={typedSeed} onChange={(e) => setTypedSeed(e.target.value)} size={6} aria-invalid={seedProblem !== undefined} aria-describedby={seedProblem !== undefined ? 'settings-problem' : undefined} />
      </label>
      <label>
        Branches <input type="text" inputMode="numeric" value={typedRuns} onChange={(e) => setTypedRuns(e.target.value)} size={8} aria-invalid={runsProblem !== undefined} aria-describedby={seedProblem === undefined && runsProblem !== undefined ? 'settings-problem' : undefined} />
      </label>
      <button type="submit" disabled={!changed || seedProblem !== undefined || runsProblem !== undefined}>
        Run
      </button>
      {/* It describes the field it refuses, so the field, focused again, says why. */}
      {seedProblem !== undefined || runsProblem !== undefined ? (
        <span className="problem" role="alert" id="settings-problem">
          {seedProblem ?? runsProblem}
        </span>
      ) : null}
    </form>
  );
}
