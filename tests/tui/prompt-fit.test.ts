import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/model/outcome.js';
import { SHORT_OUTCOME_LABELS } from '../../src/tui/labels.js';
import { fitChoices, lineInView } from '../../src/tui/prompt.js';

const outcomes = OUTCOMES.map((o, i) => ({ key: String(i + 1), label: SHORT_OUTCOME_LABELS[o] }));
const line = (f: { question: string; keys: string }) => (f.question === '' ? f.keys : `${f.question} ${f.keys}`);

describe('a choice prompt on one line', () => {
  it('keeps every choice in sight: the question and "Esc cancel" give way first', () => {
    const wide = fitChoices('Next branch ending:', outcomes, 160);
    expect(wide.keys).toContain('Esc cancel');
    const at100 = fitChoices('Next branch ending:', outcomes, 100);
    expect(line(at100).length).toBeLessThanOrEqual(100);
    expect(at100.keys).toContain('7 Pending');
    expect(at100.question).toBe('Next branch ending:');
    // At 60 columns the whole list cannot fit: the question goes, and Vetoed (5) stays in sight.
    const at60 = fitChoices('Next branch ending:', outcomes, 60, '');
    expect(at60.question).toBe('');
    expect(at60.keys.slice(0, 60)).toContain('5 Vetoed');
  });

  it('a question that must be read shrinks but stays: the quit question keeps "Unsaved changes."', () => {
    const quit = [
      { key: 's', label: 'save, then quit' },
      { key: 'y', label: 'quit without saving' },
      { key: 'n', label: 'stay' },
    ];
    const at80 = fitChoices('Unsaved changes (Ctrl-C again: quit without saving).', quit, 80, 'Unsaved changes.');
    expect(line(at80).length).toBeLessThanOrEqual(80);
    expect(at80.question).toBe('Unsaved changes.');
    expect(fitChoices('Unsaved changes (Ctrl-C again: quit without saving).', quit, 160).question).toContain('Ctrl-C again');
    // With no short form, the question is never dropped.
    expect(fitChoices('Overwrite?', quit, 20).question).toBe('Overwrite?');
  });
});

describe("a text prompt's line", () => {
  it('shows all of a line that fits, and the end of one that does not, after "…"', () => {
    expect(lineInView('0.35', 20)).toBe('0.35');
    const long = `${'a'.repeat(5000)}.yaml`;
    expect(lineInView(long, 30)).toBe(`…${'a'.repeat(24)}.yaml`);
    expect(lineInView(long, 30)).toHaveLength(30);
    // No room is shown as at least ten characters.
    expect(lineInView(long, -5)).toHaveLength(10);
  });
});
