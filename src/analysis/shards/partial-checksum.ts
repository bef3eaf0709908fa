import { createHash } from 'node:crypto';
import type { PartialDoc } from './shard.js';

/**
 * The seal of a partial document: `checksum` is "sha256:" and the SHA-256 of the rest of the
 * document as compact JSON, keys in the order written (JSON.parse keeps it, and the order of a
 * scenario's fields can matter to it). Whitespace and indentation do not count; a changed
 * count, setting, field or key order does. It catches parts edited by hand or damaged in
 * transit, not forgery: merge also checks that the counts add up.
 */
const PREFIX = 'sha256:';

/** The checksum of a document (without its checksum field). */
export function checksumOf(doc: object): string {
  return PREFIX + createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** The partial document as text, sealed: plain JSON with every number exact (not rounded like reports). */
export function partialJson(p: PartialDoc): string {
  return JSON.stringify({ ...p, checksum: checksumOf(p) }) + '\n';
}

/** The document without its checksum, or what is wrong with the seal (a message ending the file's name). */
export function unsealed(data: Record<string, unknown>): { ok: true; doc: Record<string, unknown> } | { ok: false; problem: string } {
  const { checksum, ...doc } = data;
  if (checksum === undefined) return { ok: false, problem: 'it has no checksum; was it edited? Partial documents are written with one by run or sweep --shard i/n' };
  const edited = { ok: false, problem: 'its counts or settings do not match its checksum; was it edited? Run that shard again' } as const;
  if (typeof checksum !== 'string') return edited;
  let expected: string;
  try {
    expected = checksumOf(doc);
  } catch {
    // JSON.stringify recurses: a document nested thousands deep overflows the stack. No part is.
    return { ok: false, problem: 'it is nested far deeper than a partial document; was it edited?' };
  }
  return checksum === expected ? { ok: true, doc } : edited;
}
