import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixed } from '../../src/model/distribution.js';
import { formatIssue } from '../../src/scenario/issue.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { fileIssuesOf, fixture, MINIMAL } from './helpers.js';

const ext = (name: string) => fixture(`extends/${name}`);

async function loadedFile(path: string, bundledDir?: string) {
  const result = await loadScenarioFile(path, bundledDir === undefined ? {} : { bundledDir });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

describe('extends', () => {
  it('merges allies by code, preconditions and rules by id, maps field by field', async () => {
    const { scenario, chain } = await loadedFile(ext('child.yaml'));
    expect(chain).toEqual([ext('child.yaml'), ext('base.yaml')]);
    expect(scenario.id).toBe('child');
    expect(scenario.decisionPoint.label).toBe('Base decision point');
    expect(scenario.candidate.interest).toEqual(fixed(0.25, 'S31'));

    const us = scenario.allies.find((a) => a.code === 'US')!;
    expect(us.consent).toEqual(fixed(0.3));
    expect(us.threat).toEqual(fixed(0.2, 'S46'));
    expect(scenario.allies.slice(0, 3).map((a) => [a.code, a.defaulted])).toEqual([
      ['US', false],
      ['UK', false],
      ['FR', false],
    ]);

    expect(scenario.preconditions.map((p) => [p.id, p.label, p.level])).toEqual([
      ['democracy', 'Democracy', fixed(0.7)],
      ['istanbul', 'Istanbul pledges', fixed(0.3)],
    ]);
    expect(scenario.rules).toHaveLength(1);
    expect(scenario.rules[0]).toMatchObject({ id: 'istanbul-link', enabled: false, source: 'S30' });
  });

  it('keeps the merged plain document, without extends', async () => {
    const { document } = await loadedFile(ext('child.yaml'));
    const doc = JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
    expect(doc['extends']).toBeUndefined();
    expect(doc['allies']).toEqual([
      { code: 'US', consent: 0.3, threat: { value: 0.2, source: 'S46' } },
      { code: 'UK', consent: 0.6 },
      { code: 'FR', consent: 0.4 },
    ]);
  });

  it('reports a bad value in the extending file at its position there', async () => {
    const [issue, ...rest] = await fileIssuesOf(ext('bad-child.yaml'));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'out_of_range', file: ext('bad-child.yaml'), line: 5, column: 14, path: 'allies.US.consent' });
  });

  it('reports a bad value in the base file at its position there', async () => {
    const [issue, ...rest] = await fileIssuesOf(ext('extends-bad-base.yaml'));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'out_of_range', file: ext('bad-base.yaml'), line: 11, column: 15, path: 'candidate.withdrawal' });
  });

  it('reports a cycle with the chain', async () => {
    const [issue, ...rest] = await fileIssuesOf(ext('cycle-a.yaml'));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'extends_cycle', file: ext('cycle-b.yaml'), line: 1, column: 10, path: 'extends' });
    expect(issue!.message).toBe(`extends cycle: ${ext('cycle-a.yaml')} -> ${ext('cycle-b.yaml')} -> ${ext('cycle-a.yaml')}`);
  });

  it('reports a missing file where extends names it', async () => {
    const [issue] = await fileIssuesOf(ext('missing.yaml'));
    expect(issue).toMatchObject({ code: 'extends_not_found', file: ext('missing.yaml'), line: 2, column: 10, path: 'extends' });
    expect(issue!.message).toBe(`extends "nowhere.yaml": no such file (${ext('nowhere.yaml')})`);
  });

  it('reports a directory', async () => {
    const [issue] = await fileIssuesOf(ext('to-dir.yaml'));
    expect(issue).toMatchObject({ code: 'is_directory', line: 2, column: 10, path: 'extends' });
    expect(issue!.message).toMatch(/^extends "subdir": is a directory, not a file/);
  });

  it('refuses an absolute path such as /etc/passwd', async () => {
    const [issue] = await fileIssuesOf(ext('passwd.yaml'));
    expect(issue).toMatchObject({ code: 'extends_outside', line: 2, column: 10, path: 'extends' });
    expect(issue!.message).toBe(`extends must be a relative path inside this file's folder, not "/etc/passwd"`);
  });

  it('refuses ../ leaving the folder', async () => {
    const [issue] = await fileIssuesOf(ext('nested/escape.yaml'));
    expect(issue).toMatchObject({ code: 'extends_outside', file: ext('nested/escape.yaml'), line: 2, column: 10 });
    expect(issue!.message).toBe(`"../base.yaml" is outside this file's folder: extends may only name files in it or below it`);
  });

  it('accepts a file in a folder below', async () => {
    const { chain, scenario } = await loadedFile(ext('below.yaml'));
    expect(chain).toEqual([ext('below.yaml'), ext('subdir/inner.yaml')]);
    expect(scenario.title).toBe('Below');
  });

  it('resolves bundled:<id> in the injected folder', async () => {
    const { chain, scenario } = await loadedFile(ext('uses-bundled.yaml'), fixture('bundled'));
    expect(chain).toEqual([ext('uses-bundled.yaml'), fixture('bundled/tiny.yaml')]);
    expect(scenario).toMatchObject({ id: 'uses-bundled', title: 'Uses a bundled scenario', candidate: { code: 'SU' } });
  });

  it('refuses a bundled id that is a path', async () => {
    const [issue] = await fileIssuesOf(ext('bad-bundled.yaml'), { bundledDir: fixture('bundled') });
    expect(issue).toMatchObject({ code: 'invalid_format', line: 2, column: 10, path: 'extends' });
  });

  describe('with symbolic links', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'article10-extends-'));
      await mkdir(join(dir, 'inside'));
      await writeFile(join(dir, 'outside.yaml'), MINIMAL);
      await symlink(join(dir, 'outside.yaml'), join(dir, 'inside', 'link.yaml'));
      await writeFile(join(dir, 'inside', 'child.yaml'), 'extends: link.yaml\nid: child\n');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a link that leads out of the folder', async () => {
      const [issue] = await fileIssuesOf(join(dir, 'inside', 'child.yaml'));
      expect(issue).toMatchObject({ code: 'extends_outside', line: 1, column: 10, message: `"link.yaml" leads outside this file's folder` });
    });
  });
});

describe('an entry whose name is close to one in the file it extends', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'article10-near-miss-'));
    // extends stays inside the extending file's folder.
    await copyFile(ext('base.yaml'), join(dir, 'base.yaml'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const child = async (name: string, rules: string) => {
    const path = join(dir, name);
    await writeFile(path, `extends: base.yaml\nid: near\nrules:\n${rules}`);
    return path;
  };

  it('is a likely typo when it is incomplete: one issue at its id, naming the base entry', async () => {
    const issues = await fileIssuesOf(await child('typo.yaml', '  - id: istanbul-lnk\n    enabled: false\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'not_in_base', path: 'rules.istanbul-lnk.id', line: 4, column: 9 });
    expect(issues[0]!.message).toContain('did you mean "istanbul-link"?');
  });

  it('is a new entry when it is complete', async () => {
    const rule = '  - id: istanbul-lnk\n    text: A second link.\n    source: assumption\n    when: { met: istanbul }\n    effects:\n      - { kind: consent, allies: all, delta: 0.05 }\n';
    const { scenario } = await loadedFile(await child('new.yaml', rule));
    expect(scenario.rules.map((r) => r.id)).toEqual(['istanbul-link', 'istanbul-lnk']);
  });
});
