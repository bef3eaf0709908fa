import { checksumOf, partialJson } from '../../src/analysis/shards/partial-checksum.js';
import { shardRange, sparseTally, type PartialDoc } from '../../src/analysis/shards/shard.js';
import { checkVary, pointScenario, sweepDesign, sweepHeader, sweepPoint, sweepWarnings } from '../../src/analysis/sweep/run.js';
import { runOutput } from '../../src/cli/commands/run.js';
import { sweepFormat } from '../../src/cli/commands/sweep.js';
import { sweepOutput } from '../../src/analysis/sweep/output.js';
import { partialHeader } from '../../src/cli/shards.js';
import { compile, simulateRange, summarize } from '../../src/engine/index.js';
import type { Scenario } from '../../src/model/scenario.js';
import type { RewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import type { VarySpec } from '../../src/analysis/sweep/output.js';

/**
 * Shard documents made in memory, as `run`/`sweep --shard i/n` write them, with the unsharded
 * output they must merge into: for the merge tests, without a process per shard.
 */
export interface PartSet {
  readonly parts: readonly { file: string; text: string }[];
  /** What the unsharded command prints, in each format. */
  readonly unsharded: (format: { json?: boolean; csv?: boolean }) => string;
}

const names = (count: number) => Array.from({ length: count }, (_, i) => `part-${i + 1}.json`);

export function runParts(scenario: Scenario, o: { runs: number; shards: number; seed: string; rewrite?: RewriteDistance }): PartSet {
  const model = compile(scenario);
  const parts = names(o.shards).map((file, k) => {
    const range = shardRange(o.runs, { index: k + 1, count: o.shards });
    const doc: PartialDoc = {
      ...partialHeader(o.seed, o.runs, { index: k + 1, count: o.shards, ...range }),
      command: 'run',
      items: [{ file: `${scenario.id}.yaml`, scenario, warnings: [], ...(o.rewrite && { rewrite: o.rewrite }), tally: sparseTally(simulateRange(model, o.seed, range.first, range.branches)) }],
    };
    return { file, text: partialJson(doc) };
  });
  const results = summarize(model, simulateRange(model, o.seed, 0, o.runs), { seed: o.seed, warnings: [] });
  return { parts, unsharded: (format) => runOutput([{ results, ...(o.rewrite && { rewrite: o.rewrite }) }], format) };
}

export function sweepParts(scenario: Scenario, o: { runs: number; shards: number; seed: string; vary: readonly VarySpec[] }): PartSet {
  const vary = checkVary(scenario, o.vary, undefined);
  const design = sweepDesign(vary, undefined, o.seed);
  const warnings = sweepWarnings(scenario, vary);
  const models = design.points.map((p) => compile(pointScenario(scenario, vary, p)));
  const parts = names(o.shards).map((file, k) => {
    const range = shardRange(o.runs, { index: k + 1, count: o.shards });
    const doc: PartialDoc = {
      ...partialHeader(o.seed, o.runs, { index: k + 1, count: o.shards, ...range }),
      command: 'sweep',
      sweep: { scenario, warnings, design },
      tallies: models.map((m) => sparseTally(simulateRange(m, o.seed, range.first, range.branches))),
    };
    return { file, text: partialJson(doc) };
  });
  const header = sweepHeader(scenario, design, { seed: o.seed, runs: o.runs, warnings });
  const points = models.map((m, i) => sweepPoint(scenario, design, i, simulateRange(m, o.seed, 0, o.runs), o.seed));
  return { parts, unsharded: (format) => sweepOutput(header, points, sweepFormat(format)).join('') };
}

/** A part edited and sealed again with a fresh checksum: a forgery, which only merge's other checks can catch. */
export function resealed(doc: Record<string, unknown>): string {
  const { checksum: _old, ...rest } = doc;
  return JSON.stringify({ ...rest, checksum: checksumOf(rest) }) + '\n';
}
