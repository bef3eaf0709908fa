import type * as z from 'zod';
import { didYouMean } from './suggest.js';

/**
 * zod reports all unknown keys of one object as one issue with one message. The schema-issue
 * mapper splits it into one Issue per key, so the message holds one line per key, in the order
 * of `keys` (keys are JSON-quoted, so none contains a line break).
 */
export function unknownFieldMessages(keys: readonly string[], known: readonly string[]): string {
  return keys.map((key) => unknownFieldMessage(key, known)).join('\n');
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  // Only a field of this mapping (a distribution's `dist`: schema-issues.ts): a URL or a
  // misspelt field with a colon is an unknown key.
  const glued = gluedField(key);
  if (glued !== undefined && known.includes(glued.field)) return gluedKeyMessage(key, glued.meant);
  const hint = didYouMean(key, known);
  return hint !== '' ? `unknown field ${JSON.stringify(key)}${hint}` : `unknown field ${JSON.stringify(key)} (fields here: ${known.join(', ')})`;
}

/**
 * `kind:consent` or `value:0.5`: a field and its value without the space YAML needs after the
 * colon, which reads them as one key (no field of a scenario has a colon in its name). The
 * field as it was meant (`kind: consent`), or undefined.
 */
export function gluedField(key: string): { readonly field: string; readonly meant: string } | undefined {
  const glued = /^([A-Za-z_][\w-]*):(\S.*)$/s.exec(key);
  return glued === null ? undefined : { field: glued[1]!, meant: `${glued[1]!}: ${glued[2]!}` };
}

/** The message for a key that glues a field to its value (see gluedField). */
export function gluedKeyMessage(key: string, meant: string): string {
  return `${JSON.stringify(key)} reads as one key: ${spaceAfterColon(meant)}`;
}

/** What to do about a field glued to its value: `meant` is the field as meant (`kind: consent`). */
export function spaceAfterColon(meant: string): string {
  return `YAML needs a space after a colon (${meant})`;
}

/** How a value reads in a message: `"abc"`, `1.5`, `a list`, `a mapping`, `nothing`. */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return input.length > 40 ? `${JSON.stringify(input.slice(0, 40))}...` : JSON.stringify(input);
  return String(input);
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  // zod's name for a mapping of keys to values of one kind (`sources: { S1: ... }`).
  record: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

export function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/**
 * The messages for issues whose schema does not word its own. Passed to zod as the parse-time
 * error map, so every message is written once, here or at the schema.
 */
export function defaultMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'missing required field' : `expected ${typeName(iss.expected)}, got ${describeInput(iss.input)}`;
    case 'too_big':
      return iss.origin === 'array' ? `too many entries` : `${describeInput(iss.input)} is too large`;
    case 'too_small':
      return iss.origin === 'array' ? `needs at least ${String(iss.minimum)} entr${iss.minimum === 1 ? 'y' : 'ies'}` : `${describeInput(iss.input)} is too small`;
    case 'invalid_value':
      return `${describeInput(iss.input)} is not allowed here`;
    case 'invalid_format':
      return `${describeInput(iss.input)} has the wrong format`;
    case 'invalid_key':
      return `${describeInput(iss.input)} is not a valid key here`;
    case 'invalid_union':
      return `${describeInput(iss.input)} matches none of the allowed forms`;
    default:
      return undefined;
  }
}
