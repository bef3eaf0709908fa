import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/scenario.js';
import { isAuthoringMap, scenarioToAuthoring, type AuthoringMap, type AuthoringValue } from '../../src/scenario/authoring.js';
import { isMergedMap, keyFieldOf } from '../../src/scenario/document-shape.js';
import type { PathSegment } from '../../src/scenario/located.js';
import { authoringYaml, completeDocument, countChanges, extendsReference, overrideDocument, savedHeader } from '../../src/scenario/override-document.js';
import { sampleScenario } from '../helpers/sample-scenario.js';

/** What `extends` does (scenario/merge.ts), on plain documents: the oracle for the diff. */
function merge(base: AuthoringValue, overlay: AuthoringValue, path: readonly PathSegment[]): AuthoringValue {
  const keyField = keyFieldOf(path);
  if (keyField !== undefined && Array.isArray(base) && Array.isArray(overlay)) {
    const out = [...(base as AuthoringMap[])];
    for (const entry of overlay as AuthoringMap[]) {
      const i = out.findIndex((e) => e[keyField] === entry[keyField]);
      if (i < 0) out.push(entry);
      else out[i] = merge(out[i]!, entry, [...path, i]) as AuthoringMap;
    }
    return out;
  }
  if (isAuthoringMap(base) && isAuthoringMap(overlay) && isMergedMap(path)) {
    const out: Record<string, AuthoringValue> = { ...base };
    for (const [k, v] of Object.entries(overlay)) out[k] = k in base ? merge(base[k]!, v, [...path, k]) : v;
    return out;
  }
  return overlay;
}

function edit(s: Scenario, f: (draft: any) => void): Scenario {
  const copy = structuredClone(s) as any;
  f(copy);
  return copy as Scenario;
}

const header = { extends: 'base.yaml', id: 'edited', title: 'Edited' };

describe('overrideDocument', () => {
  it('is the header alone when nothing changed', () => {
    expect(overrideDocument(sampleScenario(), sampleScenario(), header)).toEqual(header);
  });

  it('writes a changed param whole, and nothing else of its map', () => {
    const edited = edit(sampleScenario(), (d) => (d.candidate.interest = { dist: { kind: 'fixed', value: 0.5 }, source: 'assumption', note: 'was 0.3' }));
    expect(overrideDocument(sampleScenario(), edited, header)).toEqual({ ...header, candidate: { interest: { value: 0.5, source: 'assumption', note: 'was 0.3' } } });
  });

  it('names list entries by id or code and writes only their changed fields', () => {
    const edited = edit(sampleScenario(), (d) => {
      d.rules[0].enabled = false;
      d.allies[0].objection = 'holdout';
      d.events[0].hazard = { dist: { kind: 'fixed', value: 0.1 } };
    });
    const doc = overrideDocument(sampleScenario(), edited, header);
    expect(doc.rules).toEqual([{ id: 'istanbul-link', enabled: false }]);
    expect(doc.allies).toEqual([{ code: edited.allies[0]!.code, objection: 'holdout' }]);
    expect(doc.events).toEqual([{ id: 'chechnya2', hazard: 0.1 }]);
    expect(countChanges(doc)).toBe(3);
  });

  it('writes an Ally that took allyDefaults whole once it is edited', () => {
    const edited = edit(sampleScenario(), (d) => {
      d.allies[1].consent = { dist: { kind: 'fixed', value: 0.2 } };
      d.allies[1].defaulted = false;
    });
    const [entry] = overrideDocument(sampleScenario(), edited, header).allies as AuthoringMap[];
    expect(entry).toMatchObject({ code: edited.allies[1]!.code, consent: 0.2, objection: 'veto' });
    expect(Object.keys(entry!)).toEqual(expect.arrayContaining(['threat', 'holdoutLift', 'weights', 'ratification']));
  });

  it('merged over the base document gives the edited one (any edits the UI can make)', () => {
    const base = sampleScenario();
    const n = base.allies.length;
    const param = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ dist: { kind: 'fixed', value } })),
      fc.tuple(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true })).map(([min, max]) => ({ dist: { kind: 'uniform', min, max }, source: 'assumption' })),
    );
    const editArb = fc.oneof(
      fc.tuple(fc.constantFrom('interest', 'domesticOpposition', 'acceptsStandardPath', 'withdrawal'), param).map(([k, p]) => (d: any) => (d.candidate[k] = p)),
      fc.tuple(fc.nat(n - 1), fc.constantFrom('consent', 'threat', 'holdoutLift'), param).map(([i, k, p]) => (d: any) => (d.allies[i][k] = p)),
      fc.nat(n - 1).map((i) => (d: any) => (d.allies[i].objection = d.allies[i].objection === 'veto' ? 'holdout' : 'veto')),
      fc.tuple(fc.nat(2), fc.constantFrom('level', 'drift', 'threshold'), param).map(([i, k, p]) => (d: any) => (d.preconditions[i][k] = p)),
      fc.constant((d: any) => (d.rules[0].enabled = !d.rules[0].enabled)),
      fc.constant((d: any) => (d.events[0].enabled = !d.events[0].enabled)),
      param.map((p) => (d: any) => (d.events[0].hazard = p)),
    );
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 6 }), (edits) => {
        const edited = edit(base, (d) => edits.forEach((f) => f(d)));
        const { extends: _e, id: _i, title: _t, ...overlay } = overrideDocument(base, edited, header);
        const { id: _id, title: _title, ...expected } = scenarioToAuthoring(edited);
        const { id: _bid, title: _btitle, ...before } = scenarioToAuthoring(base);
        expect(merge(before, overlay, [])).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('extendsReference', () => {
  it('is a relative path for a source in the same folder or below', () => {
    expect(extendsReference('/a/b/base.yaml', '/a/b/mine.yaml', '/pkg/scenarios')).toBe('base.yaml');
    expect(extendsReference('/a/b/c/base.yaml', '/a/b/mine.yaml', '/pkg/scenarios')).toBe('c/base.yaml');
  });
  it('is bundled:<id> for a bundled source saved elsewhere, undefined for any other source', () => {
    expect(extendsReference('/pkg/scenarios/russia-2000.yaml', '/home/me/x.yaml', '/pkg/scenarios/')).toBe('bundled:russia-2000');
    expect(extendsReference('/pkg/scenarios/backtests/albania-2009.yaml', '/home/me/x.yaml', '/pkg/scenarios')).toBe('bundled:backtests/albania-2009');
    expect(extendsReference('/pkg/scenarios/kits/x.yaml', '/home/me/x.yaml', '/pkg/scenarios')).toBeUndefined();
    expect(extendsReference('/a/other/base.yaml', '/a/b/mine.yaml', '/pkg/scenarios')).toBeUndefined();
  });
});

describe('authoringYaml', () => {
  it('writes params and effects on one line and parses back to the same document', () => {
    const doc = completeDocument(sampleScenario(), { id: 'copy' });
    const text = authoringYaml(doc, ' a comment');
    expect(text.startsWith('# a comment\n')).toBe(true);
    expect(text).toContain('interest: { value: 0.3, source: S31 }');
    expect(text).toMatch(/- \{ kind: consent, allies: all, delta: \{ value: -0.2, source: S30 \} \}/);
    expect(parse(text)).toEqual(doc);
  });

  it('writes a value of -0 as 0', () => {
    const negativeZero = edit(sampleScenario(), (d) => {
      d.candidate.interest = { dist: { kind: 'fixed', value: -0 }, source: 'S31' };
    });
    const text = authoringYaml(completeDocument(negativeZero, { id: 'copy' }), ' a comment');
    expect(text).toContain('interest: { value: 0, source: S31 }');
  });
});

describe('savedHeader: the id and title of a saved copy', () => {
  const s = sampleScenario();
  const changed = edit(s, (d) => {
    d.candidate.interest = { dist: { kind: 'fixed', value: 0.42 }, source: 'assumption' };
  });

  it('marks the title "(edited)" only when a value differs', () => {
    expect(savedHeader(s, changed)).toEqual({ id: `${s.id}-edited`, title: `${s.title} (edited)` });
    // Saved or downloaded unchanged, a copy is not edited: its title stays the original's.
    expect(savedHeader(s, structuredClone(s))).toEqual({ id: `${s.id}-edited`, title: s.title });
  });

  it('says "-edited" and "(edited)" once, for a copy of a copy', () => {
    const saved = { ...s, id: `${s.id}-edited`, title: `${s.title} (edited)` };
    const again = { ...changed, id: saved.id, title: saved.title };
    expect(savedHeader(saved, again)).toEqual({ id: `${s.id}-edited`, title: `${s.title} (edited)` });
  });

  it('keeps a title the user gave, and the id a file name gives', () => {
    expect(savedHeader(s, { ...changed, title: 'Our team' }, 'team-b')).toEqual({ id: 'team-b', title: 'Our team' });
  });
});
