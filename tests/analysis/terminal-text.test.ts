import { beforeAll, describe, expect, test } from 'vitest';
import { summaryText } from '../../src/analysis/summary/text.js';
import { runScenario } from '../../src/batch/run.js';
import { OUTCOME_LABELS } from '../../src/model/outcome.js';
import type { Results } from '../../src/model/results.js';
import { scenario } from './helpers.js';

/** Characters as a terminal counts them: every character here (█, ▏, …) takes one cell. */
const cells = (line: string) => [...line].length;
const BARS = /[█▏▎▍▌▋▊▉]/;

describe('the summary of a run, in a terminal and in a file', () => {
  let r: Results;
  beforeAll(async () => {
    // 1990: long blocker reasons, a share in every outcome's row, and branches that join.
    r = await runScenario(await scenario('russia-1990'), { seed: '1', runs: 4000, workers: 1 });
  });

  test.each([60, 80, 100, 132])('at %i columns no line is wider than the terminal', (width) => {
    const text = summaryText(r, { width });
    const wide = text.split('\n').filter((line) => cells(line) > width);
    expect(wide).toEqual([]);
  });

  test('at 80 columns a label or a reason too long for its column wraps under it, whole; none is cut', () => {
    const text = summaryText(r, { width: 80 });
    expect(text).toContain(`  ${OUTCOME_LABELS.joined} `);
    expect(text).not.toContain('…');
    // The outcome's label goes on under itself, two cells in, its numbers on its first line.
    expect(text).toMatch(/^ {2}Pending at horizon \(objection or ratification[a-z ]*\d+\.\d+% +\[[^\n]*\n {4}[a-z ]*\)$/m);
    // Every blocker's reason is there, word for word.
    const flat = text.replace(/\s+/g, ' ');
    for (const b of r.blockers.slice(0, 8)) expect(flat).toContain(b.reason.label.replace(/\s+/g, ' '));
    // The funnel's labels are short: its bars fit beside them.
    expect(text.split('\n').find((l) => l.startsWith('  Applied '))).toMatch(BARS);
  });

  test('a wide terminal draws a bar beside each outcome that has a share', () => {
    const text = summaryText(r, { width: 132 });
    const row = text.split('\n').find((l) => l.startsWith(`  ${OUTCOME_LABELS.vetoed} `))!;
    expect(row).toMatch(BARS);
    expect(text).toContain(`  ${OUTCOME_LABELS.pending_at_horizon} `);
  });

  test('in a file or a pipe (no width) every label and reason is whole, the numbers before the reason', () => {
    const text = summaryText(r);
    expect(text).not.toContain('…');
    const reason = r.blockers[0]!.reason.label;
    const row = text.split('\n').find((l) => l.includes(reason))!;
    // outcome, who, share, mean year, then the reason: a long reason never pushes the numbers away.
    expect(row.indexOf('%')).toBeLessThan(row.indexOf(reason));
    expect(row).toContain(r.blockers[0]!.meanYear.toFixed(0));
  });

  test('a prose line wraps at the terminal with its later lines further in, and is one line in a file', () => {
    const line = (text: string) => text.split('\n').findIndex((l) => l.startsWith('  Tracks taken on applying'));
    const narrow = summaryText(r, { width: 60 }).split('\n');
    const at = line(narrow.join('\n'));
    expect(narrow[at + 1]).toMatch(/^ {4}\S/);
    const whole = summaryText(r).split('\n');
    expect(whole[line(whole.join('\n')) + 1]).not.toMatch(/^ {4}\S/);
  });
});

describe('the comparison, in a terminal and in a file', () => {
  test('fits the terminal, keeping the spaces that align its columns, and is whole in a file', async () => {
    const { compareScenarios } = await import('../../src/analysis/compare/run.js');
    const { compareText } = await import('../../src/analysis/compare/text.js');
    const c = await compareScenarios(await scenario('russia-1990'), await scenario('russia-1990-common-home'), { seed: '1', runs: 2000 });
    for (const width of [60, 80, 100]) {
      const lines = compareText(c, { width }).split('\n');
      expect(lines.filter((line) => cells(line) > width && !line.startsWith('  ! '))).toEqual([]);
      // The two spaces after the side's letter stay, as in a file.
      expect(lines.some((l) => l.startsWith('  A  russia-1990: 1990: Gorbachev'))).toBe(true);
      // Each reason whole: beside its numbers, or under them where the column would be too narrow.
      const flat = lines.join(' ').replace(/\s+/g, ' ');
      for (const b of c.blockers) expect(flat).toContain(b.reason.label.replace(/\s+/g, ' '));
    }
    // At 60 columns a reason has too little room beside the numbers: it goes under them.
    expect(compareText(c, { width: 60 })).toMatch(/^ {2}outcome +who +A +B +B - A\n {2}\S+ +[A-Z]+ +[\d.]+% +[\d.]+% +[-+]?[\d.]+ pts\n {4}[a-zA-Z]/m);
    const whole = compareText(c);
    expect(whole).not.toContain('…');
    expect(whole).toContain(`  ${OUTCOME_LABELS.pending_at_horizon} `);
    expect(whole).toContain('  B - A      difference of shares over the same branches (paired): a change caused by the differing assumptions, not by noise between runs\n');
  });
});

describe('a story, in a terminal and in a file', () => {
  test('wraps each line under its text, not under its year, and keeps a line per event in a file', async () => {
    const { compile, traceBranch } = await import('../../src/engine/index.js');
    const { storyText, tellStory } = await import('../../src/analysis/explain/story.js');
    const model = compile(await scenario('russia-1990'));
    const story = tellStory(model, '1', traceBranch(model, '1', 3));
    const narrow = storyText(story, { width: 80 }).split('\n');
    // Only a word longer than the line (a web address) may run past it, whole.
    expect(narrow.filter((l) => cells(l) > 80 && !/\S{60,}/.test(l))).toEqual([]);
    const first = narrow.findIndex((l) => l.startsWith('1990  '));
    expect(narrow[first + 1]).toMatch(/^ {6}\S/);
    const whole = storyText(story).split('\n');
    expect(whole.filter((l) => /^\d{4}  | {6}\S/.test(l))).toHaveLength(story.lines.length);
  });
});

describe('the sensitivity report, in a terminal and in a file', () => {
  test('fits 80 columns, its paths cut in the middle to keep the bars; in a file its prose is whole', async () => {
    const { runSensitivity } = await import('../../src/analysis/sensitivity/run.js');
    const { parseMeasure, uncertainFactors } = await import('../../src/analysis/design/factors.js');
    const { sensitivityText } = await import('../../src/analysis/sensitivity/tornado.js');
    const s = await scenario('russia-1990');
    const report = await runSensitivity(s, uncertainFactors(s), { seed: '1', runs: 500, measure: parseMeasure('vetoed')!, trajectories: 2, morrisRuns: 100 });
    for (const width of [80, 100]) {
      const lines = sensitivityText(report, s, { width }).split('\n');
      expect(lines.filter((l) => cells(l) > width)).toEqual([]);
    }
    const whole = sensitivityText(report, s);
    expect(whole).toContain('One at a time (tornado): each parameter fixed at the low end of its range (░), then at the high end (█);\n');
    // In a file every path is whole, however long, in the tornado and in the Morris table.
    expect(whole).not.toContain('…');
    const long = report.swings.slice(0, 10).map((x) => x.path).filter((p) => p.length > 32);
    expect(long.length).toBeGreaterThan(0);
    for (const path of long.slice(0, 3)) expect(whole).toContain(`  ${path}  `);
  });
});

describe('the list of scenarios', () => {
  const rows = [
    { file: 'a.yaml', id: 'russia-2000-stands-in-line', year: 2000, horizon: 2012, label: "Putin, Robertson, Clinton: 'When are you going to invite us?'", title: '2000, counterfactual: Putin applies and takes the MAP like any aspirant' },
    { file: 'b.yaml', id: 'russia-1954', year: 1954, horizon: 1965, label: "Molotov's note to the Western governments", title: "1954: Molotov's note - the USSR would 'consider' joining NATO" },
  ];

  test('is a table in a file or a wide terminal, and a scenario to a few lines in a narrow one', async () => {
    const { listLines } = await import('../../src/cli/commands/list.js');
    const table = listLines(rows, Infinity);
    expect(table[0]).toMatch(/^scenario +decision point +horizon +title$/);
    expect(listLines(rows, 200)).toEqual(table);
    const narrow = listLines(rows, 80);
    expect(narrow.every((l) => cells(l) <= 80)).toBe(true);
    expect(narrow[0]).toBe('russia-2000-stands-in-line  2000-2012');
    expect(narrow).toContain("  decision point: Molotov's note to the Western governments");
  });
});

describe('the list of backtest cases', () => {
  const rows = [
    { name: 'backtests/west-germany-1955', file: 'backtests/west-germany-1955.yaml', id: 'backtest-west-germany-1955', candidate: 'West Germany', year: 1954, horizon: 1958, label: "The French Assembly rejects the EDC; Bonn's defence contribution must go through NATO", title: 'Backtest: West Germany', observed: { outcome: 'joined', year: 1955, date: '1955-05-06' } },
    { name: 'backtests/georgia-2008', file: 'backtests/georgia-2008.yaml', id: 'backtest-georgia-2008', candidate: 'Georgia', year: 2008, horizon: 2020, label: "Bucharest: Georgia 'will become' a member, but no MAP", title: 'Backtest: Georgia', observed: { outcome: 'map_stalled', year: 2020 } },
  ];

  test('is a table in a file or a wide terminal, and a case to a few lines in a narrow one', async () => {
    const { backtestLines } = await import('../../src/cli/commands/list.js');
    const table = backtestLines(rows, Infinity);
    expect(table[0]).toMatch(/^case +decision point +horizon +what happened$/);
    expect(table[1]).toMatch(/ +1958 +joined 1955-05-06$/);
    const narrow = backtestLines(rows, 60);
    expect(narrow.every((l) => cells(l) <= 60)).toBe(true);
    expect(narrow[0]).toBe('backtests/west-germany-1955  1954-1958  joined 1955-05-06');
    expect(narrow).toContain('backtests/georgia-2008  2008-2020  map_stalled by 2020');
  });
});

describe('the sweep, in a terminal and in a file', () => {
  // The sweep as `merge` prints it from one shard: exactly the unsharded output, at the width asked.
  const sweepLines = async (vary: string[], width?: number) => {
    const { sweepParts } = await import('../helpers/partials.js');
    const { parseVary } = await import('../../src/analysis/sweep/run.js');
    const { mergedOutput } = await import('../../src/cli/commands/merge.js');
    const set = sweepParts(await scenario('russia-1990-common-home'), { runs: 300, shards: 1, seed: '1', vary: vary.map(parseVary) });
    return mergedOutput(set.parts, { width }).split('\n');
  };
  const headerOf = (lines: readonly string[]) => lines.find((l) => l.trimStart().startsWith('# '))!;

  test('leaves out its lesser columns to fit, says which, and keeps the point, the values and the joined share', async () => {
    const vary = ['allies.US.consent=0.2:0.8:3', 'process.cohesion=0.2:0.8:2'];
    const whole = await sweepLines(vary);
    expect(headerOf(whole)).toMatch(/joined +no appl\. +withdrawn +stalled +vetoed +rat\. failed +pending +joined 95%$/);
    expect(whole.join('\n')).not.toContain('Left out');
    for (const width of [60, 80, 100]) {
      const lines = await sweepLines(vary, width);
      expect(lines.filter((l) => cells(l) > width)).toEqual([]);
      expect(headerOf(lines)).toMatch(/^ {2}# +allies\.US\.consent +process\.cohesion +joined/);
    }
    const narrow = await sweepLines(vary, 80);
    // The interval goes first, then the outcomes whose largest share is least (pending has none); vetoed, the commonest, stays.
    expect(narrow.join('\n')).toMatch(/Left out to fit the terminal: joined 95%, pending, /);
    expect(headerOf(narrow)).toMatch(/ vetoed$/);
  });

  test('cuts long varied paths in the middle when even the kept columns do not fit', async () => {
    const vary = ['preconditions.democracy_market.threshold=0.2:0.8:2', 'rules.gorbachev-proposal.effects.0.delta=0:0.5:2', 'process.specialTrack.consentPenalty=0:0.3:2'];
    const lines = await sweepLines(vary, 60);
    expect(lines.filter((l) => cells(l) > 60)).toEqual([]);
    expect(headerOf(lines)).toMatch(/^ {2}# +precon\S*…\S*reshold /);
    // In a file the paths are whole.
    expect(headerOf(await sweepLines(vary))).toContain(' preconditions.democracy_market.threshold ');
  });
});

describe('scenario discovery, in a terminal and in a file', () => {
  test('fits the terminal, the trade-off wrapping a box under its column and the meaning giving way first; whole in a file', async () => {
    const { runDiscovery } = await import('../../src/analysis/discover/run.js');
    const { parseMeasure, uncertainFactors } = await import('../../src/analysis/design/factors.js');
    const { discoveryText } = await import('../../src/analysis/discover/text.js');
    const s = await scenario('russia-1990-common-home');
    const r = await runDiscovery(s, uncertainFactors(s), { seed: '1', samples: 400, runs: 200, boxes: 2, measure: parseMeasure('joined')! });
    expect(r.boxes.length).toBeGreaterThan(0);
    const whole = discoveryText(r, s).split('\n');
    // In a file: the method is one line, the sampled ranges are given, and no box is cut.
    expect(whole.find((l) => l.startsWith('Method: '))).toMatch(/further boxes by covering\.$/);
    expect(whole.find((l) => l.trimStart().startsWith('parameter '))).toMatch(/ sampled +meaning$/);
    expect(whole.join('\n')).not.toMatch(/…|Left out/);
    for (const width of [60, 80]) {
      const lines = discoveryText(r, s, { width }).split('\n');
      expect(lines.filter((l) => cells(l) > width)).toEqual([]);
      // Every restriction of the trade-off is there whole, if on more lines.
      const steps = r.boxes[0]!.tradeoff.at(-1)!.restrictions.map((x) => x.path);
      const text = lines.join(' ').replace(/\s+/g, ' ');
      for (const path of steps) expect(text).toContain(path);
    }
    expect(discoveryText(r, s, { width: 80 })).toContain('Left out to fit the terminal: sampled;');
  });
});
