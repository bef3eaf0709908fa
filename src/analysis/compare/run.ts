import { compile, emptyPairedTally, simulatePairedRange, type CompiledModel, type PairedTally } from '../../engine/index.js';
import type { Scenario } from '../../model/scenario.js';
import { buildComparison, type Comparison, type SideMeta } from './comparison.js';
import { inSlices, type RunOptions } from '../../batch/run.js';

export type PairedRunOptions = Pick<RunOptions, 'seed' | 'runs' | 'first' | 'onProgress' | 'signal'> & {
  /** Branches run between yields to the event loop (default: eight chunks); the UI runs small slices. */
  readonly slice?: number;
};

/** Runs branches [first, first + runs) of two models on the same keys, on this thread. */
export async function runPaired(a: CompiledModel, b: CompiledModel, options: PairedRunOptions): Promise<PairedTally> {
  const tally = emptyPairedTally(a, b);
  await inSlices(options, options.first ?? 0, (from, n) => simulatePairedRange(a, b, options.seed, from, n, tally));
  return tally;
}

/** Compiles, runs paired and compares two scenarios: what `compare` and the handouts share. */
export async function compareScenarios(
  a: Scenario,
  b: Scenario,
  options: PairedRunOptions & { readonly a?: SideMeta; readonly b?: SideMeta },
): Promise<Comparison> {
  const ma = compile(a);
  const mb = compile(b);
  const tally = await runPaired(ma, mb, options);
  return buildComparison(ma, mb, tally, { seed: options.seed, ...(options.a && { a: options.a }), ...(options.b && { b: options.b }) });
}
