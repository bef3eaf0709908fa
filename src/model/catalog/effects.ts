import type { Param } from '../distribution.js';
import type { NumberKindName } from './numbers.js';

/**
 * Every kind of effect a rule or an event can have, declared once: what it names (its target),
 * the number that sizes it, how a reader calls that number, and what it does. The model's
 * Effect type, the schema, loading and saving, parameter paths, labels and the compiler's slots
 * are all derived from this table; the walk (the engine) gives each kind its meaning.
 *
 * Adding a kind: a row here, its code in the engine's EffectCode, and what the walk does with it.
 */

/**
 * What an effect names, the field that holds it being named alike: `allies` (all, or a list of
 * codes), one `ally`, a `precondition` id or an `event` id.
 */
export type TargetKind = 'allies' | 'ally' | 'precondition' | 'event';

/** The number that sizes an effect: its field (`delta`, `months`) and its kind of number. */
export interface EffectSize {
  readonly field: string;
  readonly number: NumberKindName;
}

export interface EffectKindSpec {
  readonly target?: TargetKind;
  /** The target may be left out (a block without an Ally blocks the invitation itself). */
  readonly targetOptional?: true;
  readonly size?: EffectSize;
  /** A reader's name for the sizing number: "shift of consent". */
  readonly label?: string;
  /** What it does in a rule (while the rule holds) and in an event (from when it happens). */
  readonly inRule: string;
  readonly inEvent: string;
}

const DELTA = { field: 'delta', number: 'shift' } as const satisfies EffectSize;

export const EFFECTS = {
  consent: { target: 'allies', size: DELTA, label: 'shift of consent', inRule: "shifts those Allies' consent", inEvent: 'shifts it for good' },
  interest: { size: DELTA, label: 'shift of interest', inRule: 'shifts the yearly chance to apply', inEvent: 'same, for good' },
  withdrawal: { size: DELTA, label: 'shift of withdrawal', inRule: 'shifts the yearly chance to withdraw', inEvent: 'same, for good' },
  standardPath: { size: DELTA, label: 'shift of accepting the standard path', inRule: 'shifts acceptance of the standard path', inEvent: 'same, for good' },
  precondition: { target: 'precondition', size: DELTA, label: 'change of a precondition', inRule: "adds delta to the level's yearly change, made at the end of each year it holds (that year's vote does not see it)", inEvent: 'moves the level once, at once' },
  hazard: { target: 'event', size: DELTA, label: "shift of another event's chance", inRule: "shifts another event's yearly hazard (asked as the year opens, before its events)", inEvent: 'same, for good' },
  /** No invitation while this holds; with an Ally, that Ally refuses (its objection kind applies), and no concession lifts it while the block holds. */
  block: {
    target: 'ally',
    targetOptional: true,
    inRule: 'no invitation while it holds; with an Ally, that Ally objects and no concession lifts it while the rule holds (one that came meanwhile lifts it in the year the rule ends)',
    inEvent: 'no invitation from then on; with an Ally, that Ally objects for good',
  },
  /** Extra months between the last ratification and the deposit. */
  delay: {
    size: { field: 'months', number: 'months' },
    label: 'ratification delay',
    inRule: 'adds months between the last ratification and the deposit, in the years it holds',
    inEvent: 'same, for good, even when it comes during ratification',
  },
} as const satisfies Readonly<Record<string, EffectKindSpec>>;

export type EffectKind = keyof typeof EFFECTS;

/** The kinds in the order of the table: the order the schema and error messages list them. */
export const EFFECT_KINDS = Object.keys(EFFECTS) as readonly EffectKind[] as readonly [EffectKind, ...EffectKind[]];

/** Which Allies an effect touches. */
export type AllySelector = { readonly kind: 'all' } | { readonly kind: 'some'; readonly codes: readonly string[] };

/** The value types of an effect's fields, as loaded (the model) or as written (a document). */
interface FieldTypes {
  readonly param: unknown;
  readonly allies: unknown;
}

type TargetFields<S, T extends FieldTypes> = S extends { readonly target: infer K extends TargetKind }
  ? S extends { readonly targetOptional: true }
    ? { readonly [F in K]?: K extends 'allies' ? T['allies'] : string }
    : { readonly [F in K]: K extends 'allies' ? T['allies'] : string }
  : unknown;

type SizeFields<S, T extends FieldTypes> = S extends { readonly size: { readonly field: infer F extends string } } ? { readonly [K in F]: T['param'] } : unknown;

/** One effect of kind K: `{ kind, <target>, <size> }`, from its row in EFFECTS. */
export type EffectShape<K extends EffectKind, T extends FieldTypes> = { readonly kind: K } & TargetFields<(typeof EFFECTS)[K], T> & SizeFields<(typeof EFFECTS)[K], T>;

/** What a rule or an event does, as loaded. Rules act while their condition holds; events act from when they happen. */
export type Effect = { [K in EffectKind]: EffectShape<K, { param: Param; allies: AllySelector }> }[EffectKind];

/** The sizing number of an effect and its field, or undefined for a kind without one (block). */
export function effectSize<P>(e: { readonly kind: EffectKind }): { readonly field: string; readonly number: NumberKindName; readonly param: P } | undefined {
  const size: EffectSize | undefined = (EFFECTS[e.kind] as EffectKindSpec).size;
  return size === undefined ? undefined : { ...size, param: (e as unknown as Record<string, P>)[size.field]! };
}

/** What an effect names, or undefined when its kind names nothing or an optional target is left out. */
export function effectTarget<A>(e: { readonly kind: EffectKind }): { readonly kind: 'allies'; readonly value: A } | { readonly kind: Exclude<TargetKind, 'allies'>; readonly value: string } | undefined {
  const target: TargetKind | undefined = (EFFECTS[e.kind] as EffectKindSpec).target;
  if (target === undefined) return undefined;
  const value = (e as unknown as Record<string, unknown>)[target];
  if (value === undefined) return undefined;
  return target === 'allies' ? { kind: target, value: value as A } : { kind: target, value: value as string };
}
