import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/issue.js';
import { issuesOf, MINIMAL, onlyIssue, withLines } from './helpers.js';

const rule = (when: string, ...effects: string[]) => ['rules:', '  - id: r1', '    text: t', `    when: ${when}`, '    effects:', ...effects.map((e) => `      - ${e}`)];

/** Meaning across fields: references, the roster, the decision window. */
describe('the checks report', () => {
  it('a duplicate ally code, at the repeat', async () => {
    const issue = await onlyIssue(withLines('allies:', '  - code: US', '  - code: US'));
    expect(issue).toMatchObject({ code: 'duplicate_id', line: 17, column: 11, path: 'allies[1].code' });
    expect(formatIssue(issue)).toBe('case.yaml:17:11: allies[1].code: duplicate ally code "US" (first at line 16)');
  });

  it('duplicate precondition, rule and event ids', async () => {
    const issues = await issuesOf(
      withLines(
        '  - { id: democracy, label: Again, level: 0.2 }',
        'rules:',
        '  - { id: r1, text: t, effects: [{ kind: interest, delta: 0.1 }] }',
        '  - { id: r1, text: t, effects: [{ kind: interest, delta: 0.1 }] }',
        'events:',
        '  - { id: e1, label: e, hazard: 0.1 }',
        '  - { id: e1, label: e, hazard: 0.1 }',
      ),
    );
    expect(issues.map((i) => [i.code, i.path, i.line, i.column, i.message])).toEqual([
      ['duplicate_id', 'preconditions[1].id', 15, 11, 'duplicate precondition id "democracy" (first at line 12)'],
      ['duplicate_id', 'rules[1].id', 18, 11, 'duplicate rule id "r1" (first at line 17)'],
      ['duplicate_id', 'events[1].id', 21, 11, 'duplicate event id "e1" (first at line 20)'],
    ]);
  });

  it('a former code with a name that gives no change of state', async () => {
    const issue = await onlyIssue(MINIMAL.replace('  code: RU\n', '  code: RU\n  formerCode: SU\n'));
    expect(issue).toMatchObject({ code: 'invalid_value', line: 11, path: 'candidate.formerCode' });
    expect(issue.message).toContain('needs a name that says when the state changed');
  });

  it('a co-candidate that is the candidate itself, a member already, or named twice', async () => {
    const issues = await issuesOf(MINIMAL.replace('  code: RU\n', '  code: RU\n  coCandidates: [RU, US, US]\n'));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['co_candidate_already_member', 'candidate.coCandidates[1]', 'US has been a NATO member since 1949-08-24, before the decision on 2000-01-01: a co-candidate is invited with the candidate, and a member votes on it'],
      ['invalid_value', 'candidate.coCandidates[0]', 'RU is the candidate itself, not a co-candidate'],
      ['invalid_value', 'candidate.coCandidates[2]', 'US is named twice as a co-candidate'],
    ]);
  });

  it('a co-candidate that is no Ally of the scenario: one joining after the horizon, one never on the roster', async () => {
    const issues = await issuesOf(MINIMAL.replace('  code: RU\n', '  code: RU\n  coCandidates: [EE, MT]\n'));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['unknown_reference', 'candidate.coCandidates[0]', 'co-candidate EE (Estonia) joins NATO on 2004-03-29, after the horizon 2002: a co-candidate is invited in the candidate\'s round and is a member by the horizon'],
      ['unknown_reference', 'candidate.coCandidates[1]', 'co-candidate "MT" is not on the roster of NATO members: list it under allies with the date it joins (joined) to name it as a co-candidate'],
    ]);
  });

  it('an Ally that joins after the horizon', async () => {
    const issue = await onlyIssue(withLines('allies:', '  - code: EE'));
    expect(issue).toMatchObject({ code: 'ally_joins_after_horizon', line: 16, column: 11, path: 'allies.EE.code' });
    expect(issue.message).toBe('EE joins on 2004-03-29, after the horizon 2002: it could never vote');
  });

  it('a hypothetical Ally whose own joined date is after the horizon', async () => {
    const issue = await onlyIssue(withLines('allies:', '  - { code: XX, name: Atlantis, joined: 2005-01-01 }'));
    expect(issue).toMatchObject({ code: 'ally_joins_after_horizon', line: 16, column: 41, path: 'allies.XX.joined' });
  });

  it('an Ally outside the roster without a name and date', async () => {
    const issue = await onlyIssue(withLines('allies:', '  - code: XX'));
    expect(issue).toMatchObject({ code: 'ally_not_in_roster', line: 16, column: 11, path: 'allies.XX.code' });
  });

  it('a rule naming an unknown precondition, suggesting the nearest', async () => {
    const issue = await onlyIssue(withLines(...rule('{ not: { met: democracyy } }', '{ kind: interest, delta: 0.1 }')));
    expect(issue).toMatchObject({ code: 'unknown_reference', line: 18, column: 25, path: 'rules.r1.when.not.met', expected: 'one of: democracy' });
    expect(issue.message).toBe('unknown precondition "democracyy"; did you mean "democracy"?');
  });

  it('a rule naming an unknown event', async () => {
    const issue = await onlyIssue(withLines(...rule('{ event: chechnya2 }', '{ kind: interest, delta: 0.1 }')));
    expect(issue).toMatchObject({ code: 'unknown_reference', line: 18, column: 20, path: 'rules.r1.when.event' });
    expect(issue.message).toBe('unknown event "chechnya2" (the scenario defines no events)');
  });

  it('a rule naming an unknown Ally, in a condition and in effects', async () => {
    const issues = await issuesOf(
      withLines(...rule('{ member: FI }', '{ kind: consent, allies: [US, XX], delta: -0.1 }', '{ kind: block, ally: SE }')),
    );
    expect(issues.map((i) => [i.path, i.line, i.column])).toEqual([
      ['rules.r1.when.member', 18, 21],
      ['rules.r1.effects[0].allies[1]', 20, 39],
      ['rules.r1.effects[1].ally', 21, 30],
    ]);
    expect(issues[0]!.message).toBe('"FI" is not an Ally in this scenario (not listed, and not a member by 2002)');
  });

  it('effects naming unknown preconditions and events', async () => {
    const issues = await issuesOf(
      withLines(
        'events:',
        '  - id: e1',
        '    label: e',
        '    hazard: 0.1',
        '    effects:',
        '      - { kind: precondition, precondition: minorities, delta: 0.1 }',
        '      - { kind: hazard, event: e2, delta: 0.1 }',
      ),
    );
    expect(issues.map((i) => [i.path, i.line, i.message])).toEqual([
      ['events.e1.effects[0].precondition', 20, 'unknown precondition "minorities"'],
      ['events.e1.effects[1].event', 21, 'unknown event "e2"; did you mean "e1"?'],
    ]);
  });

  it('weights keyed by unknown preconditions, at the key', async () => {
    const issues = await issuesOf(withLines('allyDefaults:', '  weights: { democracy: 0.2, minoritys: 0.1 }', 'allies:', '  - code: US', '    weights: { istanbul: 0.3 }'));
    expect(issues.map((i) => [i.path, i.line, i.column])).toEqual([
      ['allyDefaults.weights.minoritys', 16, 30],
      ['allies.US.weights.istanbul', 19, 16],
    ]);
  });

  it('a horizon before the first year', async () => {
    const issue = await onlyIssue(MINIMAL.replace('horizon: 2002', 'horizon: 1999'));
    expect(formatIssue(issue)).toBe('case.yaml:5:12: decisionPoint.horizon: horizon 1999 is before the first year 2000 (expected >= 2000)');
    expect(issue.code).toBe('horizon_before_year');
  });

  it('a horizon more than a century away', async () => {
    const issue = await onlyIssue(MINIMAL.replace('horizon: 2002', 'horizon: 2101'));
    expect(issue).toMatchObject({ code: 'horizon_too_far', line: 5, column: 12, expected: '<= 2100' });
  });

  it('an event window that ends before it starts', async () => {
    const issue = await onlyIssue(withLines('events:', '  - { id: e1, label: e, hazard: 0.1, from: 2002, to: 2001 }'));
    expect(issue).toMatchObject({ code: 'invalid_value', path: 'events.e1.from', line: 16, column: 44 });
  });

  it('the candidate listed among the Allies that would vote on it', async () => {
    // Decided in 1998, before Poland joined: a candidate then, listed as an Ally by mistake.
    const issue = await onlyIssue(MINIMAL.replace('code: RU', 'code: PL').replace('year: 2000', 'year: 1998') + 'allies:\n  - code: PL\n');
    expect(issue).toMatchObject({ code: 'candidate_listed_as_ally', line: 16, column: 11 });
    expect(issue.message).toBe('PL is the candidate: it cannot vote on its own accession');
  });

  it('a candidate that later joins is left out of the Allies that vote', async () => {
    const { loaded: load } = await import('./helpers.js');
    const l = await load(MINIMAL.replace('code: RU', 'code: PL').replace('year: 2000', 'year: 1998').replace('horizon: 2002', 'horizon: 2005'));
    expect(l.scenario.allies.map((a) => a.code)).not.toContain('PL');
    expect(l.scenario.allies.map((a) => a.code)).toContain('CZ');
  });
});
