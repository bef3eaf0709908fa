import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Blockers } from '../../src/tui/components/blockers.js';
import type { Results } from '../../src/model/results.js';

/** Results with just the blockers the component reads. */
const withBlockers = (actors: string[]) =>
  ({
    blockers: actors.map((actor) => ({ outcome: 'vetoed', role: 'veto', actor, actorName: actor, reason: { kind: 'threat', label: 'sees a threat in admitting the candidate' }, meanYear: 1991, count: 10, share: 0.1, ci95: [0.05, 0.15] })),
  }) as unknown as Results;

describe('the blockers table', () => {
  it('says what TIE stands for when a row shows it, and says nothing of it otherwise', () => {
    const tied = render(<Blockers results={withBlockers(['TIE', 'US'])} width={100} height={5} />);
    expect(tied.lastFrame()).toContain('Top blockers (TIE: several Allies alike, none stands out)');
    tied.unmount();
    const plain = render(<Blockers results={withBlockers(['US'])} width={100} height={5} />);
    expect(plain.lastFrame()).not.toContain('TIE');
    plain.unmount();
  });
});
