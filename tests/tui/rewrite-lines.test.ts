import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import { rewriteScreenLines } from '../../src/tui/screens/rewrite.js';
import { BUNDLED, load } from './files.js';

describe('the rewrite screen', () => {
  it.each([60, 80, 120, 200])('wraps every line to fit %i columns, its indent included: nothing is cut', async (width) => {
    const base = await load(join(BUNDLED, 'russia-2000.yaml'));
    const edited = await load(join(BUNDLED, 'russia-2000-istanbul-kept.yaml'));
    const distance = rewriteDistance(base.scenario, edited.scenario);
    const lines = rewriteScreenLines({ distance, reference: { kind: 'baseline', file: base.file, scenario: base.scenario }, known: true }, (p) => p, width);
    expect(lines.some((l) => l.text.startsWith('How the score is made'))).toBe(true);
    for (const l of lines) expect(l.text.length, l.text).toBeLessThanOrEqual(width);
  });
});
