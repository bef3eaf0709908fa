import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/model/distribution.js';
import { ROSTER } from '../../src/model/roster.js';
import { DEFAULTS } from '../../src/scenario/defaults.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { fixture, loaded, MINIMAL, withLines } from './helpers.js';

const ALLIES_BY_2002 = ROSTER.filter((m) => m.joined <= '2002-12-31').map((m) => m.code);

describe('normalization', () => {
  it('turns the minimal file into a complete Scenario', async () => {
    const result = await loadScenarioFile(fixture('minimal.yaml'));
    if (!result.ok) throw new Error('minimal.yaml should load');
    const { scenario, file, chain } = result.value;
    expect(file).toBe(fixture('minimal.yaml'));
    expect(chain).toEqual([fixture('minimal.yaml')]);
    const { allies, ...rest } = scenario;
    expect(rest).toEqual({
      id: 'minimal',
      title: 'Minimal',
      description: '',
      decisionPoint: { year: 2000, horizon: 2002, label: 'A test', context: 'Nothing happens.' },
      sources: {},
      candidate: { name: 'Russia', code: 'RU', ...DEFAULTS.candidate, coCandidates: [] },
      process: {
        mapIntroduced: 1999,
        standardPath: DEFAULTS.process.standardPath,
        specialTrack: DEFAULTS.process.specialTrack,
        protocolMonths: DEFAULTS.process.protocolMonths,
        cohesion: DEFAULTS.process.cohesion,
      },
      preconditions: [
        { id: 'democracy', label: 'Democracy', basis: '', level: fixed(0.5), drift: fixed(0, 'assumption'), volatility: fixed(0, 'assumption'), threshold: fixed(0.5, 'assumption') },
      ],
      rules: [],
      events: [],
    });
    expect(allies.map((a) => a.code)).toEqual(ALLIES_BY_2002);
    const { code: _code, name: _name, joined: _joined, ...values } = allies[0]!;
    expect(values).toEqual({ ...DEFAULTS.ally, defaulted: true });
    expect(allies.find((a) => a.code === 'DE')).toMatchObject({ name: 'Germany (West Germany until 1990)', joined: '1955-05-06' });
  });

  it('warns once for each default it used, naming the field', async () => {
    const { warnings } = await loaded(MINIMAL);
    expect(warnings).toEqual([
      'candidate.interest not set: using default 0.2',
      'candidate.domesticOpposition not set: using default 0.3',
      'candidate.acceptsStandardPath not set: using default 0.5',
      'candidate.withdrawal not set: using default 0.05',
      'process.mapIntroduced not set: using default 1999',
      'process.standardPath.minYears not set: using default 3',
      'process.standardPath.readiness not set: using default 0.8',
      'process.specialTrack.minYears not set: using default 1',
      'process.specialTrack.readiness not set: using default 0.4',
      'process.specialTrack.consentPenalty not set: using default 0.15',
      'process.protocolMonths not set: using default triangular(0, 4, 7)',
      'process.cohesion not set: using default 0.6',
      'preconditions.democracy.drift not set: using default 0',
      'preconditions.democracy.volatility not set: using default 0',
      'preconditions.democracy.threshold not set: using default 0.5',
      `19 Allies use allyDefaults: ${ALLIES_BY_2002.join(', ')}`,
      'allyDefaults not set: Allies without their own values use built-in defaults (consent 0.6, threat 0.1, objection veto, ratification pass 0.97)',
    ]);
  });

  it('merges each Ally over allyDefaults and warns about allyDefaults fields only when used', async () => {
    const { scenario, warnings } = await loaded(
      withLines(
        'allyDefaults:',
        '  consent: 0.7',
        '  weights: { democracy: 0.2 }',
        '  ratification: { procedure: Parliament, hurdle: 2 }',
        'allies:',
        '  - code: US',
        '    threat: { value: 0.3, source: S46 }',
        '    weights: { democracy: 0.4 }',
        '    ratification: { procedure: Senate, hurdle: 3, pass: 0.8 }',
        '  - { code: XX, name: Atlantis, joined: 1995-01-01, objection: holdout }',
      ),
    );
    const us = scenario.allies[0]!;
    expect(us).toEqual({
      code: 'US',
      name: 'United States',
      joined: '1949-08-24',
      consent: fixed(0.7),
      threat: fixed(0.3, 'S46'),
      objection: 'veto',
      holdoutLift: DEFAULTS.ally.holdoutLift,
      weights: { democracy: fixed(0.4) },
      ratification: { procedure: 'Senate', hurdle: 3, pass: fixed(0.8), months: DEFAULTS.ally.ratification.months },
      defaulted: false,
    });
    expect(scenario.allies[1]).toMatchObject({ code: 'XX', name: 'Atlantis', joined: '1995-01-01', objection: 'holdout', defaulted: false });
    expect(scenario.allies.find((a) => a.code === 'UK')).toMatchObject({ consent: fixed(0.7), weights: { democracy: fixed(0.2) }, ratification: { procedure: 'Parliament', hurdle: 2 }, defaulted: true });
    expect(warnings.filter((w) => w.includes('ally') || w.includes('Allies'))).toEqual([
      `18 Allies use allyDefaults: ${ALLIES_BY_2002.filter((c) => c !== 'US').join(', ')}`,
      'allyDefaults.threat not set: using default 0.1',
      'allyDefaults.holdoutLift not set: using default 0.2',
      'allyDefaults.ratification.pass not set: using default 0.97',
      'allyDefaults.ratification.months not set: using default triangular(3, 10, 20)',
    ]);
  });

  it('expands every distribution form, with beta on [0, 1] by default', async () => {
    const forms = [
      '0.5',
      '{ value: 0.5, source: S38, note: a note }',
      '{ dist: uniform, min: 0.1, max: 0.5 }',
      '{ dist: triangular, min: 0.1, mode: 0.3, max: 0.5, source: S31 }',
      '{ dist: beta, alpha: 2, beta: 5 }',
      '{ dist: beta, alpha: 2, beta: 5, min: 0.2, max: 0.6 }',
      '{ dist: normal, mean: 0.3, sd: 0.1, min: 0, max: 1 }',
      '{ dist: bernoulli, p: 0.4 }',
    ];
    const lines = forms.map((v, i) => `  - { id: p${i}, label: P, level: ${v} }`);
    const { scenario } = await loaded(withLines(...lines));
    expect(scenario.preconditions.slice(1).map((p) => p.level)).toEqual([
      fixed(0.5),
      { dist: { kind: 'fixed', value: 0.5 }, source: 'S38', note: 'a note' },
      { dist: { kind: 'uniform', min: 0.1, max: 0.5 } },
      { dist: { kind: 'triangular', min: 0.1, mode: 0.3, max: 0.5 }, source: 'S31' },
      { dist: { kind: 'beta', alpha: 2, beta: 5, min: 0, max: 1 } },
      { dist: { kind: 'beta', alpha: 2, beta: 5, min: 0.2, max: 0.6 } },
      { dist: { kind: 'normal', mean: 0.3, sd: 0.1, min: 0, max: 1 } },
      { dist: { kind: 'bernoulli', p: 0.4 } },
    ]);
  });

  it('converts conditions and effects to the model unions, and defaults rules and events', async () => {
    const { scenario, warnings } = await loaded(
      withLines(
        'allies: [{ code: US }]',
        'rules:',
        '  - id: r1',
        '    text: Everything at once',
        '    when:',
        '      all:',
        '        - year: { from: 2000, to: 2001 }',
        '        - any: [{ stage: preparation }, { track: special }]',
        '        - not: { met: democracy }',
        '        - { level: democracy, below: 0.4, atLeast: 0.1 }',
        '        - event: e1',
        '        - member: US',
        '        - always: true',
        '    effects:',
        '      - { kind: consent, allies: all, delta: -0.1 }',
        '      - { kind: consent, allies: [US], delta: 0.1 }',
        '      - { kind: interest, delta: 0.1 }',
        '      - { kind: withdrawal, delta: 0.1 }',
        '      - { kind: standardPath, delta: 0.1 }',
        '      - { kind: precondition, precondition: democracy, delta: 0.1 }',
        '      - { kind: hazard, event: e1, delta: 0.1 }',
        '      - { kind: block }',
        '      - { kind: block, ally: US }',
        '      - { kind: delay, months: 6 }',
        '  - { id: r2, text: No condition, source: S1, effects: [{ kind: interest, delta: 0.1 }] }',
        'events:',
        '  - { id: e1, label: E, hazard: 0.5 }',
        '  - { id: e2, label: F, hazard: 0.5, source: S27, historical: true, enabled: false, once: false, from: 2001, to: 2001, when: { stage: idle } }',
      ),
    );
    const d = fixed(0.1);
    expect(scenario.rules[0]).toEqual({
      id: 'r1',
      text: 'Everything at once',
      source: 'assumption',
      enabled: true,
      when: {
        kind: 'all',
        of: [
          { kind: 'year', from: 2000, to: 2001 },
          { kind: 'any', of: [{ kind: 'stage', is: 'preparation' }, { kind: 'track', is: 'special' }] },
          { kind: 'not', of: { kind: 'met', precondition: 'democracy' } },
          { kind: 'level', precondition: 'democracy', below: 0.4, atLeast: 0.1 },
          { kind: 'event', occurred: 'e1' },
          { kind: 'member', ally: 'US' },
          { kind: 'all', of: [] },
        ],
      },
      effects: [
        { kind: 'consent', allies: { kind: 'all' }, delta: fixed(-0.1) },
        { kind: 'consent', allies: { kind: 'some', codes: ['US'] }, delta: d },
        { kind: 'interest', delta: d },
        { kind: 'withdrawal', delta: d },
        { kind: 'standardPath', delta: d },
        { kind: 'precondition', precondition: 'democracy', delta: d },
        { kind: 'hazard', event: 'e1', delta: d },
        { kind: 'block' },
        { kind: 'block', ally: 'US' },
        { kind: 'delay', months: fixed(6) },
      ],
    });
    expect(scenario.rules[1]).toMatchObject({ id: 'r2', source: 'S1', enabled: true, when: { kind: 'all', of: [] } });
    expect(scenario.events).toEqual([
      { id: 'e1', label: 'E', source: 'assumption', historical: false, enabled: true, hazard: fixed(0.5), from: 2000, to: 2002, once: true, effects: [] },
      {
        id: 'e2', label: 'F', source: 'S27', historical: true, enabled: false, hazard: fixed(0.5), from: 2001, to: 2001, once: false,
        when: { kind: 'stage', is: 'idle' }, effects: [],
      },
    ]);
    expect(warnings).toContain('rules.r1.source not set: using "assumption"');
    expect(warnings).toContain('events.e1.source not set: using "assumption"');
  });

  it('warns once of fact-sheet ids that nothing defines, and not of ids the file defines or of free citations', async () => {
    const { warnings } = await loaded(
      withLines('sources: { S77: "A letter of 1990, in the file" }', 'observed: { outcome: no_application, year: 2002, source: "S99 (p. 3), S77; S31, S120, S99; a memoir" }'),
    );
    expect(warnings.filter((w) => w.startsWith('cites'))).toEqual([
      "cites S99, S120, which neither the fact sheet (S1–S50; article10 sources) nor the file's sources define: a reader cannot look them up",
    ]);
    const clean = await loaded(withLines('observed: { outcome: no_application, year: 2002, source: "S31; Kennan 1997" }'));
    expect(clean.warnings.filter((w) => w.startsWith('cites'))).toEqual([]);
  });

  it("warns of a file-style id that the file's sources do not define (K9 where K1 is), not of one they do", async () => {
    const { warnings } = await loaded(withLines('sources: { K1: "Kennan, NYT 1997-02-05" }', 'observed: { outcome: no_application, year: 2002, source: "K1; K9, S31" }'));
    expect(warnings.filter((w) => w.startsWith('cites'))).toEqual([
      "cites K9, which neither the fact sheet (S1–S50; article10 sources) nor the file's sources define: a reader cannot look it up",
    ]);
  });

  it('warns of an ending dated to the horizon that the record gives at an earlier year, and scores it: not of one given at the horizon', async () => {
    const observedWarnings = async (line: string) => (await loaded(withLines(line))).warnings.filter((w) => w.startsWith('observed:'));
    expect(await observedWarnings('observed: { outcome: map_stalled, year: 2001, source: S31 }')).toEqual([
      'observed: map_stalled is how a branch stands at the horizon (2002), while the record is given at 2001: P(observed) reads "not a member by 2001" and the outcome Brier score reads the endings at 2002; a horizon of 2001 scores both at the year the record stands at',
    ]);
    expect(await observedWarnings('observed: { outcome: map_stalled, year: 2002, source: S31 }')).toEqual([]);
    // A veto or a withdrawal has its own year in a branch: given earlier, it is no warning.
    expect(await observedWarnings('observed: { outcome: vetoed, year: 2001, source: S31 }')).toEqual([]);
  });

  it('warns of a named procedure that was not in force on the decision date, and not of the one that was', async () => {
    const warned = async (procedure: string) => (await loaded(withLines('process:', `  procedure: ${procedure}`))).warnings.filter((w) => w.startsWith('process.procedure'));
    expect(await warned('fast_track')).toEqual(['process.procedure fast_track dates from 2022-02-24, but the decision on 2000-01-01 fell under map: every year is run under fast_track, a counterfactual procedure']);
    expect(await warned('council')).toEqual(['process.procedure council gave way on 1995-09-03 to study, but the decision on 2000-01-01 fell under map: every year is run under council, a counterfactual procedure']);
    expect(await warned('map')).toEqual([]);
  });

  it("warns that a co-candidate's own vote and ratification values are never used, and not of its name and date", async () => {
    const text = withLines('allies:', '  - { code: XX, name: Neighbour, joined: 2001-06-01, consent: 0, objection: veto }', '  - { code: XY, name: Other, joined: 2001-06-01 }');
    const { warnings } = await loaded(text.replace('  code: RU\n', '  code: RU\n  coCandidates: [XX, XY]\n'));
    expect(warnings.filter((w) => w.includes('co-candidate'))).toEqual(["allies.XX: a co-candidate never votes on nor ratifies the candidate's accession, so its consent and objection are not used"]);
  });

  it('warns of an effect that names a co-candidate, which never acts on it; not of all Allies, of other Allies or of a member: condition', async () => {
    const text = withLines(
      'allies:',
      '  - { code: XX, name: Neighbour, joined: 2001-06-01 }',
      'rules:',
      '  - { id: cool, text: C, source: S1, when: { member: XX }, effects: [{ kind: consent, allies: [US, XX], delta: -0.2 }, { kind: consent, allies: all, delta: -0.1 }] }',
      '  - { id: stop, text: S, source: S1, effects: [{ kind: block, ally: XX }, { kind: block, ally: US }, { kind: block }] }',
      'events:',
      '  - { id: row, label: R, hazard: 0.5, source: S1, effects: [{ kind: block, ally: XX }] }',
    );
    const { warnings } = await loaded(text.replace('  code: RU\n', '  code: RU\n  coCandidates: [XX]\n'));
    expect(warnings.filter((w) => w.includes('co-candidate'))).toEqual([
      "rules.cool.effects[0].allies[1]: XX is a co-candidate, which never votes on nor ratifies the candidate's accession: this consent effect never acts on it",
      "rules.stop.effects[0].ally: XX is a co-candidate, which never votes on nor ratifies the candidate's accession: this block effect never acts on it",
      "events.row.effects[0].ally: XX is a co-candidate, which never votes on nor ratifies the candidate's accession: this block effect never acts on it",
    ]);
    // The same file without the co-candidate: XX votes, and every effect acts on it.
    expect((await loaded(text)).warnings.filter((w) => w.includes('co-candidate'))).toEqual([]);
  });

  it('warns of an event that can never fire: outside the decision window, or waiting for itself; not of one switched off', async () => {
    const { warnings } = await loaded(
      withLines(
        'events:',
        '  - { id: late, label: L, hazard: 0.5, source: S1, from: 2050, to: 2060 }',
        '  - { id: self, label: S, hazard: 0.5, source: S1, when: { all: [{ stage: idle }, { event: self }] } }',
        '  - { id: either, label: E, hazard: 0.5, source: S1, when: { any: [{ event: either }, { stage: idle }] } }',
        '  - { id: off, label: O, hazard: 0.5, source: S1, enabled: false, from: 1990, to: 1991 }',
      ),
    );
    expect(warnings.filter((w) => w.includes('never fires'))).toEqual([
      'events.late can happen only in 2050–2060, outside the decision window 2000–2002: it never fires',
      'events.self waits for itself (when: event self): it never fires',
    ]);
  });

  it('keeps sources, baseline, observed and the description', async () => {
    const { scenario } = await loaded(
      withLines('description: A note.', 'baseline: base.yaml', 'sources: { K1: "Kennan 1997" }', 'observed: { outcome: no_application, year: 2002, source: S31 }'),
    );
    expect(scenario).toMatchObject({
      description: 'A note.',
      baseline: 'base.yaml',
      sources: { K1: 'Kennan 1997' },
      observed: { outcome: 'no_application', year: 2002, source: 'S31' },
    });
  });
});
