import * as z from 'zod';
import { EFFECT_KINDS, EFFECTS, type EffectKind, type EffectKindSpec } from '../../model/catalog/effects.js';
import { DISTRIBUTION_FIELDS, type Distribution, type Param } from '../../model/distribution.js';
import { OUTCOMES, TRACKS } from '../../model/outcome.js';
import { PROCEDURE_IDS } from '../../model/procedures.js';
import {
  BRANCH_STAGES,
  type Ally,
  type Candidate,
  type Condition,
  type DecisionPoint,
  type Effect,
  type ObservedOutcome,
  type Precondition,
  type Process,
  type Ratification,
  type Rule,
  type Scenario,
  type ScenarioEvent,
  type TrackRules,
} from '../../model/scenario.js';

/**
 * The shape of a loaded Scenario (model/scenario.ts), field by field: what a partial document
 * carries. A part is data from elsewhere whose checksum anyone can recompute, so its scenario
 * is checked to be typed as the loader makes one (text where text goes, finite numbers, whole
 * years, known kinds, no field besides the model's) before merge compiles and summarizes it: a
 * candidate's name written as a mapping made the summary throw a TypeError. What the values
 * mean (references, ranges) is the compiler's and the tally checks' to refuse.
 */

/**
 * A schema for every field of T, the optional ones too: a field the model gains and a mapping
 * here lacks fails to compile (typing the result as Scenario alone misses an optional one, and
 * merge would refuse every part that carries it as a field no loaded scenario has).
 */
type ShapeOf<T> = { readonly [K in keyof T & string]-?: z.ZodType };

const text = z.string();
const finite = z.number().refine(Number.isFinite, { error: 'expected a finite number' });
const year = z.int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });

// Each kind with its numbers, read from the model's list of them (every kind is there, by its type).
const distribution = z.discriminatedUnion(
  'kind',
  Object.entries(DISTRIBUTION_FIELDS).map(([kind, numbers]) => z.strictObject({ kind: z.literal(kind), ...Object.fromEntries(numbers.map((n) => [n, finite])) })) as unknown as [
    z.ZodObject,
  ],
) as unknown as z.ZodType<Distribution>;

const param: z.ZodType<Param> = z.strictObject({ dist: distribution, source: text.optional(), note: text.optional() } satisfies ShapeOf<Param>);

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all'), of: z.array(condition) }),
    z.strictObject({ kind: z.literal('any'), of: z.array(condition) }),
    z.strictObject({ kind: z.literal('not'), of: condition }),
    z.strictObject({ kind: z.literal('year'), from: year.optional(), to: year.optional() }),
    z.strictObject({ kind: z.literal('stage'), is: z.enum(BRANCH_STAGES) }),
    z.strictObject({ kind: z.literal('track'), is: z.enum(TRACKS) }),
    z.strictObject({ kind: z.literal('met'), precondition: text }),
    z.strictObject({ kind: z.literal('level'), precondition: text, below: finite.optional(), atLeast: finite.optional() }),
    z.strictObject({ kind: z.literal('event'), occurred: text }),
    z.strictObject({ kind: z.literal('member'), ally: text }),
  ]),
);

const allySelector = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('all') }), z.strictObject({ kind: z.literal('some'), codes: z.array(text) })]);

/** An effect as loaded, from its row in the catalog: `{ kind, <target>, <size> }`. */
function effectShape(kind: EffectKind) {
  const spec: EffectKindSpec = EFFECTS[kind];
  const shape: Record<string, z.ZodType> = { kind: z.literal(kind) };
  if (spec.target !== undefined) {
    const target = spec.target === 'allies' ? allySelector : text;
    shape[spec.target] = spec.targetOptional === true ? target.optional() : target;
  }
  if (spec.size !== undefined) shape[spec.size.field] = param;
  return z.strictObject(shape);
}
const effect = z.discriminatedUnion('kind', EFFECT_KINDS.map(effectShape) as [ReturnType<typeof effectShape>]) as unknown as z.ZodType<Effect>;

const trackRules = { minYears: param, readiness: param } satisfies ShapeOf<TrackRules>;

// Typed as the model's Scenario, and each mapping checked field by field (ShapeOf).
export const scenarioShape: z.ZodType<Scenario> = z.strictObject({
  id: text,
  title: text,
  description: text,
  decisionPoint: z.strictObject({ year, horizon: year, label: text, date: isoDate.optional(), context: text, source: text.optional() } satisfies ShapeOf<DecisionPoint>),
  sources: z.record(text, text),
  candidate: z.strictObject({
    name: text,
    code: text,
    interest: param,
    domesticOpposition: param,
    acceptsStandardPath: param,
    withdrawal: param,
    coCandidates: z.array(text),
    formerCode: text.optional(),
  } satisfies ShapeOf<Candidate>),
  process: z.strictObject({
    procedure: z.enum(PROCEDURE_IDS).optional(),
    mapIntroduced: year,
    standardPath: z.strictObject(trackRules),
    specialTrack: z.strictObject({ ...trackRules, consentPenalty: param } satisfies ShapeOf<Process['specialTrack']>),
    protocolMonths: param,
    cohesion: param,
  } satisfies ShapeOf<Process>),
  preconditions: z.array(z.strictObject({ id: text, label: text, basis: text, level: param, drift: param, volatility: param, threshold: param } satisfies ShapeOf<Precondition>)),
  allies: z.array(
    z.strictObject({
      code: text,
      name: text,
      joined: isoDate,
      consent: param,
      weights: z.record(text, param),
      threat: param,
      objection: z.enum(['veto', 'holdout']),
      holdoutLift: param,
      ratification: z.strictObject({ procedure: text, hurdle: finite.optional(), pass: param, months: param } satisfies ShapeOf<Ratification>),
      defaulted: z.boolean(),
    } satisfies ShapeOf<Ally>),
  ),
  rules: z.array(z.strictObject({ id: text, text, source: text, enabled: z.boolean(), when: condition, effects: z.array(effect) } satisfies ShapeOf<Rule>)),
  events: z.array(
    z.strictObject({
      id: text,
      label: text,
      source: text,
      historical: z.boolean(),
      enabled: z.boolean(),
      hazard: param,
      from: year,
      to: year,
      once: z.boolean(),
      when: condition.optional(),
      effects: z.array(effect),
    } satisfies ShapeOf<ScenarioEvent>),
  ),
  baseline: text.optional(),
  observed: z
    .strictObject({
      outcome: z.enum(OUTCOMES),
      year,
      date: isoDate.optional(),
      invited: z.strictObject({ date: isoDate, source: text } satisfies ShapeOf<NonNullable<ObservedOutcome['invited']>>).optional(),
      source: text,
      note: text.optional(),
    } satisfies ShapeOf<ObservedOutcome>)
    .optional(),
} satisfies ShapeOf<Scenario>);
