import * as z from 'zod';
import { defaultMessage, describeInput } from '../../scenario/schema-messages.js';
import { unsealed } from './partial-checksum.js';
import { MAX_SHARDS, PARTIAL_FORMAT, ShardError, type PartialDoc } from './shard.js';
import { ARRAY_FIELDS } from '../../batch/tally-transfer.js';

/**
 * Reading a partial document: JSON, this format, its seal, then its shape, every count a
 * non-negative safe integer and every sparse array well formed. What the counts mean (do they
 * add up, does the part belong with the others) is merge-partials.ts's to check.
 */

const count = z.int({ error: (iss) => `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeInput(iss.input)}` }).min(0);
const finite = z.number().refine(Number.isFinite, { error: 'expected a finite number' });

const sparseSchema = z.strictObject({ n: count, i: z.array(count), v: z.array(count) }).check((ctx) => {
  const { n, i, v } = ctx.value;
  if (i.length !== v.length) ctx.issues.push({ code: 'custom', input: ctx.value, message: `${i.length} indexes but ${v.length} values` });
  for (let j = 0; j < i.length; j++) {
    if (i[j]! >= n || (j > 0 && i[j]! <= i[j - 1]!)) {
      ctx.issues.push({ code: 'custom', input: i[j], path: ['i', j], message: `index ${i[j]} is out of order, repeated or past the array's ${n} cells` });
      return;
    }
  }
});
const tallySchema = z.strictObject({
  runs: count,
  arrays: z.strictObject(Object.fromEntries(ARRAY_FIELDS.map((f) => [f, sparseSchema])) as Record<(typeof ARRAY_FIELDS)[number], typeof sparseSchema>),
});

/** A normalized scenario: compiled by merge, which refuses what does not compile; these fields reach the output as they are. */
const scenarioSchema = z.looseObject({ id: z.string(), title: z.string(), decisionPoint: z.looseObject({ label: z.string() }) });

const rewriteSchema = z.strictObject({
  baseline: z.string(),
  counterfactual: z.string(),
  score: finite,
  parameterTerm: finite,
  changes: z.array(
    z.strictObject({
      path: z.string(),
      from: z.string(),
      to: z.string(),
      unit: z.string(),
      fromMean: finite,
      toMean: finite,
      fromSd: finite,
      toSd: finite,
      scale: finite,
      scaleFrom: z.enum(['sd', 'default']),
      z: finite,
    }),
  ),
  switches: z.array(z.strictObject({ kind: z.enum(['rule', 'event']), id: z.string(), label: z.string(), from: z.enum(['on', 'off', 'absent']), to: z.enum(['on', 'off', 'absent']) })),
  other: z.array(z.strictObject({ path: z.string(), from: z.string(), to: z.string() })),
  method: z.string(),
});

const designSchema = z.strictObject({
  kind: z.enum(['grid', 'latin-hypercube']),
  vary: z.array(z.strictObject({ path: z.string(), from: finite, to: finite, steps: z.int().min(1).optional() })).min(1),
  samples: z.int().min(1).optional(),
  points: z.array(z.array(finite)),
});

const baseSchema = {
  format: z.literal(PARTIAL_FORMAT),
  version: z.string(),
  seed: z.string(),
  runs: count.min(1),
  shard: z
    .strictObject({ index: z.int().min(1), count: z.int().min(1).max(MAX_SHARDS), first: count, branches: count })
    .refine((s) => s.index <= s.count, { error: 'its index is past the number of shards' }),
};
const partialSchema = z.discriminatedUnion('command', [
  z.strictObject({
    ...baseSchema,
    command: z.literal('run'),
    items: z.array(z.strictObject({ file: z.string(), scenario: scenarioSchema, warnings: z.array(z.string()), rewrite: rewriteSchema.optional(), tally: tallySchema })).min(1),
  }),
  z.strictObject({
    ...baseSchema,
    command: z.literal('sweep'),
    sweep: z.strictObject({ scenario: scenarioSchema, warnings: z.array(z.string()), design: designSchema }),
    tallies: z.array(tallySchema).min(1),
  }),
]);

/** Reads a partial document, or throws a one-line ShardError naming the file and what is wrong. */
export function parsePartial(text: string, file: string): PartialDoc {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShardError(`${file}: not a partial document (not JSON); shards are written by run or sweep with --shard i/n`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== PARTIAL_FORMAT) {
    throw new ShardError(`${file}: not a partial document of this format (${PARTIAL_FORMAT}); shards are written by run or sweep with --shard i/n`);
  }
  const sealed = unsealed(data as Record<string, unknown>);
  if (!sealed.ok) throw new ShardError(`${file}: ${sealed.problem}`);
  const parsed = partialSchema.safeParse(sealed.doc, { reportInput: true, error: defaultMessage });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ShardError(`${file}: damaged partial document at ${pathText(first.path)}: ${issueText(first)}`);
  }
  // The scenarios and the rewrite were checked as far as merge needs; their full types are the writer's.
  return parsed.data as unknown as PartialDoc;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'command') return 'expected "run" or "sweep"';
  return issue.message;
}

/** items[0].tally.arrays.exits.v[3] */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
