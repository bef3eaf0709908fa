import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** Splits a CSV line that quotes at most whole cells (as csvTable writes them). */
function cells(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  for (;;) {
    const quoted = /^"((?:[^"]|"")*)"/.exec(rest);
    const cell = quoted ? quoted[1]!.replaceAll('""', '"') : rest.split(',')[0]!;
    out.push(cell);
    rest = rest.slice(quoted ? quoted[0].length : cell.length);
    if (!rest.startsWith(',')) return out;
    rest = rest.slice(1);
  }
}

function table(stdout: string): Record<string, string>[] {
  const [header, ...rows] = stdout.trimEnd().split('\n').map(cells);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('run --csv', () => {
  const r = cli(['run', 'russia-1990', 'russia-1990-common-home', '--runs', '200', '--csv']);

  it('keeps its first columns in place and appends the title and the rewrite distance', () => {
    expect(r.code).toBe(0);
    const header = cells(r.stdout.split('\n')[0]!);
    expect(header.slice(0, 4)).toEqual(['scenario', 'seed', 'runs', 'joined_share']);
    expect(header.slice(-2)).toEqual(['title', 'rewrite_distance']);
  });

  it('gives each scenario its title, and a distance only to the one that names a baseline', () => {
    const [history, rewrite] = table(r.stdout);
    expect(history!['title']).toMatch(/^1990: /);
    expect(history!['rewrite_distance']).toBe('');
    expect(rewrite!['title']).toMatch(/^1990, counterfactual/);
    expect(Number(rewrite!['rewrite_distance'])).toBeGreaterThan(0);
  });

  it('with --percent, the same shares as percentages', () => {
    const p = cli(['run', 'russia-1990', 'russia-1990-common-home', '--runs', '200', '--csv', '--percent']);
    expect(p.code).toBe(0);
    const fractions = table(r.stdout);
    const percents = table(p.stdout);
    for (const [i, row] of percents.entries()) {
      for (const column of Object.keys(row).filter((c) => /_(share|lo|hi)$/.test(c))) {
        expect(Number(row[column])).toBeCloseTo(Number(fractions[i]![column]) * 100, 6);
      }
      expect(row['runs']).toBe(fractions[i]!['runs']);
      expect(row['rewrite_distance']).toBe(fractions[i]!['rewrite_distance']);
    }
  });
});

describe('compare --csv --percent', () => {
  it('writes shares, differences and their interval as percentages; the counts stay counts', () => {
    const args = ['compare', 'russia-1990', 'russia-1990-common-home', '--runs', '200', '--csv'];
    const fractions = table(cli(args).stdout);
    const p = cli([...args, '--percent']);
    expect(p.code).toBe(0);
    const percents = table(p.stdout);
    expect(percents).toHaveLength(fractions.length);
    for (const [i, row] of percents.entries()) {
      for (const column of ['a_share', 'b_share', 'difference', 'lo', 'hi']) expect(Number(row[column])).toBeCloseTo(Number(fractions[i]![column]) * 100, 6);
      expect([row['a_only'], row['b_only']]).toEqual([fractions[i]!['a_only'], fractions[i]!['b_only']]);
    }
  });
});

describe('--percent without --csv', () => {
  it.each([['run', 'russia-1990'], ['compare', 'russia-1990', 'russia-2000']])('%s is refused: it would change nothing', (...args) => {
    const r = cli([...args, '--runs', '20', '--percent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('article10: --percent applies to --csv output; add --csv\n');
    expect(r.stdout).toBe('');
  });
});
