import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../../src/model/outcome.js';
import type { Results } from '../../src/model/results.js';
import { shareInterval } from '../../src/report/format.js';
import { OutcomeBars } from '../../src/tui/components/outcome-bars.js';

/** Results with just the outcomes the component reads: each a share and its interval. */
function withOutcomes(shares: Partial<Record<Outcome, { share: number; ci95: [number, number] }>>): Results {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, { count: 0, share: 0, ci95: [0, 0.00009] as [number, number], ...shares[o] }]));
  return { runs: 40_960, outcomes } as unknown as Results;
}

describe('the outcome rows', () => {
  it('give each interval with the decimals run prints it with: a rare share is never outside its interval nor its interval zero-wide', () => {
    const results = withOutcomes({
      joined: { share: 0.00039, ci95: [0.00024, 0.00063] },
      ratification_failed: { share: 0.00002, ci95: [0.000004, 0.00014] },
      no_application: { share: 0.164, ci95: [0.1603, 0.1674] },
      vetoed: { share: 0.99996, ci95: [0.99991, 1] },
    });
    const app = render(<OutcomeBars results={results} width={56} />);
    const rows = (app.lastFrame() ?? '').split('\n');
    const row = (label: string) => rows.find((l) => l.startsWith(label)) ?? '';
    // As `run` prints them: [0.02%, 0.06%], [<0.01%, 0.01%], [16.0%, 16.7%], [0.0%, <0.01%], [>99.99%, 100.0%].
    expect(shareInterval(0.00039, [0.00024, 0.00063])).toBe('[0.02%, 0.06%]');
    expect(row('Joined')).toMatch(/0\.04% +0\.02–0\.06$/);
    expect(row('Not ratified')).toMatch(/<0\.01% +<0\.01–0\.01$/);
    expect(row('Never applied')).toMatch(/16\.4% +16\.0–16\.7$/);
    expect(row('Pending')).toMatch(/0\.0% +0\.0–<0\.01$/);
    expect(row('Vetoed')).toMatch(/>99\.99% +>99\.99–100\.0$/);
    // Every row as wide as the panel: a longer interval takes its room from the bars, not from the row's end.
    for (const label of ['Joined', 'Never applied', 'Vetoed', 'Pending']) expect(row(label).length, label).toBeLessThanOrEqual(56);
    app.unmount();
  });
});
