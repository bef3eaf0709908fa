import { seedProblem } from '../../../model/seed.js';
import { DEFAULT_BRANCHES, DEFAULT_SEED, MAX_PAGE_BRANCHES } from '../../runs/stages.js';

/**
 * What the address says: `#s=russia-2000&seed=7&runs=40960&d=...`. `s` names a bundled
 * scenario, `d` holds the changes (the same differences `s` saves in the terminal's explorer,
 * as JSON, compressed), or a whole scenario when it came from a file. After `#`, so nothing of
 * it is ever sent to a server.
 */
export interface LinkState {
  readonly name?: string;
  readonly seed: string;
  readonly runs: number;
  /** The encoded document, read by decodeDocument. */
  readonly doc?: string;
  readonly projector: boolean;
}

export const DEFAULT_SCENARIO = 'russia-2000';

/** The link's state, with what in it was not understood (each then falls back to its default). */
export function readLink(hash: string): { readonly state: LinkState; readonly problems: readonly string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const name = params.get('s') ?? undefined;
  const nameOk = name === undefined || /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/.test(name);
  if (!nameOk) problems.push(`the link names no scenario: "${name}"`);
  const seedText = params.get('seed');
  const seedRefused = seedText === null ? undefined : seedProblem(seedText);
  if (seedRefused !== undefined) problems.push(`the link's seed: it ${seedRefused}`);
  const runsText = params.get('runs');
  const runsProblem = runsText === null ? undefined : runsError(runsText);
  if (runsProblem !== undefined) problems.push(`the link's runs: ${runsProblem}`);
  const doc = params.get('d') ?? undefined;
  return {
    state: {
      ...(name !== undefined && nameOk && { name }),
      seed: seedText !== null && seedRefused === undefined ? seedText : DEFAULT_SEED,
      runs: runsText !== null && runsProblem === undefined ? Number(runsText) : DEFAULT_BRANCHES,
      ...(doc !== undefined && { doc }),
      projector: params.get('view') === 'projector',
    },
    problems,
  };
}

export function writeLink(state: LinkState): string {
  const params = new URLSearchParams();
  if (state.name !== undefined) params.set('s', state.name);
  if (state.seed !== DEFAULT_SEED) params.set('seed', state.seed);
  if (state.runs !== DEFAULT_BRANCHES) params.set('runs', String(state.runs));
  if (state.doc !== undefined) params.set('d', state.doc);
  if (state.projector) params.set('view', 'projector');
  return `#${params.toString()}`;
}


/** Why a number of branches is refused; undefined for a good one. */
export function runsError(text: string): string | undefined {
  const n = Number(text.replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) return `a whole number of branches, 1 or more (got "${text}")`;
  if (n > MAX_PAGE_BRANCHES) return `at most ${MAX_PAGE_BRANCHES.toLocaleString('en-US')} branches in the page; the terminal runs more (npx article10 run)`;
  return undefined;
}

/** Decoded documents larger than this are refused: a scenario file may be at most 1 MB. */
const MAX_DOCUMENT_BYTES = 1_000_000;

/** A document for the link: `z` and deflated JSON where the browser compresses, else `j` and JSON; base64url either way. */
export async function encodeDocument(doc: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  if (typeof CompressionStream === 'undefined') return `j${base64url(json)}`;
  const packed = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return `z${base64url(new Uint8Array(packed))}`;
}

/** The document a link holds; throws an Error saying what is wrong with it. */
export async function decodeDocument(text: string): Promise<unknown> {
  const kind = text[0];
  if (kind !== 'z' && kind !== 'j') throw new Error('the link\'s changes ("d=") are not in a form this page writes');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64url(text.slice(1));
  } catch {
    throw new Error('the link\'s changes ("d=") are damaged: copy the whole link');
  }
  if (kind === 'z') {
    if (typeof DecompressionStream === 'undefined') throw new Error('this browser cannot read compressed links; update it');
    try {
      bytes = await readAtMost(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), MAX_DOCUMENT_BYTES);
    } catch (error) {
      throw new Error(error instanceof RangeError ? error.message : 'the link\'s changes ("d=") are damaged: copy the whole link');
    }
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new Error(`the link's changes are over ${MAX_DOCUMENT_BYTES.toLocaleString('en-US')} bytes`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new Error('the link\'s changes ("d=") are damaged: copy the whole link');
  }
}

async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new RangeError(`the link's changes are over ${max.toLocaleString('en-US')} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
