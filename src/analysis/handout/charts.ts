import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS } from '../../model/outcome.js';
import { paramLabel } from '../../report/param-labels.js';
import { barChartSvg, pairedBarsSvg, tornadoSvg } from '../../report/svg.js';
import { swingIsClear, tornadoSpan } from '../sensitivity/tornado.js';
import { movingSwings, outcomeRows, type HandoutData } from './content.js';
import { studentChartSvg } from './student-layout.js';
import type { StudentHandout } from './student.js';

/**
 * A handout's charts, each a standalone SVG with its file name: what the HTML shows inline and
 * what `report --charts DIR` writes as SVG and PNG.
 */
export interface NamedChart {
  readonly name: string;
  readonly svg: string;
}

/** The teacher's charts: how branches end, how far they get, A against B, the tornado (those there are). */
export function teacherCharts(d: HandoutData, top: number): NamedChart[] {
  const s = d.scenario;
  const r = d.results;
  const charts: NamedChart[] = [
    { name: 'outcomes', svg: barChartSvg(outcomeRows(r), `How the branches of ${s.title} end`) },
    { name: 'funnel', svg: barChartSvg(r.funnel.map((f) => ({ label: STAGE_LABELS[f.stage], share: f.share, ci95: f.ci95 })), 'How far the branches get') },
  ];
  const c = d.comparison;
  if (c !== null) {
    charts.push({ name: 'compare', svg: pairedBarsSvg(OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], a: c.outcomes[o].a, b: c.outcomes[o].b })), [`A: ${c.a.scenario}`, `B: ${c.b.scenario}`], 'Outcomes of A and B') });
  }
  const sens = d.sensitivity;
  const rows = sens === null ? [] : movingSwings(sens, top);
  if (sens !== null && rows.length > 0) {
    charts.push({
      name: 'tornado',
      svg: tornadoSvg(
        rows.map((w) => ({ label: paramLabel(s, w.path), low: w.low.share, high: w.high.share, clear: swingIsClear(w) })),
        sens.baseline.share,
        `What ${s.title} hinges on`,
        640,
        tornadoSpan(rows, sens.baseline),
      ),
    });
  }
  return charts;
}

/** The student's one chart. */
export function studentCharts(h: StudentHandout): NamedChart[] {
  return [{ name: 'outcomes', svg: studentChartSvg(h) }];
}

/** A chart by name from a list (the HTML places each where its section is). */
export function chartNamed(charts: readonly NamedChart[], name: string): string {
  return charts.find((c) => c.name === name)?.svg ?? '';
}
