import type * as z from 'zod';
import { issueAt, type Issue, type IssueCode } from './issue.js';
import { locate, type LocatedNode, type PathSegment } from './located.js';
import { formatPath } from './paths.js';
import { gluedField, gluedKeyMessage, typeName } from './schema-messages.js';

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into Issues positioned in the files: one per problem, at the value (or the
 * key, for an unknown field) that caused it, with the field path written as --set accepts it.
 */
export function schemaIssues(issues: readonly ZodIssue[], root: LocatedNode): Issue[] {
  const out: Issue[] = [];
  for (const iss of withoutGluedMissing(tightestBounds(issues))) mapIssue(iss, [], root, out);
  return out;
}

/**
 * `{ value:0.5, source: S1 }`: the field glued to its value is one unknown key, and the field
 * it leaves missing follows from it; the glued key alone is told (its message says both).
 */
function withoutGluedMissing(issues: readonly ZodIssue[]): readonly ZodIssue[] {
  const glued = new Set<string>();
  for (const iss of issues) {
    if (iss.code !== 'unrecognized_keys') continue;
    for (const key of iss.keys) {
      const field = gluedField(key)?.field;
      if (field !== undefined) glued.add(JSON.stringify([...iss.path, field]));
    }
  }
  if (glued.size === 0) return issues;
  // A parameter's field (`level:0.9`) is missing as a union of its forms, any other as one type.
  const missing = (iss: ZodIssue) => (iss.code === 'invalid_type' || iss.code === 'invalid_union') && iss.input === undefined;
  return issues.filter((iss) => !(missing(iss) && glued.has(JSON.stringify(iss.path))));
}

/**
 * A whole number past both its own limit and the safe-integer limit zod checks first is one
 * problem, not two: of the bounds one value breaks the same way, the tightest is kept.
 */
function tightestBounds(issues: readonly ZodIssue[]): ZodIssue[] {
  const bound = (iss: ZodIssue) => (iss.code === 'too_big' || iss.code === 'too_small' ? Number(iss.code === 'too_big' ? iss.maximum : iss.minimum) : undefined);
  const key = (iss: ZodIssue) => `${iss.code} ${JSON.stringify(iss.path)}`;
  const tightest = new Map<string, ZodIssue>();
  for (const iss of issues) {
    const b = bound(iss);
    if (b === undefined) continue;
    const kept = tightest.get(key(iss));
    if (kept === undefined || (iss.code === 'too_big' ? b < bound(kept)! : b > bound(kept)!)) tightest.set(key(iss), iss);
  }
  return issues.filter((iss) => bound(iss) === undefined || tightest.get(key(iss)) === iss);
}

function mapIssue(iss: ZodIssue, prefix: readonly PathSegment[], root: LocatedNode, out: Issue[]): void {
  const path = [...prefix, ...iss.path.map((s) => (typeof s === 'number' ? s : String(s)))];
  const place = (p: readonly PathSegment[], target: 'value' | 'key' = 'value') => ({ at: locate(root, p, target), path: formatPath(p, root) });

  switch (iss.code) {
    case 'unrecognized_keys': {
      // One line per key: see unknownFieldMessages.
      const lines = iss.message.split('\n');
      iss.keys.forEach((key, i) => {
        const { at, path: shown } = place([...path, key], 'key');
        out.push(issueAt('unknown_field', lines[i] ?? `unknown field ${JSON.stringify(key)}`, at, shown));
      });
      return;
    }
    case 'invalid_union': {
      if (isTagMismatch(iss)) {
        const { at, path: shown } = place(path);
        const missing = tagValue(iss) === undefined;
        out.push(issueAt(missing ? 'missing_field' : 'invalid_value', iss.message, at, shown, tagOptions(iss)));
        return;
      }
      // `{ dist:triangular, ... }`: the tag glued to its value is one key, and every other
      // problem of the mapping follows from it; it alone is told.
      const glued = gluedDistKey(iss.input);
      if (glued !== undefined) {
        const { at, path: shown } = place([...path, glued.key], 'key');
        out.push(issueAt('unknown_field', gluedKeyMessage(glued.key, glued.meant), at, shown));
        return;
      }
      const branch = likelyBranch(iss.errors);
      if (branch !== undefined) {
        for (const inner of withoutGluedMissing(branch)) mapIssue(inner, path, root, out);
        return;
      }
      const { at, path: shown } = place(path);
      out.push(issueAt('invalid_type', iss.message, at, shown));
      return;
    }
    case 'invalid_key': {
      const { at, path: shown } = place(path, 'key');
      out.push(issueAt('invalid_format', iss.issues[0]?.message ?? iss.message, at, shown));
      return;
    }
    default: {
      const { at, path: shown } = place(path);
      out.push(issueAt(codeOf(iss), iss.message, at, shown, expectedOf(iss)));
    }
  }
}

/** A mapping's key that glues a distribution's `dist` to its value (`dist:triangular`), with the field as meant. */
function gluedDistKey(input: unknown): { readonly key: string; readonly meant: string } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || Object.hasOwn(input, 'dist')) return undefined;
  for (const key of Object.keys(input)) {
    const glued = gluedField(key);
    if (glued?.field === 'dist') return { key, meant: glued.meant };
  }
  return undefined;
}

function codeOf(iss: ZodIssue): IssueCode {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'missing_field' : 'invalid_type';
    case 'too_big':
    case 'too_small':
      return 'out_of_range';
    case 'invalid_value':
      return 'invalid_value';
    case 'invalid_format':
      return 'invalid_format';
    case 'custom': {
      const code: unknown = iss.params?.['issue'];
      return typeof code === 'string' ? (code as IssueCode) : 'invalid';
    }
    default:
      return 'invalid';
  }
}

function expectedOf(iss: ZodIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return typeName(iss.expected);
    case 'too_big':
      return iss.origin === 'array' ? undefined : `${iss.inclusive ? '<=' : '<'} ${String(iss.maximum)}`;
    case 'too_small':
      return iss.origin === 'array' ? undefined : `${iss.inclusive ? '>=' : '>'} ${String(iss.minimum)}`;
    case 'invalid_value':
      return iss.values.map((v) => JSON.stringify(v)).join(' | ');
    default:
      return undefined;
  }
}

type TagMismatch = z.core.$ZodIssueInvalidUnion & { discriminator: string; options?: readonly unknown[] };

/** A discriminated union (`dist:`, `kind:`) that found no option for its tag. */
function isTagMismatch(iss: z.core.$ZodIssueInvalidUnion): iss is TagMismatch {
  return iss.errors.length === 0 && typeof (iss as { discriminator?: unknown }).discriminator === 'string';
}

function tagOptions(iss: TagMismatch): string {
  return (iss.options ?? []).map(String).join(' | ');
}

function tagValue(iss: TagMismatch): unknown {
  const input: unknown = iss.input;
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[iss.discriminator] : undefined;
}

/**
 * A union failed in every option; report the option the author most likely meant. Options whose
 * type does not match at all are out (a mapping was written, not a number), so are tagged
 * options whose tag is absent (no `dist:`, so not a distribution). Among the rest, an option
 * that knows every key written beats one that does not. Undefined when that leaves no single option.
 */
function likelyBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const atRoot = (i: ZodIssue) => i.path.length === 0;
  const wrongShape = (i: ZodIssue) =>
    (atRoot(i) && (i.code === 'invalid_type' || i.code === 'invalid_value')) ||
    // A tag mismatch sits at the tag's path (`dist`), one step below the union.
    (i.code === 'invalid_union' && i.path.length <= 1 && isTagMismatch(i) && tagValue(i) === undefined);
  const candidates = branches.filter((issues) => !issues.some(wrongShape));
  if (candidates.length <= 1) return candidates[0];
  // The branch that knows the most of the keys given: `{ dist: beta, mean: 0.3 }` is a beta
  // missing its shapes (and with a field too many), not a `{ value }` with two.
  const unknownKeys = (issues: readonly ZodIssue[]) => issues.reduce((n, i) => n + (atRoot(i) && i.code === 'unrecognized_keys' ? i.keys.length : 0), 0);
  const fewest = Math.min(...candidates.map(unknownKeys));
  const best = candidates.filter((issues) => unknownKeys(issues) === fewest);
  return best.length === 1 ? best[0] : undefined;
}
