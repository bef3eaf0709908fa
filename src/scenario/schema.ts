import * as z from 'zod';
import { OUTCOMES, TRACKS } from '../model/outcome.js';
import { EFFECT_KINDS, EFFECTS, type EffectKind, type EffectKindSpec, type EffectShape } from '../model/catalog/effects.js';
import { LARGEST_MAGNITUDE, NUMBER_KINDS, pastLargest, type NumberRange } from '../model/catalog/numbers.js';
import { entriesOf, isNumberEntry, type EntryOf, type ScopeName } from '../model/catalog/parameters.js';
import { PROCEDURE_IDS } from '../model/procedures.js';
import { BRANCH_STAGES } from '../model/scenario.js';
import { printsAsNothing, unsafeCharacterIn } from '../model/unsafe-characters.js';
import { FORBIDDEN_KEYS } from './parse-yaml.js';
import { describeInput, gluedField, spaceAfterColon, unknownFieldMessages } from './schema-messages.js';

/**
 * The authoring format of scenarios/FORMAT.md as a zod schema. It checks shape, types and
 * ranges; meaning across fields (references, roster, horizon) is checked in checks.ts, defaults
 * are filled in normalize.ts. Objects are strict: an unknown field is an error, with the
 * nearest known field suggested.
 */

/** A strict object whose unknown-field errors name the nearest known field. */
function fields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? unknownFieldMessages(iss.keys, known) : undefined),
  });
}

/** The message for a discriminated union whose tag (`dist`, `kind`) is missing or unknown. */
function unknownTag(tag: string, what: string) {
  return (iss: { code: string; input?: unknown }) => {
    if (iss.code !== 'invalid_union') return undefined;
    const input = typeof iss.input === 'object' && iss.input !== null ? (iss.input as Record<string, unknown>) : undefined;
    const value = input?.[tag];
    if (value !== undefined) return `${describeInput(value)} is not a known ${what}`;
    const glued = input === undefined ? undefined : Object.keys(input).map(gluedField).find((g) => g?.field === tag);
    return glued === undefined ? `missing ${tag}: the ${what}` : `missing ${tag}: the ${what}; ${spaceAfterColon(glued.meant)}`;
  };
}

export const ID_PATTERN = /^[a-z0-9_-]+$/;
export const ALLY_CODE_PATTERN = /^[A-Z]{2,3}$/;

const id = z.string().regex(ID_PATTERN, { error: (iss) => `${describeInput(iss.input)} is not an id: use lowercase letters, digits, - and _` });
/**
 * The id an entry (or the scenario) declares. It becomes a key where the run looks it up (an
 * Ally's weight of a precondition, a rule's switch, a --set path), so the names an object
 * inherits from its prototype are no ids: a precondition `constructor` would read a weight
 * every Ally seems to give it. A reference to one is refused as unknown, since none is declared.
 */
const declaredId = id.refine((s) => !FORBIDDEN_KEYS.has(s), {
  error: (iss) => `${describeInput(iss.input)} is not an id: __proto__, constructor and prototype are reserved`,
  params: { issue: 'invalid_value' },
});
const allyCode = z.string().regex(ALLY_CODE_PATTERN, { error: (iss) => `${describeInput(iss.input)} is not a country code: use 2 or 3 capital letters` });
/**
 * Words a person wrote (a title, a label, a note): printed to terminals and handouts, so a
 * control character or a direction override in one is a mistake in the file, refused here.
 */
export const words = z.string().refine((s) => unsafeCharacterIn(s) === undefined, {
  error: (iss) => `contains ${unsafeCharacterIn(String(iss.input))}, a control or direction character: write plain text`,
  params: { issue: 'unsafe_text' },
});
// Text that prints as nothing (spaces, zero-width spaces) is as empty as "" where it is printed.
const text = words.min(1, { error: 'must not be empty' }).refine((s) => s.length === 0 || !printsAsNothing(s), {
  error: 'prints as nothing (only spaces or invisible characters): write the text',
  params: { issue: 'invalid_value' },
});
/** A source field: fact-sheet ids ("S31, S33"), an id from the file's `sources`, or a short citation. */
const source = text;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `${describeInput(iss.input)} is not a date: write YYYY-MM-DD`, abort: true })
  .refine((s) => isCalendarDate(s), { error: (iss) => `${describeInput(iss.input)} is not a calendar date`, params: { issue: 'invalid_format' } });
const yearMessage = (iss: { input?: unknown }) => `expected a whole year, got ${describeInput(iss.input)}`;
// Range first, and stop there: z.int() would add its own "beyond a safe integer" issue for 1e20.
const year = z.number({ error: yearMessage }).min(1900, { abort: true }).max(2200, { abort: true }).int({ error: yearMessage });

/** YYYY-MM-DD names a real day (no 30 February). Arithmetic, not Date: loading reads no clock or time zone. */
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}


const tooLarge = (iss: { input?: unknown }) => pastLargest(describeInput(iss.input), typeof iss.input === 'number' && iss.input < 0);

function bounded(range: NumberRange) {
  switch (range) {
    case 'probability': {
      const message = (iss: { input?: unknown }) => `${describeInput(iss.input)} is not a probability: it must lie between 0 and 1`;
      return z.number().min(0, { error: message }).max(1, { error: message });
    }
    case 'delta':
      return z.number().min(-1).max(1);
    case 'nonNegative':
      return z.number().min(0).max(LARGEST_MAGNITUDE, { error: tooLarge });
    case 'real':
      return z.number().min(-LARGEST_MAGNITUDE, { error: tooLarge }).max(LARGEST_MAGNITUDE, { error: tooLarge });
  }
}

const annotations = { source: source.optional(), note: words.optional() };
// A normal needs a spread to be drawn from; a value without one is written `{ value: ... }`.
const spread = z.number().positive({ error: (iss) => `${describeInput(iss.input)} is not a spread (expected > 0); a value without spread is written { value: ... }` });

/**
 * A beta shape: from 0.01 (nearly all mass at the two ends) to 1e6 (nearly a point). Beyond them
 * the gamma draws behind a beta underflow or overflow and every draw came out 0.
 */
const BETA_SHAPE = { min: 0.01, max: 1e6 } as const;
const betaShape = (() => {
  const message = (iss: { input?: unknown }) => `${describeInput(iss.input)} is outside the shapes a beta can be drawn with: from ${BETA_SHAPE.min} to ${BETA_SHAPE.max}`;
  return z.number().min(BETA_SHAPE.min, { error: message }).max(BETA_SHAPE.max, { error: message });
})();

type DistIssue = { message: string; path: string[] };

/** Adds distribution consistency problems (min above max, ...) as located issues. */
function distributionCheck<T>(problems: (d: T) => DistIssue[]) {
  return (d: T, ctx: z.core.$RefinementCtx<T>) => {
    for (const p of problems(d)) {
      ctx.addIssue({ code: 'custom', message: p.message, path: p.path, input: d, params: { issue: 'invalid_distribution' } });
    }
  };
}

function distribution(range: NumberRange) {
  const n = bounded(range);
  return z.discriminatedUnion(
    'dist',
    [
      fields({ dist: z.literal('uniform'), min: n, max: n, ...annotations }).superRefine(
        distributionCheck((d) => (d.min <= d.max ? [] : [{ message: `min ${d.min} is above max ${d.max}`, path: ['min'] }])),
      ),
      fields({ dist: z.literal('triangular'), min: n, mode: n, max: n, ...annotations }).superRefine(
        distributionCheck((d) =>
          d.min <= d.mode && d.mode <= d.max ? [] : [{ message: `needs min <= mode <= max, got ${d.min}, ${d.mode}, ${d.max}`, path: ['mode'] }],
        ),
      ),
      fields({ dist: z.literal('beta'), alpha: betaShape, beta: betaShape, min: n.optional(), max: n.optional(), ...annotations }).superRefine(
        distributionCheck((d) => {
          const min = d.min ?? 0;
          const max = d.max ?? 1;
          return min < max ? [] : [{ message: `min ${min} must be below max ${max}`, path: ['min'] }];
        }),
      ),
      fields({ dist: z.literal('normal'), mean: z.number(), sd: spread, min: n, max: n, ...annotations }).superRefine(
        distributionCheck((d) => {
          if (d.min >= d.max) return [{ message: `min ${d.min} must be below max ${d.max}`, path: ['min'] }];
          if (d.mean < d.min || d.mean > d.max) return [{ message: `mean ${d.mean} lies outside [${d.min}, ${d.max}]`, path: ['mean'] }];
          return [];
        }),
      ),
      fields({ dist: z.literal('bernoulli'), p: bounded('probability'), ...annotations }),
    ],
    { error: unknownTag('dist', 'distribution') },
  );
}

/** A number parameter: `0.3`, `{ value: 0.3, source: S31 }` or `{ dist: ..., source: ... }`. */
function param(range: NumberRange) {
  return z.union([bounded(range), fields({ value: bounded(range), ...annotations }), distribution(range)], {
    error: (iss) => (iss.code === 'invalid_union' ? `expected a number, { value, source } or { dist, ... }, got ${describeInput(iss.input)}` : undefined),
  });
}

/** One schema per range, shared by every field of that range (the JSON Schema names each once). */
export const paramSchemas = {
  probability: param('probability'),
  delta: param('delta'),
  nonNegative: param('nonNegative'),
  real: param('real'),
} as const;

type Shape = Record<string, z.ZodType>;

// The static type of a scope's fields, read off the catalog, so that documents keep their types.
type ParamSchema = ReturnType<typeof param>;
type EntrySchema<E> = E extends { readonly perPrecondition: true }
  ? z.ZodOptional<z.ZodRecord<typeof id, ParamSchema>>
  : E extends { readonly number: string }
    ? E extends { readonly required: true }
      ? ParamSchema
      : z.ZodOptional<ParamSchema>
    : E extends { readonly setting: 'switch' }
      ? z.ZodOptional<z.ZodBoolean>
      : E extends { readonly setting: infer C extends readonly string[] }
        ? z.ZodOptional<z.ZodEnum<{ [K in C[number]]: K }>>
        : never;
type Leaf<F extends string> = F extends `${string}.${infer T}` ? T : F;
type Group<F> = F extends `${infer H}.${string}` ? H : never;
type LevelShape<E> = { [X in E as X extends { readonly field: infer F extends string } ? Leaf<F> : never]: EntrySchema<X> };
type ScopeShape<S extends ScopeName, Leading extends Shape, Nested extends Readonly<Record<string, Shape>>> = Leading &
  LevelShape<Exclude<EntryOf<S>, { readonly field: `${string}.${string}` }>> & {
    [H in Group<EntryOf<S>['field']>]: z.ZodOptional<z.ZodObject<(H extends keyof Nested ? Nested[H] : unknown) & LevelShape<Extract<EntryOf<S>, { readonly field: `${H}.${string}` }>>, z.core.$strict>>;
  };

/**
 * The fields of a scope's values (see model/catalog/parameters.ts), in the catalog's order,
 * after the given leading fields; a dotted field nests in a strict object of its own, whose
 * leading fields come from `nested`. A parameter is optional unless the catalog requires it.
 */
function scopeFields<S extends ScopeName, Leading extends Shape = {}, Nested extends Readonly<Record<string, Shape>> = {}>(
  scope: S,
  leading: Leading = {} as Leading,
  nested: Nested = {} as Nested,
): ScopeShape<S, Leading, Nested> {
  const shape: Shape = { ...leading };
  const groups = new Map<string, Shape>();
  for (const entry of entriesOf(scope)) {
    const schema = isNumberEntry(entry)
      ? entry.perPrecondition === true
        ? z.record(id, paramSchemas[NUMBER_KINDS[entry.number].range]).optional()
        : entry.required === true
          ? paramSchemas[NUMBER_KINDS[entry.number].range]
          : paramSchemas[NUMBER_KINDS[entry.number].range].optional()
      : entry.setting === 'switch'
        ? z.boolean().optional()
        : z.enum(entry.setting).optional();
    const [head, ...rest] = entry.field.split('.');
    if (rest.length === 0) {
      shape[head!] = schema;
      continue;
    }
    let group = groups.get(head!);
    if (group === undefined) {
      groups.set(head!, (group = { ...nested[head!] }));
      shape[head!] = z.never(); // holds the group's place in the order until it is complete
    }
    group[rest.join('.')] = schema;
  }
  for (const [head, group] of groups) shape[head] = fields(group).optional();
  return shape as ScopeShape<S, Leading, Nested>;
}

/** One number parameter of a scope, by its field. */
function scopeParam(scope: ScopeName, field: string) {
  const entry = entriesOf(scope).find((e) => e.field === field);
  if (entry === undefined || !isNumberEntry(entry)) throw new Error(`internal: no parameter ${scope}.${field} in the catalog`);
  return paramSchemas[NUMBER_KINDS[entry.number].range];
}

// --- conditions -----------------------------------------------------------------------------

/** The keys that make a condition; `below` and `atLeast` qualify `level`. */
export const CONDITION_OPERATORS = ['all', 'any', 'not', 'year', 'stage', 'track', 'met', 'level', 'event', 'member', 'always'] as const;

const yearRange = fields({ from: year.optional(), to: year.optional() });

/**
 * A condition is one mapping holding exactly one operator (`met: democracy`, `all: [...]`), not
 * a union of one-key mappings: a misspelt operator then gets "did you mean", not "no match".
 */
export const conditionSchema = fields({
  get all() {
    return z.array(conditionSchema).optional();
  },
  get any() {
    return z.array(conditionSchema).optional();
  },
  get not() {
    return conditionSchema.optional();
  },
  year: yearRange.optional(),
  stage: z.enum(BRANCH_STAGES).optional(),
  track: z.enum(TRACKS).optional(),
  met: id.optional(),
  level: id.optional(),
  below: bounded('probability').optional(),
  atLeast: bounded('probability').optional(),
  event: id.optional(),
  member: allyCode.optional(),
  always: z.literal(true).optional(),
})
  .superRefine((c, ctx) => {
    // An unknown key is most likely a misspelt operator: its "did you mean" says it better.
    if (ctx.issues.some((i) => i.code === 'unrecognized_keys' && (i.path?.length ?? 0) === 0)) return;
    for (const problem of conditionProblems(c)) {
      ctx.addIssue({ code: 'custom', message: problem, input: c, params: { issue: 'invalid_condition' } });
    }
  });

/** A validated condition as written (the model's Condition is built from it in normalize-rules.ts). */
export type ConditionDocument = z.output<typeof conditionSchema>;

function conditionProblems(c: ConditionDocument): string[] {
  const operators = CONDITION_OPERATORS.filter((op) => c[op] !== undefined);
  const problems: string[] = [];
  if (operators.length === 0) problems.push(`a condition needs one of: ${CONDITION_OPERATORS.join(', ')}`);
  if (operators.length > 1) problems.push(`a condition has one operator, found ${operators.join(' and ')}: combine them with all: [...]`);
  const qualified = c.below !== undefined || c.atLeast !== undefined;
  if (c.level !== undefined && !qualified) problems.push('level needs below: and/or atLeast:');
  if (c.level === undefined && qualified) problems.push('below: and atLeast: go with level: <precondition>');
  if (c.below !== undefined && c.atLeast !== undefined && c.below <= c.atLeast) problems.push(`below ${c.below} is not above atLeast ${c.atLeast}: no level is both, so the condition never holds`);
  if (c.any !== undefined && c.any.length === 0) problems.push('any: [] lists no condition, so it never holds: give at least one');
  if (c.year !== undefined && c.year.from === undefined && c.year.to === undefined) problems.push('year needs from: and/or to:');
  if (c.year?.from !== undefined && c.year.to !== undefined && c.year.from > c.year.to) problems.push(`year from ${c.year.from} is after to ${c.year.to}`);
  return problems;
}

// --- effects --------------------------------------------------------------------------------

const allySelector = z.union([z.literal('all'), z.array(allyCode).min(1)], {
  error: (iss) => (iss.code === 'invalid_union' ? `expected all or a list of ally codes, got ${describeInput(iss.input)}` : undefined),
});

export { EFFECT_KINDS };

const targetSchemas = { allies: allySelector, ally: allyCode, precondition: id, event: id } as const;

/** An effect as a file writes it: `{ kind, <target>, <size> }` from its row in the catalog. */
function effectKindSchema(kind: EffectKind) {
  const spec: EffectKindSpec = EFFECTS[kind];
  const shape: Shape = { kind: z.literal(kind) };
  if (spec.target !== undefined) shape[spec.target] = spec.targetOptional === true ? targetSchemas[spec.target].optional() : targetSchemas[spec.target];
  if (spec.size !== undefined) shape[spec.size.field] = paramSchemas[NUMBER_KINDS[spec.size.number].range];
  return fields(shape);
}

/** An effect as a file writes it (allies: `all` or a list of codes; numbers in any param form). */
export type EffectDocument = { [K in EffectKind]: EffectShape<K, { param: ParamInput; allies: 'all' | string[] }> }[EffectKind];

export const effectSchema = z.discriminatedUnion('kind', EFFECT_KINDS.map(effectKindSchema) as [ReturnType<typeof effectKindSchema>], {
  error: unknownTag('kind', 'effect kind'),
}) as unknown as z.ZodType<EffectDocument>;

// --- sections -------------------------------------------------------------------------------

const decisionPoint = fields({ year, horizon: year, date: isoDate.optional(), label: text, context: text, source: source.optional() });

// The numbers of each section, and the few settings among them, come from the catalog.
// Co-candidates: Allies admitted with the candidate (one protocol, or the same round); they never vote on each other.
const candidate = fields(scopeFields('candidate', { name: text, code: allyCode, coCandidates: z.array(allyCode).max(40).optional(), formerCode: allyCode.optional() }));

const processSchema = fields(scopeFields('process', { procedure: z.enum(PROCEDURE_IDS).optional(), mapIntroduced: year.optional() }));

const precondition = fields(scopeFields('precondition', { id: declaredId, label: text, basis: words.optional() }));

/** What an Ally entry and allyDefaults share; every field may be left to the defaults. */
/** Simmons' ratification hurdle scale (fact sheet §1.3): its codes, no others. */
const HURDLE_CODES = [1, 1.5, 2, 3, 4] as const;
const hurdle = z.literal(HURDLE_CODES, { error: (iss) => `${describeInput(iss.input)} is not a code of the hurdle scale` });
const allyFields = scopeFields('ally', {}, { ratification: { procedure: text.optional(), hurdle: hurdle.optional() } });

const allyDefaults = fields(allyFields);
const ally = fields({ code: allyCode, name: text.optional(), joined: isoDate.optional(), ...allyFields });

const rule = fields({
  id: declaredId,
  text,
  source: source.optional(),
  enabled: z.boolean().optional(),
  when: conditionSchema.optional(),
  effects: z.array(effectSchema).min(1),
});

const event = fields({
  id: declaredId,
  label: text,
  source: source.optional(),
  historical: z.boolean().optional(),
  enabled: z.boolean().optional(),
  hazard: scopeParam('event', 'hazard'),
  from: year.optional(),
  to: year.optional(),
  once: z.boolean().optional(),
  when: conditionSchema.optional(),
  effects: z.array(effectSchema).optional(),
});

// `date`: the day the observed outcome took effect (for joined: the deposit), when the record gives one.
// `invited`: the day the Council invited the candidate, with its source, to compare the time to invitation.
const observedInvitation = fields({ date: isoDate, source });
const observed = fields({ outcome: z.enum(OUTCOMES), year, date: isoDate.optional(), invited: observedInvitation.optional(), source, note: words.optional() });

const scenarioFields = {
  $schema: z.string().optional(),
  extends: z.string().optional(),
  id: declaredId,
  title: text,
  description: words.optional(),
  baseline: words.optional(),
  decisionPoint,
  sources: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), text).optional(),
  candidate,
  process: processSchema.optional(),
  preconditions: z.array(precondition),
  allyDefaults: allyDefaults.optional(),
  allies: z.array(ally).optional(),
  rules: z.array(rule).optional(),
  events: z.array(event).optional(),
  observed: observed.optional(),
};

/** A complete scenario: a file without `extends`, or the result of merging an extends chain. */
export const scenarioSchema = fields(scenarioFields);

/**
 * A file that `extends` another: every field is optional and merges over the base, except the
 * `code`/`id` that names a list entry (the merge needs it). Used for the editors' JSON Schema.
 */
export const extendingScenarioSchema = fields({
  ...scenarioFields,
  extends: z.string(),
  id: declaredId.optional(),
  title: text.optional(),
  decisionPoint: decisionPoint.partial().optional(),
  candidate: candidate.partial().optional(),
  preconditions: z.array(precondition.partial().required({ id: true })).optional(),
  allies: z.array(ally.partial().required({ code: true })).optional(),
  rules: z.array(rule.partial().required({ id: true })).optional(),
  events: z.array(event.partial().required({ id: true })).optional(),
  observed: observed.partial().optional(),
});

/** A validated scenario document, before defaults are filled in. */
export type ScenarioDocument = z.output<typeof scenarioSchema>;
export type ParamInput = z.output<typeof paramSchemas.real>;
export type AllyDocument = z.output<typeof ally>;
export type AllyFieldsDocument = z.output<typeof allyDefaults>;
