import { describe, expect, test } from 'vitest';
import { barChartSvg, fitLines, textWidth } from '../../src/report/svg.js';

describe('chart labels on at most two lines', () => {
  test('words that fit are kept whole; an ellipsis marks only text that was cut', () => {
    expect(fitLines('Joined', 200)).toEqual(['Joined']);
    // A word wider than the column is cut on its own line; no stray line of "…".
    const wide = fitLines('Supercalifragilisticexpialidocious', 60);
    expect(wide).toHaveLength(1);
    expect(wide[0]!.endsWith('…')).toBe(true);
    // A line too wide followed by one that fits: the second stays whole.
    const two = fitLines('Supercalifragilisticexpialidocious ok', 60);
    expect(two).toHaveLength(2);
    expect(two[1]).toBe('ok');
    for (const l of [...wide, ...two]) expect(textWidth(l)).toBeLessThanOrEqual(60);
  });
});

describe('a label wrapped on two lines', () => {
  /** Each row label's text (a text with a tooltip) as a reader gets it (copied, read aloud, extracted): its lines' text. */
  const labelTexts = (svg: string) => [...svg.matchAll(/<text [^>]*><title>.*?<\/title>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

  test('reads as one text, its words apart where the line broke', () => {
    const label = 'Pending at horizon (objection or ratification under way)';
    const svg = barChartSvg([{ label, share: 0.01 }, { label: 'Joined', share: 0.2 }], 'Outcomes');
    expect(svg).toMatch(/<\/tspan><tspan /);
    expect(labelTexts(svg)).toEqual([label, 'Joined']);
  });
});
