import { listInWords } from '../../model/names.js';
import { fitColumns, fitTable, fitWidth, prose } from '../../report/fit.js';
import { integer, interval, moveText, pct, points } from '../../report/format.js';
import type { ChangeLine, RewriteReport } from './run.js';
import { missesOnFreshSeed } from './fresh-seed.js';
import { rewriteVerdict } from './verdict.js';
import { parseSwitchPath } from '../../scenario/switch-paths.js';

/** Whether the fresh seed's whole 95% interval lies on the wrong side of the target's threshold. */

/** The search's answer for a reader: the rewrite in a sentence, each change's part, the front as a table and a chart. */
export function rewriteText(r: RewriteReport, options: { readonly width?: number } = {}): string {
  const width = fitWidth(options.width);
  const out: string[] = [];
  const say = (text: string) => out.push(...prose(text, width));
  say(`${r.title} (${r.scenario}): the least rewrite for ${r.target}`);
  say(`Start: ${pct(r.start.share)} ${interval(r.start.ci95)}, seed ${r.seed}, ${integer(r.runs)} branches per evaluation.`);
  out.push('');
  const rw = r.rewrite;
  const verdict = rewriteVerdict(r);
  if (verdict === 'met_at_start') {
    say(`The start already meets the target: nothing needs rewriting.`);
  } else if (verdict === 'found') {
    say(`Had ${rewriteSentence(rw.changes)}, ${r.target.split(' ')[0]} would reach ${pct(rw.search.share, 0)} ${interval(rw.search.ci95, 0)}.`);
    say(`Rewrite distance ${rw.distance.toFixed(2)}.`);
  } else {
    say(`Not within rewrite distance ${r.maxDistance} and ${r.maxChanges} changes: no rewrite the search tried reaches ${r.target}.`);
    if (verdict === 'closest') {
      say(`The closest it came: had ${rewriteSentence(rw.changes)}, ${pct(rw.search.share, 0)} ${interval(rw.search.ci95, 0)} at distance ${rw.distance.toFixed(2)}.`);
    } else if (rw.changes.length > 0) {
      say(`No rewrite it tried moved the share from ${pct(r.start.share)}. The furthest it got along the way (the funnel stages before the target): had ${rewriteSentence(rw.changes)}, at distance ${rw.distance.toFixed(2)}.`);
    }
  }
  say(`Verification on a fresh seed (${rw.verification.seed}): ${pct(rw.verification.share)} ${interval(rw.verification.ci95)}; search: ${pct(rw.search.share)} ${interval(rw.search.ci95)}.`);
  if (r.found && rw.changes.length > 0 && missesOnFreshSeed(r)) {
    say(`On the fresh seed the rewrite falls short of the target, beyond chance: the search's own branches favoured it. More --runs give an answer that holds.`);
  }
  if (rw.changes.length > 0) {
    out.push('');
    out.push('Each change\'s part (the share with it left out, all others kept):');
    const parts = fitColumns(
      ['change', 'from', 'to', 'size', 'without it', 'its part'],
      rw.changes.map((c) => [c.kind === 'param' ? `${c.label} (${c.path})` : c.path, c.from, c.to, c.kind === 'switch' ? 'switch (1)' : moveText(c.z, c.scale, 1), pct(c.without), `${points(rw.search.share - c.without)} pts`]),
      width,
      { right: new Set([3, 4, 5]), drop: [4], indent: '' },
    );
    out.push(...parts.lines);
    if (parts.dropped.length > 0) say(`(left out to fit the terminal: ${parts.dropped.join(', ')}; --json gives it)`);
  }
  out.push('');
  say(`Pareto front: rewrite distance against the share of ${r.target.split(' ')[0]} (${r.front.length} points of ${integer(r.evaluations)} evaluated)`);
  out.push(...fitTable(['distance', 'share', 'changes'], r.front.map((p) => ({ cells: [p.distance.toFixed(2), pct(p.share), p.changes.join('; ') || '(none)'] })), width, { right: new Set([0, 1]), elastic: 2, minElastic: 12, indent: '', wrap: true }));
  out.push('');
  const chart = frontChart(r);
  // A terminal too narrow for the chart's legend beside its axis gets it on a line of its own.
  const axis = chart.at(-1)!;
  const legend = axis.indexOf('  rewrite distance');
  if (axis.length > width && legend > 0) out.push(...chart.slice(0, -1), axis.slice(0, legend), ...prose(axis.slice(legend).trim(), width, '      '));
  else out.push(...chart);
  out.push('');
  say(`Search: ${integer(r.evaluations)} scenario evaluations, ${integer(r.branches)} branches, ${r.rounds} rounds over ${r.levers.parameters} parameters and ${r.levers.switches} switches, a beam of ${r.beam}.`);
  if (r.seeds.length > 0) say(`Also started from: ${r.seeds.map((s) => `${s.from} (${s.changes.join('; ')})`).join(', ')}.`);
  say(`Method: ${r.method}.`);
  return `${out.join('\n')}\n`;
}

/** "United States: consent been 0.7 instead of 0.4 (+1.5 sd, S19) and the rule baker-dream not held". */
function rewriteSentence(changes: readonly ChangeLine[]): string {
  const parts = changes.map((c) => {
    if (c.kind === 'switch') {
      const { kind, id } = parseSwitchPath(c.path)!;
      const what = kind === 'rules' ? `the rule ${id}` : `the event ${id}`;
      return c.to === 'off' ? `${what} not ${kind === 'rules' ? 'held' : 'been possible'}` : `${what} ${kind === 'rules' ? 'held' : 'been possible'}`;
    }
    const why = [moveText(c.z, c.scale, 1), ...(c.source === undefined ? [] : [c.source])].join(', ');
    return `${c.label} been ${c.to} instead of ${c.from} (${why})`;
  });
  return listInWords(parts);
}

/**
 * The front as a text chart: distance across, share up, one mark per point, the threshold as a
 * line. A row spans 10 points, so a point just short of the target can fall on its line: the
 * mark says which side it is on (* meets the target, o falls short).
 */
function frontChart(r: RewriteReport, width = 50, height = 10): string[] {
  const maxD = Math.max(1, ...r.front.map((p) => p.distance));
  const grid = Array.from({ length: height + 1 }, () => Array.from({ length: width + 1 }, () => ' '));
  const threshold = r.threshold;
  const atMost = r.target.includes('<=');
  const meetsTarget = (share: number) => (atMost ? share <= threshold + 1e-12 : share >= threshold - 1e-12);
  const row = (share: number) => height - Math.round(share * height);
  if (Number.isFinite(threshold)) for (let x = 0; x <= width; x++) grid[row(threshold)]![x] = '-';
  for (const p of r.front) grid[row(p.share)]![Math.round((p.distance / maxD) * width)] = meetsTarget(p.share) ? '*' : 'o';
  const lines = grid.map((cells, i) => `${i === 0 ? '100%' : i === height ? '  0%' : '    '} |${cells.join('')}`);
  lines.push(`     +${'-'.repeat(width + 1)}`);
  lines.push(`      0${' '.repeat(width - 8)}${maxD.toFixed(1).padStart(8)}  rewrite distance   (* meets the target, o short of it, - target)`);
  return lines;
}

