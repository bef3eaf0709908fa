import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledScenariosDir } from '../../io/paths.js';
import { table } from '../../report/format.js';
import { loadScenarioFile } from '../../scenario/load.js';
import type { ListFlags } from './list.options.js';
import { fitWidth, prose } from '../../report/fit.js';
import { printToStdout, terminalColumns } from '../output.js';

/** `article10 list`: the bundled scenarios and their decision points. */
export async function listCommand(flags: ListFlags): Promise<void> {
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
  await printToStdout(`Bundled scenarios (in ${dir})\n\n${lines.join('\n')}\n\nRun one with: npx article10 run <scenario>   (a bundled name or a path)\n`);
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
