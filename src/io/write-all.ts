import type { FileHandle } from 'node:fs/promises';

/** One write at a time: small enough that an interrupt is noticed promptly during a large output. */
const SLICE_BYTES = 1 << 20;

/**
 * Writes all of `data` at the handle's position (so FIFOs and devices work too), in slices,
 * and stops with the signal's reason between two of them once `signal` is aborted.
 */
export async function writeAll(handle: FileHandle, data: Uint8Array, signal?: AbortSignal): Promise<void> {
  for (let at = 0; at < data.length; ) {
    signal?.throwIfAborted();
    const { bytesWritten } = await handle.write(data, at, Math.min(SLICE_BYTES, data.length - at));
    if (bytesWritten === 0) throw new Error('the write made no progress');
    at += bytesWritten;
  }
  signal?.throwIfAborted();
}
