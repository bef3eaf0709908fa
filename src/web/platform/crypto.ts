import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** node:crypto in the page: the SHA-256 text keys of the parse cache (parse-cache.ts), nothing else. */
export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not available in the browser`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(data: string | Uint8Array) {
      parts.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      return hash;
    },
    digest(encoding: 'hex') {
      if (encoding !== 'hex') throw new Error('only hex digests are available in the browser');
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return bytesToHex(sha256(all));
    },
  };
  return hash;
}

export default { createHash };
