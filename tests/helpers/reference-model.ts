import { fixed, type Param } from '../../src/model/distribution.js';
import { ROSTER } from '../../src/model/roster.js';
import type { Ally, Scenario } from '../../src/model/scenario.js';

/**
 * The benchmark's reference model written as a Scenario object: 19 Allies, apply with
 * p = 0.45, standard path with p = 0.3 (else consent -0.15), three Bernoulli
 * preconditions, Ally i consents with clamp(0.55 + 0.02i + (0.3 + 0.01i)(met/3 - 0.5) - special),
 * first refusal a veto, ratification 0.97 (first Ally 0.9). One year, no delays.
 */
export function referenceScenario(overrides: { consent?: (i: number) => number } = {}): Scenario {
  const members = ROSTER.slice(0, 19);
  const pre = ['a', 'b', 'c'];
  const allies: Ally[] = members.map((r, i) => ({
    code: r.code,
    name: r.name,
    joined: '1949-08-24',
    consent: fixed(overrides.consent?.(i) ?? 0.55 + 0.02 * i),
    weights: Object.fromEntries(pre.map((id) => [id, fixed((0.3 + 0.01 * i) / 3)])) as Record<string, Param>,
    threat: fixed(0),
    objection: 'veto',
    holdoutLift: fixed(0),
    ratification: { procedure: 'test', pass: fixed(i === 0 ? 0.9 : 0.97), months: fixed(0) },
    defaulted: false,
  }));
  return {
    id: 'reference',
    title: 'Reference',
    description: '',
    decisionPoint: { year: 2000, horizon: 2000, label: 'ref', context: '' },
    sources: {},
    candidate: {
      name: 'Candidate',
      code: 'CA',
      interest: fixed(0.45),
      domesticOpposition: fixed(0),
      acceptsStandardPath: fixed(0.3),
      withdrawal: fixed(0),
      coCandidates: [],
    },
    process: {
      mapIntroduced: 1999,
      standardPath: { minYears: fixed(0), readiness: fixed(0) },
      specialTrack: { minYears: fixed(0), readiness: fixed(0), consentPenalty: fixed(0.15) },
      protocolMonths: fixed(0),
      cohesion: fixed(0),
    },
    preconditions: [0.5, 0.4, 0.6].map((p, k) => ({
      id: pre[k]!,
      label: pre[k]!,
      basis: 'test',
      level: { dist: { kind: 'bernoulli', p } },
      drift: fixed(0),
      volatility: fixed(0),
      threshold: fixed(0.5),
    })),
    allies,
    rules: [],
    events: [],
  };
}
