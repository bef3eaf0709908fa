import { FactorError, MEASURE_NAMES, parseMeasure, switchFactors, uncertainFactors, type Factor, type Measure } from '../analysis/design/factors.js';
import { RunCancelled } from '../batch/pool.js';
import type { Scenario } from '../model/scenario.js';
import { Interrupted, UsageError } from './errors.js';
import { interruptSignal } from './interrupt.js';
import { progressReporter } from './progress.js';

/** Shared by the analysis commands (sensitivity, discover, report): their flags and their long runs. */

export function parseMeasureFlag(name: string): Measure {
  const m = parseMeasure(name);
  if (m === undefined) throw new UsageError(`--outcome must be one of ${MEASURE_NAMES.join(', ')}; got "${name}"`);
  return m;
}

/** `--range path=lo:hi`, repeatable: the range an analysis moves a parameter over. */
export function parseRanges(specs: readonly string[]): Map<string, readonly [number, number]> {
  const out = new Map<string, readonly [number, number]>();
  for (const spec of specs) {
    const m = /^([A-Za-z0-9_.-]+)=([^:]+):([^:]+)$/.exec(spec.trim());
    const lo = Number(m?.[2]);
    const hi = Number(m?.[3]);
    if (m === null || m[2]!.trim() === '' || m[3]!.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new UsageError(`--range must look like path=lo:hi with two numbers, e.g. candidate.interest=0.1:0.5; got "${spec}"`);
    }
    // Echoed as written: `0x1:1` is read as 1:1, and "got 1:1" would not be what was typed.
    if (!(hi > lo)) throw new UsageError(`--range ${m[1]}: the low end must be below the high end, got ${m[2]!.trim()}:${m[3]!.trim()}`);
    // As sweep refuses a path varied twice: the last range silently replaced the first.
    if (out.has(m[1]!)) throw new UsageError(`--range ${m[1]}: is given twice; give each parameter one range`);
    out.set(m[1]!, [lo, hi]);
  }
  return out;
}

/** The scenario's factors, with its rules and events switched off and on when `switches` is true (commands pass it unless --no-switches); a bad --range path as a usage error. */
export function factorsFor(scenario: Scenario, ranges: ReadonlyMap<string, readonly [number, number]>, switches = false): Factor[] {
  try {
    return [...uncertainFactors(scenario, ranges), ...(switches ? switchFactors(scenario) : [])];
  } catch (error) {
    if (error instanceof FactorError && error.path !== undefined) throw new UsageError(`--range ${error.path}: ${error.message}`);
    if (error instanceof FactorError) throw new UsageError(`--range: ${error.message} in ${scenario.id} (paths as in --set: candidate.interest, allies.US.consent, ...)`);
    throw error;
  }
}

/**
 * Runs a long analysis with Ctrl-C turned into a clean stop ("nothing was written") and
 * progress on stderr, counted in branches.
 */
export async function runAnalysis<T>(
  label: string,
  totalBranches: number,
  run: (signal: AbortSignal, progress: (branchesDone: number) => void) => Promise<T>,
): Promise<T> {
  const interrupt = interruptSignal();
  const progress = progressReporter(Math.max(1, totalBranches), label);
  try {
    return await run(interrupt.signal, progress);
  } catch (error) {
    if (error instanceof RunCancelled) throw new Interrupted(`interrupted by ${interrupt.reason ?? 'a signal'}; nothing was written`);
    throw error;
  } finally {
    progress.end();
    interrupt.dispose();
  }
}
