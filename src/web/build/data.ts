import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findBaseline } from '../../analysis/rewrite/baseline.js';
import type { Scenario } from '../../model/scenario.js';
import { formatIssue, loadScenarioFile } from '../../scenario/load.js';
import type { ScenarioEntry, ScenarioData } from '../app/state/catalog.js';

/**
 * The scenario data of the page, made at build time by the command line's loader: the page
 * reads scenarios as JSON (what the command line's own load cache holds), so it needs neither
 * the YAML parser nor the schema library to show its first results, and runs exactly the
 * scenario `article10 run` runs. The YAML texts come too, for files that `extends` a bundled one.
 */
export interface SiteData {
  readonly index: readonly ScenarioEntry[];
  readonly scenarios: ReadonlyMap<string, ScenarioData>;
  /** Every bundled YAML file by its path in the scenarios folder. */
  readonly files: Readonly<Record<string, string>>;
}

/** Folders of the scenarios folder the page offers, and how it groups them. */
const GROUPS = [
  { folder: '.', group: 'decision' },
  { folder: 'backtests', group: 'backtest' },
] as const;

export async function siteData(dir: string): Promise<SiteData> {
  const index: ScenarioEntry[] = [];
  const scenarios = new Map<string, ScenarioData>();
  const loaded = new Map<string, { scenario: Scenario; file: string; chain: string[] }>();
  for (const { folder, group } of GROUPS) {
    for (const name of readdirSync(join(dir, folder)).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = join(dir, folder, name);
      const result = await loadScenarioFile(file, { bundledDir: dir });
      if (!result.ok) throw new Error(`${file} does not load:\n${result.issues.map(formatIssue).join('\n')}`);
      const key = nameOf(dir, file);
      const { scenario, warnings } = result.value;
      loaded.set(key, { scenario, file, chain: result.value.chain });
      scenarios.set(key, { name: key, scenario, warnings });
      index.push({ name: key, id: scenario.id, title: scenario.title, year: scenario.decisionPoint.year, horizon: scenario.decisionPoint.horizon, label: scenario.decisionPoint.label, group });
    }
  }
  // The baseline each rewrites, as `run` finds it: the page measures the rewrite distance from it.
  const withBaselines = await Promise.all(
    index.map(async (entry) => {
      const l = loaded.get(entry.name)!;
      const found = await findBaseline(l, dir);
      if (found.kind === 'broken') throw new Error(`${l.file}: its baseline ${found.file} does not load: ${found.problems.join('; ')}`);
      return found.kind === 'found' ? { ...entry, baseline: nameOf(dir, found.file) } : entry;
    }),
  );
  return { index: withBaselines, scenarios, files: yamlTexts(dir) };
}

/** A bundled file's name as the page (and `article10 run`) calls it: its path without `.yaml`. */
function nameOf(dir: string, file: string): string {
  return relative(dir, file).split('\\').join('/').replace(/\.yaml$/, '');
}

function yamlTexts(dir: string, sub = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, yamlTexts(dir, rel));
    else if (/\.ya?ml$/.test(entry.name)) out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}
