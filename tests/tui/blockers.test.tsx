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

describe('the ending a blocker caused', () => {
  /** The same reason behind two endings, as russia-1990's Bush and Baker: the US vetoes; Russia, rebuffed, never applies. */
  const twoEndings = {
    blockers: [
      { outcome: 'vetoed', actor: 'US' },
      { outcome: 'no_application', actor: 'RU' },
    ].map((b) => ({ ...b, role: 'veto', actorName: b.actor, reason: { kind: 'rule', label: 'Bush and Baker dismiss the proposal' }, meanYear: 1990, count: 10, share: 0.1, ci95: [0.05, 0.15] })),
  } as unknown as Results;

  it('is named on each row where the panel has room, so a reason is not read as the candidate\'s own', () => {
    const wide = render(<Blockers results={twoEndings} width={80} height={3} />);
    const lines = wide.lastFrame()!.split('\n');
    expect(lines[1]).toMatch(/US\s+Vetoed\s+Bush and Baker dismiss the proposal$/);
    expect(lines[2]).toMatch(/RU\s+Never applied\s+Bush and Baker dismiss the proposal$/);
    wide.unmount();
  });

  it('gives way to the reason in a narrow panel, where the outcomes above name the endings', () => {
    const narrow = render(<Blockers results={twoEndings} width={45} height={3} />);
    const frame = narrow.lastFrame()!;
    expect(frame).not.toContain('Never applied');
    expect(frame.split('\n')[2]).toMatch(/RU\s+Bush and Baker dismiss/);
    narrow.unmount();
  });
});
