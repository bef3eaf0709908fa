import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/batch/run.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { OUTCOMES, type Outcome } from '../../src/model/outcome.js';
import type { Results, YearCount } from '../../src/model/results.js';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/load.js';

export const SCENARIOS = bundledScenariosDir();
export const BACKTESTS = join(SCENARIOS, 'backtests');

export const backtestFiles = (): string[] =>
  readdirSync(BACKTESTS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(BACKTESTS, f));

export const bundledFiles = (): string[] =>
  readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIOS, f));

export async function load(path: string): Promise<LoadedScenario> {
  const r = await loadScenarioFile(path, { bundledDir: SCENARIOS });
  if (!r.ok) throw new Error(`${path}: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

export async function run(name: string, runs = 4000, seed = 'issue-5'): Promise<Results> {
  const { scenario } = await load(join(SCENARIOS, `${name}.yaml`));
  return runScenario(scenario, { seed, runs, workers: 1 });
}

/** A hand-made run: `years` gives, per outcome, the branches settled in each year. */
export function handResults(years: Partial<Record<Outcome, Record<number, number>>>): Results {
  const runs = Object.values(years).reduce((s, by) => s + Object.values(by!).reduce((a, b) => a + b, 0), 0);
  const yearsOf = (o: Outcome): YearCount[] => {
    const by = years[o] ?? {};
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    return Object.entries(by).map(([y, count]) => ({ year: Number(y), count, share: count / total }));
  };
  const outcomeYears = Object.fromEntries(OUTCOMES.map((o) => [o, yearsOf(o)])) as Record<Outcome, YearCount[]>;
  const count = (o: Outcome) => yearsOf(o).reduce((s, y) => s + y.count, 0);
  return {
    scenario: 'hand',
    title: 'Hand-made',
    seed: 's',
    runs,
    version: 'test',
    decisionPoint: { year: 1994, horizon: 2003, label: 'x' },
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, { count: count(o), share: count(o) / runs, ci95: [0, 1] as const }])) as Record<Outcome, Results['outcomes']['joined']>,
    funnel: [],
    tracks: {} as Results['tracks'],
    accessionYears: outcomeYears.joined,
    // Each joined year's branches in its January.
    accessionMonths: outcomeYears.joined.map((y) => ({ month: `${y.year}-01`, count: y.count, share: y.share })),
    invitationMonths: [],
    invitationToMembership: [],
    outcomeYears,
    blockers: [],
    objectors: [],
    warnings: [],
  };
}
