import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BACKTESTS_FOLDER, backtestsDir, bundledBacktests, bundledScenariosDir } from '../../io/paths.js';
import { table } from '../../report/format.js';
import { loadScenarioFile } from '../../scenario/load.js';
import type { ListFlags } from './list.options.js';
import { fitWidth, prose } from '../../report/fit.js';
import { printToStdout, terminalColumns } from '../output.js';

/** `article10 list`: the bundled scenarios and their decision points; with --backtests, the backtest cases. */
export async function listCommand(flags: ListFlags): Promise<void> {
  if (flags.backtests) return listBacktests(flags);
  const dir = bundledScenariosDir();
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json').sort();
  const rows = [];
  for (const f of files) {
    const result = await loadScenarioFile(join(dir, f), { bundledDir: dir });
    if (!result.ok) {
      rows.push({ file: f, id: '', year: 0, horizon: 0, label: '', title: `(invalid: ${result.issues.length} problems; run validate)`, baseline: '' });
      continue;
    }
    const s = result.value.scenario;
    rows.push({
      file: f,
      id: s.id,
      year: s.decisionPoint.year,
      horizon: s.decisionPoint.horizon,
      label: s.decisionPoint.label,
      title: s.title,
      baseline: s.baseline ?? '',
    });
  }
  if (flags.json) {
    await printToStdout(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  const lines = listLines(rows, fitWidth(terminalColumns(undefined)));
  await printToStdout(`Bundled scenarios (in ${dir})\n\n${lines.join('\n')}\n\nRun one with: npx article10 run <scenario>   (a bundled name or a path)\nThe backtest cases, real candidacies with what happened: npx article10 list --backtests\n`);
}

/** A backtest case as listed: the name `run` and `backtest` take (`backtests/poland-1999`) and what happened. */
interface BacktestRow {
  readonly name: string;
  readonly file: string;
  readonly id: string;
  readonly candidate: string;
  readonly year: number;
  readonly horizon: number;
  readonly label: string;
  readonly title: string;
  readonly observed: { readonly outcome: string; readonly year: number; readonly date?: string } | null;
}

async function listBacktests(flags: ListFlags): Promise<void> {
  const rows: BacktestRow[] = [];
  for (const path of await bundledBacktests()) {
    const file = `${BACKTESTS_FOLDER}/${basename(path)}`;
    const name = file.replace(/\.(ya?ml|json)$/, '');
    const result = await loadScenarioFile(path, { bundledDir: bundledScenariosDir() });
    if (!result.ok) {
      rows.push({ name, file, id: '', candidate: '', year: 0, horizon: 0, label: '', title: `(invalid: ${result.issues.length} problems; run validate)`, observed: null });
      continue;
    }
    const s = result.value.scenario;
    const o = s.observed;
    const observed = o === undefined ? null : { outcome: o.outcome, year: o.year, ...(o.date !== undefined && { date: o.date }) };
    rows.push({ name, file, id: s.id, candidate: s.candidate.name, year: s.decisionPoint.year, horizon: s.decisionPoint.horizon, label: s.decisionPoint.label, title: s.title, observed });
  }
  if (flags.json) {
    await printToStdout(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  const lines = backtestLines(rows, fitWidth(terminalColumns(undefined)));
  const example = rows[0]?.name ?? `${BACKTESTS_FOLDER}/<case>`;
  await printToStdout(
    `Backtest cases (in ${backtestsDir()})\n\n${lines.join('\n')}\n\nScore them with: npx article10 backtest   (all of them; or some: npx article10 backtest ${example})\nRun one as a scenario with: npx article10 run <case>\n`,
  );
}

/** What happened, as the table says it: `joined 1999-03-12`, `map_stalled by 2020`. */
function happened(r: BacktestRow): string {
  if (r.observed === null) return '';
  return r.observed.outcome === 'joined' ? `joined ${r.observed.date ?? r.observed.year}` : `${r.observed.outcome} by ${r.observed.year}`;
}

/** The cases as a table, or in a terminal too narrow for it each case on lines of its own, as listLines does. */
export function backtestLines(rows: readonly BacktestRow[], width: number): string[] {
  const lines = table(
    ['case', 'decision point', 'horizon', 'what happened'],
    rows.map((r) => [r.name, r.year ? `${r.year} ${r.label}` : r.title, r.horizon ? String(r.horizon) : '', happened(r)]),
  );
  if (lines.every((l) => l.length <= width)) return lines;
  return rows.flatMap((r) => [
    `${r.name}${r.year ? `  ${r.year}-${r.horizon}` : ''}  ${happened(r)}`,
    ...prose(r.label === '' ? r.title : `decision point: ${r.label}`, width, '  ', '    '),
  ]);
}

/** The listing: a table, or in a terminal too narrow for it each scenario on lines of its own (name and years, then its title and decision point, wrapped). */
export function listLines(rows: readonly { file: string; id: string; year: number; horizon: number; label: string; title: string }[], width: number): string[] {
  const lines = table(
    ['scenario', 'decision point', 'horizon', 'title'],
    rows.map((r) => [r.id || r.file, r.year ? `${r.year} ${r.label}` : '', r.horizon ? String(r.horizon) : '', r.title]),
  );
  if (lines.every((l) => l.length <= width)) return lines;
  return rows.flatMap((r) => [
    `${r.id || r.file}${r.year ? `  ${r.year}-${r.horizon}` : ''}`,
    ...prose(r.title, width, '  ', '    '),
    ...(r.label === '' ? [] : prose(`decision point: ${r.label}`, width, '  ', '    ')),
  ]);
}
