import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/model/distribution.js';
import { formatIssue } from '../../src/scenario/issue.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { fileIssuesOf, fixture, issuesOf, MINIMAL } from './helpers.js';

const base = fixture('extends/base.yaml');

async function withSets(...sets: string[]) {
  const result = await loadScenarioFile(base, { sets });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

describe('--set', () => {
  it('sets a shorthand value', async () => {
    const { scenario, warnings } = await withSets('candidate.acceptsStandardPath=0.6');
    expect(scenario.candidate.acceptsStandardPath).toEqual(fixed(0.6));
    expect(warnings).not.toContain('candidate.acceptsStandardPath not set: using default 0.5');
  });

  it('replaces only the value of { value, source }, keeping the source', async () => {
    const { scenario } = await withSets('allies.US.consent=0.3', 'candidate.interest=0.4');
    expect(scenario.allies.find((a) => a.code === 'US')!.consent).toEqual(fixed(0.3, 'S23'));
    expect(scenario.candidate.interest).toEqual(fixed(0.4, 'S31'));
  });

  it('switches a rule off by id and reaches into a parameter', async () => {
    const { scenario } = await withSets('rules.istanbul-link.enabled=false', 'preconditions.democracy.level.value=0.7');
    expect(scenario.rules[0]!.enabled).toBe(false);
    expect(scenario.preconditions[0]!.level).toEqual(fixed(0.7, 'S38'));
  });

  it('moves the horizon, which brings in the Allies of the new window', async () => {
    const before = await withSets();
    const after = await withSets('decisionPoint.horizon=2010');
    expect(after.scenario.decisionPoint.horizon).toBe(2010);
    expect(after.scenario.allies.length - before.scenario.allies.length).toBe(9);
  });

  it('reads the value as YAML: a distribution', async () => {
    const { scenario } = await withSets('candidate.interest={dist: uniform, min: 0.2, max: 0.4}');
    expect(scenario.candidate.interest).toEqual({ dist: { kind: 'uniform', min: 0.2, max: 0.4 } });
  });

  it('reaches an unnamed list entry by index', async () => {
    const { scenario } = await withSets('rules.istanbul-link.effects.0.delta=-0.2');
    expect(scenario.rules[0]!.effects[0]).toMatchObject({ kind: 'consent', delta: fixed(-0.2, 'S30') });
  });

  it("reaches a named entry by its place in the file's list, not the roster's", async () => {
    const { scenario } = await withSets('allies.1.consent=0.3');
    const first = (await withSets()).scenario.allies;
    const edited = scenario.allies.filter((a, i) => JSON.stringify(a.consent) !== JSON.stringify(first[i]!.consent));
    expect(edited.map((a) => [a.code, a.consent])).toEqual([['UK', fixed(0.3)]]);
  });

  it('adds a roster Ally that the scenario does not list', async () => {
    const { scenario } = await withSets('allies.FR.consent=0.2');
    expect(scenario.allies.find((a) => a.code === 'FR')).toMatchObject({ consent: fixed(0.2), defaulted: false });
  });

  it('works on a file without extends or allies', async () => {
    const result = await loadScenarioFile(fixture('minimal.yaml'), { sets: ['allies.US.threat=0.3', 'title=Edited'] });
    expect(result.ok && result.value.scenario.title).toBe('Edited');
    expect(result.ok && result.value.scenario.allies.find((a) => a.code === 'US')!.threat).toEqual(fixed(0.3));
  });

  it("sets an Ally's weight or ratification that the file leaves to allyDefaults, the rest still from allyDefaults (as a sweep varies it)", async () => {
    const text = [
      'id: defaults',
      'title: Defaults',
      'decisionPoint: { year: 2000, horizon: 2002, label: d, context: d }',
      'candidate: { name: Russia, code: RU, interest: 0.3 }',
      'preconditions:',
      '  - { id: democracy, label: Democracy, level: 0.45 }',
      '  - { id: istanbul, label: Istanbul, level: 0.3 }',
      'allyDefaults:',
      '  weights: { democracy: 0.2, istanbul: 0.1 }',
      '  ratification: { procedure: Parliament, pass: 0.9, months: 6 }',
      'allies:',
      '  - { code: US, consent: 0.5 }',
    ].join('\n');
    const load = async (sets: string[]) => {
      const r = await loadScenarioText(text, fixture('in-memory.yaml'), { sets });
      if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
      return (code: string) => r.value.scenario.allies.find((a) => a.code === code)!;
    };
    // US is listed without weights or ratification; FR is not listed at all.
    const ally = await load(['allies.US.weights.democracy=0.4', 'allies.US.ratification.pass=0.5', 'allies.FR.weights.istanbul.value=0.3', 'allies.FR.ratification.months=2']);
    expect(ally('US').weights).toEqual({ democracy: fixed(0.4), istanbul: fixed(0.1) });
    expect(ally('US').ratification).toMatchObject({ procedure: 'Parliament', pass: fixed(0.5), months: fixed(6) });
    expect(ally('FR').weights).toEqual({ democracy: fixed(0.2), istanbul: fixed(0.3) });
    expect(ally('FR').ratification).toMatchObject({ pass: fixed(0.9), months: fixed(2) });
    // A path that is no parameter still needs its parent.
    const [issue] = await fileIssuesOf(base, { sets: ['allies.US.weigths.democracy=0.4'] });
    expect(issue).toMatchObject({ code: 'set_path_not_found', message: '--set allies.US.weigths.democracy=0.4: allies.US has no field "weigths"' });
  });

  it('reports a path whose parent does not exist, naming the argument', async () => {
    const [issue, ...rest] = await fileIssuesOf(base, { sets: ['candidate.interst.value=0.3'] });
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      code: 'set_path_not_found',
      message: '--set candidate.interst.value=0.3: candidate has no field "interst"; did you mean "interest"?',
      file: '--set',
      line: 0,
      column: 0,
      path: 'candidate.interst.value',
    });
    expect(formatIssue(issue!)).toBe('--set: candidate.interst.value: --set candidate.interst.value=0.3: candidate has no field "interst"; did you mean "interest"?');
  });

  it('reports a list entry that does not exist', async () => {
    const [issue] = await fileIssuesOf(base, { sets: ['rules.no-such-rule.enabled=false'] });
    expect(issue).toMatchObject({ code: 'set_path_not_found', message: '--set rules.no-such-rule.enabled=false: rules has no entry "no-such-rule"' });
    const [ally] = await fileIssuesOf(base, { sets: ['allies.XX.consent=0.1'] });
    expect(ally).toMatchObject({ code: 'set_path_not_found', message: '--set allies.XX.consent=0.1: allies has no entry "XX"' });
  });

  it('refuses a value set inside a distribution, or a distribution inside a value, naming the argument', async () => {
    const russia2000 = fileURLToPath(new URL('../../scenarios/russia-2000.yaml', import.meta.url));
    const [inDist, ...rest] = await fileIssuesOf(russia2000, { sets: ['preconditions.democracy_market.level.value=0.7'] });
    expect(rest).toEqual([]);
    expect(inDist).toMatchObject({ code: 'set_not_allowed', file: '--set', path: 'preconditions.democracy_market.level.value' });
    expect(inDist!.message).toBe(
      "--set preconditions.democracy_market.level.value=0.7: preconditions.democracy_market.level is a distribution here, with no single value to replace; set the parameter itself, e.g. --set preconditions.democracy_market.level=0.5 (a fixed value) or --set 'preconditions.democracy_market.level={dist: uniform, min: 0.2, max: 0.4}'",
    );
    const [inValue] = await fileIssuesOf(base, { sets: ['preconditions.democracy.level.dist=uniform'] });
    expect(inValue).toMatchObject({ code: 'set_not_allowed', file: '--set', path: 'preconditions.democracy.level.dist' });
    expect(inValue!.message).toMatch(/preconditions\.democracy\.level is a fixed value here; to give it a distribution, set the parameter itself/);
    // The parameter itself can be set either way.
    const fixedOne = await loadScenarioFile(russia2000, { sets: ['preconditions.democracy_market.level=0.7'] });
    expect(fixedOne.ok && fixedOne.value.scenario.preconditions.find((p) => p.id === 'democracy_market')!.level).toEqual(fixed(0.7));
  });

  it('reports an argument without =', async () => {
    const [issue] = await fileIssuesOf(base, { sets: ['candidate.interest'] });
    expect(issue).toMatchObject({ code: 'set_syntax', file: '--set', message: '--set candidate.interest: expected path=value, e.g. candidate.interest=0.3' });
  });

  it('refuses prototype keys in the path', async () => {
    const [issue] = await fileIssuesOf(base, { sets: ['candidate.__proto__.polluted=1'] });
    expect(issue).toMatchObject({ code: 'set_syntax', message: '--set candidate.__proto__.polluted=1: the key "__proto__" is not allowed' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('validates what it sets, and says which argument it came from', async () => {
    const [issue] = await fileIssuesOf(base, { sets: ['allies.US.consent=1.3'] });
    expect(issue).toMatchObject({ code: 'out_of_range', file: '--set', line: 0, column: 0, path: 'allies.US.consent.value' });
    expect(issue!.message).toBe('1.3 is not a probability: it must lie between 0 and 1 (from --set allies.US.consent=1.3)');
  });

  it('reports a new field the schema does not know, from the argument', async () => {
    const [issue] = await issuesOf(MINIMAL, { sets: ['candidate.intrest=0.3'] });
    expect(issue).toMatchObject({ code: 'unknown_field', file: '--set', path: 'candidate.intrest' });
    expect(issue!.message).toBe('unknown field "intrest"; did you mean "interest"? (from --set candidate.intrest=0.3)');
  });

  it('reports a value that is not valid YAML', async () => {
    const [issue] = await fileIssuesOf(base, { sets: ['candidate.interest=[0.3'] });
    expect(issue).toMatchObject({ code: 'yaml_syntax', file: '--set', line: 0, column: 0 });
    expect(issue!.message).toMatch(/\(from --set candidate\.interest=\[0\.3\)$/);
  });
});
