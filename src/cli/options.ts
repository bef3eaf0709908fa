import { UsageError } from './errors.js';
import { seedProblem } from '../model/seed.js';
import { integer } from '../report/format.js';
import { WORK_LIMITS } from '../batch/work-limits.js';
import { parseBranchNumber } from '../engine/branch-search.js';

/** Largest --runs accepted, the total over all shards of a run: beyond it a run would take hours. */
export const MAX_RUNS = WORK_LIMITS.maxRuns;
export const DEFAULT_RUNS = 100_000;
export const DEFAULT_SEED = '1';

export function parseRuns(value: string): number {
  return parseBranches('--runs', value);
}

/** A parser of branch counts for an option other than --runs (--morris-runs): its errors name it. */
export function branchesOption(option: string): (value: string) => number {
  return (value) => parseBranches(option, value);
}

function parseBranches(option: string, value: string): number {
  if (!/^\s*\d[\d_]*\s*$/.test(value)) throw new UsageError(`${option} must be a whole number of branches, got "${value}"`);
  // Past MAX_RUNS, even beyond a safe integer, a whole number is only too large.
  const runs = Number(value.replace(/_/g, ''));
  if (runs < 1) throw new UsageError(`${option} must be at least 1, got ${runs}`);
  if (option !== '--runs') {
    if (runs > MAX_RUNS) throw new UsageError(`${option} may be at most ${integer(MAX_RUNS)}`);
    return runs;
  }
  if (runs > MAX_RUNS) throw new UsageError(`--runs may be at most ${integer(MAX_RUNS)}, the total over all the shards of a run (--shard splits it, not its limit); more is several runs with different --seed values`);
  return runs;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

export function parseBranch(value: string): number {
  const n = parseBranchNumber(value);
  if (n === undefined) throw new UsageError(`--branch must be a branch number (0, 1, 2, ...), got "${value}"`);
  return n;
}

/** A seed as --seed takes it (see seedProblem). */
export function parseSeed(value: string): string {
  const problem = seedProblem(value);
  if (problem !== undefined) throw new UsageError(`--seed ${problem}`);
  return value;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A parser for a whole-number option within [min, max]: `--top`, `--boxes`, `--samples`, `--trajectories`. */
export function countOption(flag: string, min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value.replace(/_/g, ''));
    if (!/^\d[\d_]*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}
