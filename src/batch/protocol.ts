/** Messages between the pool and its worker threads. */
export interface RangeJob {
  readonly type: 'range';
  readonly task: number;
  /** Same id, same model: lets a warm worker keep it. */
  readonly modelId: number;
  /**
   * The compiled model without what only the calling thread reads (see serializedModel in
   * pool.ts), serialized once (node:v8) and sent only to a worker that does not have
   * it yet: compiling again in each worker would cost more than reading it back.
   */
  readonly model?: Uint8Array;
  readonly seed: string;
  readonly first: number;
  readonly count: number;
}

/** A tally's non-zero cells, array by array (see tally-transfer.ts). */
export interface SerializedTally {
  readonly runs: number;
  readonly arrays: Record<string, { readonly length: number; readonly index: Int32Array; readonly value: Float64Array }>;
}

export type WorkerReply =
  | { readonly type: 'done'; readonly task: number; readonly tally: SerializedTally }
  | { readonly type: 'progress'; readonly task: number; readonly branches: number }
  | { readonly type: 'error'; readonly task: number; readonly message: string };
