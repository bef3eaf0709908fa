import { describe, expect, test } from 'vitest';
import { barChartSvg, fitLines, pairedBarsSvg, textWidth } from '../../src/report/svg.js';

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

describe('the share beside a bar', () => {
  /** The value texts at the right edge of a chart (text-anchor end), as a reader gets them. */
  const values = (svg: string) => [...svg.matchAll(/<text [^>]*text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

  test('reads as run prints it: a share that is not 0 never reads as 0.0%, nor one short of all as 100.0%', () => {
    const svg = barChartSvg(
      [
        { label: 'Joined', share: 1 / 20000 },
        { label: 'Vetoed', share: 0.99995 },
        { label: 'Withdrawn', share: 0 },
      ],
      'Outcomes',
    );
    // The three bars' values, then the axis's last tick.
    expect(values(svg)).toEqual(['<0.01%', '>99.99%', '0.0%', '100%']);
    expect(svg).not.toMatch(/>[<>]\d/);
    const pairs = pairedBarsSvg([{ label: 'Joined', a: 17 / 20000, b: 1 / 20000 }], ['Team A', 'Team B'], 'Joined');
    expect(values(pairs)).toContain('<0.01% · 0.09%');
  });
});
