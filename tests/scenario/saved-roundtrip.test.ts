import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile, simulateRange, type Tally } from '../../src/engine/index.js';
import { formatIssue } from '../../src/scenario/issue.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { authoringYaml, completeDocument } from '../../src/scenario/override-document.js';
import { richScenario } from '../helpers/rich-scenario.js';
import { fixture } from './helpers.js';

/**
 * A scenario saved whole (the explorer's save when it cannot extend its source, the page's
 * download) loads back to the same numbers: every branch ends alike. Checked on generated
 * scenarios with co-candidates, hold-outs, rules and events on and off, distributions of no
 * width, late dates and hypothetical members (helpers/rich-scenario.ts).
 */

const plain = (t: Tally) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v instanceof Float64Array ? Array.from(v) : v]));

describe('a scenario saved whole', () => {
  test('loads back to a scenario that runs to the same tally', async () => {
    await fc.assert(
      fc.asyncProperty(richScenario({ fullRoster: true }), async (s) => {
        const yaml = authoringYaml(completeDocument(s, { id: s.id, title: s.title }), 'saved by a test');
        const r = await loadScenarioText(yaml, fixture('saved.yaml'));
        if (!r.ok) throw new Error(`${r.issues.map(formatIssue).join('\n')}\n${yaml}`);
        expect(plain(simulateRange(compile(r.value.scenario), 'saved', 0, 100))).toEqual(plain(simulateRange(compile(s), 'saved', 0, 100)));
      }),
      { numRuns: 25 },
    );
  });
});
