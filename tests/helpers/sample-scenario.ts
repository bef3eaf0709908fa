import { fixed } from '../../src/model/distribution.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from './reference-model.js';

/**
 * The reference model made friendlier for UI tests: five years, consent high enough that
 * some branches join, a rule and an event with sources, one Ally from allyDefaults.
 */
export function sampleScenario(): Scenario {
  const base = referenceScenario({ consent: () => 0.97 });
  return {
    ...base,
    id: 'tui-test',
    title: 'UI test scenario',
    decisionPoint: { year: 2000, horizon: 2004, label: 'test point', context: 'A test decision point.', source: 'S31' },
    sources: { T1: 'A test citation' },
    candidate: { ...base.candidate, name: 'Russia', code: 'RU', interest: fixed(0.3, 'S31'), acceptsStandardPath: { dist: { kind: 'triangular', min: 0.1, mode: 0.3, max: 0.5 }, source: 'S31' } },
    allies: base.allies.map((a, i) => (i === 1 ? { ...a, defaulted: true } : i === 0 ? { ...a, consent: fixed(0.97, 'S23'), objection: 'veto' } : a)),
    rules: [
      {
        id: 'istanbul-link',
        text: 'Allies tie CFE ratification to the Istanbul pledges.',
        source: 'S30',
        enabled: true,
        when: { kind: 'year', from: 2001 },
        effects: [{ kind: 'consent', allies: { kind: 'all' }, delta: fixed(-0.2, 'S30') }],
      },
    ],
    events: [
      {
        id: 'chechnya2',
        label: 'Second Chechen war escalates',
        source: 'S27',
        historical: true,
        enabled: true,
        hazard: fixed(0.5, 'S27'),
        from: 2000,
        to: 2004,
        once: true,
        effects: [{ kind: 'interest', delta: fixed(-0.1, 'T1') }],
      },
    ],
  };
}
