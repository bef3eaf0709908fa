import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, cliAsync } from '../helpers/cli.js';
import { resealed } from '../helpers/partials.js';

/**
 * `article10 merge` as a real process: shards written by `run`/`sweep --shard i/n` merge into
 * exactly the unsharded output, and a tampered or inconsistent part is refused with exit 2, one
 * line naming the part and what is wrong, no stack trace and nothing written. Each tampering is
 * tried twice: edited by hand (the checksum catches it) and edited then sealed again with a
 * fresh checksum (a forgery: the counts, the design or the shape must catch it).
 */
const DIR = mkdtempSync(join(tmpdir(), 'article10-merge-'));
const RUNS = '10000';
const SEED = '7';
const VARY = 'allies.US.consent=0.2:0.8:3';

const at = (...p: string[]) => join(DIR, ...p);
const read = (file: string) => readFileSync(at(file), 'utf8');
type Doc = Record<string, any>;

beforeAll(async () => {
  const runs = ['--runs', RUNS, '--seed', SEED];
  const jobs: string[][] = [];
  for (const i of [1, 2]) {
    jobs.push(['run', 'russia-1990', ...runs, '--shard', `${i}/2`, '--out', at(`run-${i}.json`)]);
    jobs.push(['sweep', 'russia-1990', '--vary', VARY, ...runs, '--shard', `${i}/2`, '--out', at(`sweep-${i}.json`)]);
    jobs.push(['run', 'russia-1990-common-home', ...runs, '--shard', `${i}/2`, '--out', at(`rewrite-${i}.json`)]);
  }
  jobs.push(['run', 'russia-1990', ...runs, '--json', '--out', at('run.json')]);
  jobs.push(['sweep', 'russia-1990', '--vary', VARY, ...runs, '--json', '--out', at('sweep.json')]);
  jobs.push(['sweep', 'russia-1990', '--vary', VARY, ...runs, '--csv', '--out', at('sweep.csv')]);
  jobs.push(['run', 'russia-1990-common-home', ...runs, '--out', at('rewrite.txt')]);
  // Two at a time: the machine's cores are shared with the other test files.
  for (let i = 0; i < jobs.length; i += 2) {
    for (const r of await Promise.all(jobs.slice(i, i + 2).map((args) => cliAsync(args)))) expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('merge gives exactly the unsharded output', () => {
  test('run --json, parts in any order', () => {
    const r = cli(['merge', at('run-2.json'), at('run-1.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(read('run.json'));
  });

  test('sweep --json and --csv', () => {
    expect(cli(['merge', at('sweep-1.json'), at('sweep-2.json'), '--json']).stdout).toBe(read('sweep.json'));
    expect(cli(['merge', at('sweep-1.json'), at('sweep-2.json'), '--csv']).stdout).toBe(read('sweep.csv'));
  });

  test('a counterfactual with its rewrite distance, as text', () => {
    expect(cli(['merge', at('rewrite-1.json'), at('rewrite-2.json')]).stdout).toBe(read('rewrite.txt'));
  });

  test('a backtest whose objections still stand at the horizon (its objectors are tallied there too)', () => {
    const parts = [1, 2].map((i) => {
      const r = cli(['run', 'backtests/poland-1999', '--runs', '4000', '--seed', SEED, '--shard', `${i}/2`, '--out', at(`held-${i}.json`)]);
      expect(r.code, r.stderr).toBe(0);
      return at(`held-${i}.json`);
    });
    const whole = cli(['run', 'backtests/poland-1999', '--runs', '4000', '--seed', SEED, '--json']);
    expect(JSON.parse(whole.stdout).outcomes.pending_at_horizon.count).toBeGreaterThan(0);
    const merged = cli(['merge', ...parts, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });

  test('a part re-indented (whitespace is not content) still merges', () => {
    const folder = at('pretty');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'part-2.json'), JSON.stringify(JSON.parse(read('run-2.json')), null, 2));
    const r = cli(['merge', at('run-1.json'), join(folder, 'part-2.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(read('run.json'));
  });
});

/**
 * Writes the parts of `kind` into a folder of their own as part-1.json, part-2.json, with `edit`
 * applied to those listed, and merges them there (relative names, as a user would type them).
 */
function mergeEdited(name: string, kind: 'run' | 'sweep' | 'rewrite', edit: (d: Doc) => void, o: { reseal: boolean; parts?: number[] }) {
  const folder = at(`${name}-${o.reseal ? 'forged' : 'edited'}`);
  mkdirSync(folder, { recursive: true });
  for (const i of [1, 2]) {
    const doc = JSON.parse(read(`${kind}-${i}.json`)) as Doc;
    const edited = (o.parts ?? [2]).includes(i);
    if (edited) edit(doc);
    writeFileSync(join(folder, `part-${i}.json`), edited && o.reseal ? resealed(doc) : JSON.stringify(doc));
  }
  return refused(['merge', 'part-1.json', 'part-2.json', '--json', '--out', 'merged.json'], folder);
}

/** Exit 2, one line on stderr (no stack trace), nothing on stdout, nothing written; returns the line. */
function refused(args: string[], cwd: string): string {
  const r = cli(args, { cwd });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^article10: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|internal error/);
  expect(existsSync(join(cwd, 'merged.json'))).toBe(false);
  return r.stderr.trim();
}

const EDITED = 'article10: part-2.json: its counts or settings do not match its checksum; was it edited? Run that shard again';
const exits = (d: Doc) => d['items'][0].tally.arrays.exits as { i: number[]; v: number[] };

describe('merge refuses tampered parts', () => {
  test('an outcome count larger than the runs (a share of 1.09)', () => {
    const edit = (d: Doc) => (exits(d).v[0]! += 6000);
    expect(mergeEdited('outcome-over-runs', 'run', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('outcome-over-runs', 'run', edit, { reseal: true })).toMatch(/^article10: part-2\.json \(russia-1990\): its outcome counts add up to \d+, not its 5904 branches$/);
  });

  test('outcome shares that add up to 0.73', () => {
    const edit = (d: Doc) => {
      const v = exits(d).v;
      v[v.indexOf(Math.max(...v))]! -= 2700;
    };
    expect(mergeEdited('shares-short', 'run', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('shares-short', 'run', edit, { reseal: true })).toBe('article10: part-2.json (russia-1990): its outcome counts add up to 3204, not its 5904 branches');
  });

  test('a funnel share of 33,333', () => {
    const edit = (d: Doc) => (d['items'][0].tally.arrays.funnel.v[0] = 333_330_000);
    expect(mergeEdited('funnel', 'run', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('funnel', 'run', edit, { reseal: true })).toBe('article10: part-2.json (russia-1990): its funnel counts 333330000 branches interested, more than the 5904 it ran');
  });

  test('a sweep row for a point no shard ran', () => {
    const extraPoint = (d: Doc) => {
      d['sweep'].design.points.push([0.9]);
      d['tallies'].push(structuredClone(d['tallies'][0]));
    };
    expect(mergeEdited('extra-point', 'sweep', extraPoint, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('extra-point', 'sweep', extraPoint, { reseal: true, parts: [1, 2] })).toBe('article10: part-1.json: its sweep design has 4 points; its vary list gives 3');
    const extraTally = (d: Doc) => d['tallies'].push(structuredClone(d['tallies'][0]));
    expect(mergeEdited('extra-tally', 'sweep', extraTally, { reseal: true })).toBe('article10: part-2.json: it has 4 tallies for the 3 points of its sweep');
  });

  test('a garbled rewrite block', () => {
    const edit = (d: Doc) => (d['items'][0].rewrite.changes = 'garbled');
    expect(mergeEdited('rewrite', 'rewrite', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('rewrite', 'rewrite', edit, { reseal: true, parts: [1, 2] })).toBe('article10: part-1.json: damaged partial document at items[0].rewrite.changes: expected a list, got "garbled"');
    const score = (d: Doc) => (d['items'][0].rewrite.score = 1);
    expect(mergeEdited('rewrite-score', 'rewrite', score, { reseal: true, parts: [1, 2] })).toMatch(/^article10: part-1\.json: the rewrite distance of russia-1990-common-home scores 1, but its terms add up to 10\.46\d*$/);
  });

  test('a sweep design without vary', () => {
    const edit = (d: Doc) => delete d['sweep'].design.vary;
    expect(mergeEdited('no-vary', 'sweep', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('no-vary', 'sweep', edit, { reseal: true, parts: [1, 2] })).toBe('article10: part-1.json: damaged partial document at sweep.design.vary: missing required field');
  });

  test('an unknown parameter path in a sweep design', () => {
    const edit = (d: Doc) => (d['sweep'].design.vary[0].path = 'allies.XX.consent');
    expect(mergeEdited('unknown-path', 'sweep', edit, { reseal: false })).toBe(EDITED);
    expect(mergeEdited('unknown-path', 'sweep', edit, { reseal: true, parts: [1, 2] })).toMatch(
      /^article10: part-1\.json: its sweep design cannot be run: allies\.XX\.consent: no such parameter in russia-1990; did you mean "allies\.US\.consent"\?/,
    );
  });

  test('a forged scenario: a horizon 10 million years out, a key that reaches a prototype, an unknown distribution', () => {
    // All three parts forged alike (they must agree to be merged): refused at once, in words, before any compiling.
    const all = { reseal: true, parts: [1, 2, 3] };
    const far = (d: Doc) => (d['items'][0].scenario.decisionPoint.horizon = 10_000_000);
    expect(mergeEdited('far-horizon', 'run', far, all)).toMatch(/^article10: part-1\.json: the scenario in it has a decision window from 1990 to 10000000: not one a scenario file can give/);
    // A year given as a mapping whose toString is not a function: telling it threw a TypeError, exit 1.
    const mappingYear = (d: Doc) => (d['items'][0].scenario.decisionPoint.year = { toString: false });
    expect(mergeEdited('mapping-year', 'run', mappingYear, all)).toMatch(/^article10: part-1\.json: the scenario in it has a decision window from a mapping to 2002: not one a scenario file can give/);
    const proto = (d: Doc) => (d['items'][0].scenario.candidate = JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(d['items'][0].scenario.candidate).slice(1)}`));
    expect(mergeEdited('own-proto', 'run', proto, all)).toMatch(/^article10: part-1\.json: the scenario in it has a key "__proto__"/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const unknown = (d: Doc) => (d['items'][0].scenario.candidate.interest = { dist: { kind: 'toString' } });
    expect(mergeEdited('unknown-dist', 'run', unknown, all)).toMatch(/^article10: part-1\.json: the scenario in it has a distribution of kind "toString"/);
  });

  test('a forged scenario with a field typed otherwise: a name that is a mapping, a date that is no date, a field the model has not', () => {
    // The summary read the name as text: a TypeError and a stack trace, exit 1.
    const all = { reseal: true, parts: [1, 2] };
    const name = (d: Doc) => (d['items'][0].scenario.candidate.name = { first: 'Russia' });
    expect(mergeEdited('name-mapping', 'run', name, all)).toBe(
      "article10: part-1.json: the scenario in it has a field typed as no loaded scenario has it (candidate.name: expected text, got a mapping): not one a scenario file can give, so not a shard of this tool's run",
    );
    const date = (d: Doc) => (d['items'][0].scenario.decisionPoint.date = 'soon');
    expect(mergeEdited('date-words', 'run', date, all)).toMatch(/^article10: part-1\.json: the scenario in it has a field typed as no loaded scenario has it \(decisionPoint\.date: expected a date YYYY-MM-DD\)/);
    const extra = (d: Doc) => (d['items'][0].scenario.candidate.nickname = 'Bear');
    expect(mergeEdited('extra-field', 'run', extra, all)).toMatch(/\(candidate: unknown field "nickname"\)/);
  });

  test('a part of 45 million values in one list: refused before it is parsed (the parse aborted the process)', () => {
    const folder = at('huge-list');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'part-1.json'), `{"format":"article10-partial/2","x":[${'1,'.repeat(45_000_000)}1]}`);
    copyFileSync(at('run-2.json'), join(folder, 'part-2.json'));
    expect(refused(['merge', 'part-1.json', 'part-2.json', '--json', '--out', 'merged.json'], folder)).toBe(
      'article10: part-1.json: holds more than 40,000,000 values, far more than a shard of the largest sweep; it is not a partial document of article10',
    );
    rmSync(join(folder, 'part-1.json'));
  });

  test('a count that is not a whole number', () => {
    expect(mergeEdited('fraction', 'run', (d) => (exits(d).v[0] = 1.5), { reseal: true })).toBe(
      'article10: part-2.json: damaged partial document at items[0].tally.arrays.exits.v[0]: expected a whole number from 0 to 9007199254740991, got 1.5',
    );
  });
});

describe('merge refuses parts that do not belong together', () => {
  test('a different seed', () => {
    expect(mergeEdited('seed', 'run', (d) => (d['seed'] = '8'), { reseal: true })).toBe('article10: part-2.json does not belong with part-1.json: different seed ("8" vs "7")');
  });

  test('a different scenario, by fingerprint', () => {
    const edit = (d: Doc) => (d['items'][0].scenario.title = 'Another title');
    expect(mergeEdited('scenario', 'run', edit, { reseal: true })).toMatch(/^article10: part-2\.json does not belong with part-1\.json: different scenarios, --set values or baselines \(fingerprint [0-9a-f]{12} vs [0-9a-f]{12}\)$/);
  });

  test('another version', () => {
    expect(mergeEdited('version', 'run', (d) => (d['version'] = '0.0.1'), { reseal: true, parts: [1] })).toMatch(/^article10: part-1\.json was written by article10 0\.0\.1; this is .+: merge with the version that ran the shards$/);
  });

  test('a missing shard, and a shard given twice', () => {
    expect(refused(['merge', 'run-1.json', '--out', 'merged.json'], DIR)).toBe('article10: missing shard 2/2: every shard 1/2 to 2/2 is needed once');
    expect(refused(['merge', 'run-1.json', 'run-2.json', 'run-2.json', '--out', 'merged.json'], DIR)).toBe('article10: shard 2/2 is given twice: run-2.json and run-2.json');
  });
});
