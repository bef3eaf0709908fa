import type { Scenario } from '../../../model/scenario.js';

/** What the page knows of a bundled scenario before opening it (data/index.json). */
export interface ScenarioEntry {
  /** Its path in the scenarios folder without `.yaml`: what `article10 run` takes (`russia-2000`, `backtests/poland-1999`). */
  readonly name: string;
  readonly id: string;
  readonly title: string;
  readonly year: number;
  readonly horizon: number;
  readonly label: string;
  /** A decision point (or a counterfactual of one), or a real accession case of the backtests. */
  readonly group: 'decision' | 'backtest';
  /** The bundled scenario it rewrites (its `baseline:`, else the file it extends). */
  readonly baseline?: string;
}

/** A bundled scenario as the command line's loader returns it (data/scenarios/<name>.json). */
export interface ScenarioData {
  readonly name: string;
  readonly scenario: Scenario;
  readonly warnings: readonly string[];
}

/** The file name of a scenario's data in data/scenarios/: `backtests/poland-1999` → `backtests__poland-1999.json`. */
export function scenarioDataFile(name: string): string {
  return `${name.replace(/\//g, '__')}.json`;
}
