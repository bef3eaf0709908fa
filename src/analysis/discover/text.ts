import type { DiscoveredBox, DiscoveryReport, Restriction } from './run.js';
import type { Scenario } from '../../model/scenario.js';
import { fitColumns, fitTable, fitWidth, prose } from '../../report/fit.js';
import { integer, pct, sharePct } from '../../report/format.js';
import { paramLabel, switchName } from '../../report/param-labels.js';
import { rangeText, value } from '../sensitivity/tornado.js';
import { parseSwitchPath } from '../../scenario/switch-paths.js';

/** A restriction as a condition: "≥ 0.62", "≤ 0.2", "0.2 to 0.5"; a rule or event "on" or "off". */
export function boundText(r: Restriction): string {
  if (parseSwitchPath(r.path) !== undefined) return (r.min ?? 0) > 0.5 ? 'on' : 'off';
  if (r.min !== null && r.max !== null) return rangeText(r.min, r.max);
  return r.min !== null ? `≥ ${value(r.min)}` : `≤ ${value(r.max!)}`;
}

/**
 * The box in one sentence: "X ≥ 0.6 and Y ≤ 0.3: joined in 41% of branches, covering 78% of all
 * joined branches"; of a target, "...: joined >= 30% at 41% of the vectors, covering 78% of those that meet it".
 */
export function boxSentence(box: DiscoveredBox, measure: string, scenario: Scenario, target?: string): string {
  // A switch reads "rule common-home on", not its label for a range ("…: on or off") with "on" after it.
  const where = box.restrictions.map((r) => `${switchName(scenario, r.path) ?? paramLabel(scenario, r.path)} ${boundText(r)}`).join(' and ');
  if (target !== undefined) return `${where}: ${target} at ${pct(box.density, 0)} of the vectors, covering ${pct(box.coverage, 0)} of those that meet it`;
  return `${where}: ${measure} in ${pct(box.density, 0)} of branches, covering ${pct(box.coverage, 0)} of all ${measure} branches`;
}

/** `width`: the terminal's columns the text is fitted to; undefined for a file or a pipe, where it is whole. */
export function discoveryText(r: DiscoveryReport, scenario: Scenario, options: { readonly width?: number | undefined } = {}): string {
  const width = fitWidth(options.width);
  const out: string[] = [];
  const say = (text: string, lead = '', hanging = lead + '  ') => out.push(...prose(text, width, lead, hanging));
  const left = new Set<string>();
  const t = r.target;
  say(`Scenario discovery for "${t ?? r.measureLabel}": ${r.title} (${r.scenario})`);
  const switches = r.factors.filter((f) => f.from === 'switch').length;
  const over = switches === 0 ? `${r.factors.length} ranges` : `${r.factors.length - switches} ranges and ${switches} rules and events switched off or on`;
  say(`${integer(r.samples)} parameter vectors (Latin hypercube over ${over}) × ${integer(r.runsPerPoint)} branches | seed ${r.seed} | v${r.version}`);
  say(`Method: ${r.method}.`);
  if (t === undefined) say(`Over the whole hypercube: ${r.measure} in ${sharePct(r.overall.share)} of branches (${integer(r.overall.count)} of ${integer(r.overall.trials)}).`);
  else say(`Over the whole hypercube: ${t} at ${sharePct(r.overall.share)} of the vectors (${integer(r.overall.count)} of ${integer(r.overall.trials)}).`);
  out.push('');
  if (r.overall.count === 0 && t !== undefined) {
    say(`No vector anywhere in the hypercube meets ${t}: there is no box to find. Try a lower threshold, \`rewrite --target\`, or wider --range values.`);
  } else if (r.overall.count === 0) {
    say(`No branch anywhere in the hypercube ended "${r.measure}": there is no box to find. Try another --outcome or wider --range values.`);
  } else if (r.boxes.length === 0) {
    say(`No box does better than the whole hypercube: "${t ?? r.measure}" does not concentrate in any range of these parameters.`);
  }
  r.boxes.forEach((box, i) => {
    const lift = r.overall.share > 0 ? box.density / r.overall.share : 0;
    const rest = `${sharePct(box.mass)} of the vectors${i > 0 ? ' left by the boxes above' : ''}`;
    say(
      t === undefined
        ? `Box ${i + 1}: ${r.measure} in ${sharePct(box.density)} of its branches (${lift.toFixed(1)}× the overall share), covering ${sharePct(box.coverage)} of all ${r.measure} branches; ${rest}`
        : `Box ${i + 1}: ${t} at ${sharePct(box.density)} of its vectors (${lift.toFixed(1)}× the overall share), covering ${sharePct(box.coverage)} of the vectors that meet it; ${rest}`,
    );
    const rows = box.restrictions.map((x) => [x.path, boundText(x), parseSwitchPath(x.path) !== undefined ? 'of off, on' : `of ${rangeText(x.lo, x.hi)}`, paramLabel(scenario, x.path)]);
    say(freshText(box, r.runsPerPoint, t), '  ', '    ');
    // What was sampled gives way first, then the meaning is cut with "…"; if even that is too wide, the meaning goes ("In words" gives it).
    const fitted = (drop: number[]) => fitColumns(['parameter', 'box', 'sampled', 'meaning'], rows, width, { indent: '    ', elastic: 3, drop });
    const cut = fitted([2]);
    const restrictions = cut.lines.every((l) => l.length <= width) ? cut : fitted([2, 3]);
    out.push(...restrictions.lines);
    for (const d of restrictions.dropped) left.add(d);
    say(`In words: ${boxSentence(box, r.measure, scenario, t)}.`, '  ', '    ');
    if (box.tradeoff.length > 1) {
      say('Trade-off along the peeling path (the best box with 1, 2, 3 ... restrictions):', '  ', '    ');
      // A box's restrictions wrap under their column (or under the numbers) rather than lose their bounds to a cut.
      const steps = box.tradeoff.map((b) => ({ cells: [String(b.restrictions.length), sharePct(b.density), sharePct(b.coverage), sharePct(b.mass), b.restrictions.map((x) => `${x.path} ${boundText(x)}`).join(', ')] }));
      out.push(...fitTable(['restrictions', 'density', 'coverage', 'mass', 'box'], steps, width, { indent: '    ', right: new Set([0, 1, 2, 3]), elastic: 4, wrap: true }));
    }
    out.push('');
  });
  if (left.size > 0) say(`Left out to fit the terminal: ${[...left].join(', ')}; a wider terminal, a file (--out) or --json gives it.`);
  if (r.boxes.length > 0) say('A box is chosen on its vectors, so its density there flatters it: the fresh check reads it on a new hypercube and new branches.');
  if (t === undefined) say('Density: share of the box\'s branches with the outcome. Coverage: share of all such branches that fall in the box.');
  else say(`Density: share of the box's vectors at which ${t} (on their ${integer(r.runsPerPoint)} branches). Coverage: share of all such vectors that fall in the box.`);
  say('Mass: share of the sampled parameter vectors inside the box. Each vector fixes every parameter that has a range; the branches run at it still draw events, votes and ratifications.');
  if (r.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of r.warnings) say(`! ${w}`, '  ', '    ');
  }
  return out.join('\n') + '\n';
}

/** "On fresh ground (a new hypercube, new branches): 14.5% of the branches of its 61 vectors." */
function freshText(box: DiscoveredBox, runs: number, target: string | undefined): string {
  const f = box.fresh;
  const head = 'On fresh ground (a new hypercube, new branches):';
  if (f.density === null) return `${head} no vector fell in the box; read its density with care.`;
  const where = `${integer(f.points)} vector${f.points === 1 ? '' : 's'}`;
  return target === undefined
    ? `${head} ${sharePct(f.density)} of the ${integer(f.trials)} branches of its ${where} (${integer(runs)} each).`
    : `${head} ${target} at ${sharePct(f.density)} of its ${where}.`;
}
