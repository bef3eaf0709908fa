import type { CompiledModel } from '../../engine/index.js';
import type { SerializedTally } from '../../batch/protocol.js';

/** Messages between the page and a worker that runs ranges of branches. */
export interface RangeRequest {
  readonly type: 'range';
  readonly task: number;
  /** Same id, same model: a worker keeps the last model it was sent. */
  readonly modelId: number;
  /** The compiled model as walking branches reads it (engine walkedModel), sent only when the worker's last model is another. */
  readonly model?: CompiledModel;
  readonly seed: string;
  readonly first: number;
  readonly count: number;
}

export type RangeReply =
  | { readonly type: 'done'; readonly task: number; readonly tally: SerializedTally }
  | { readonly type: 'error'; readonly task: number; readonly message: string };

/** Where range requests go and replies come from: a Web Worker, or this thread when workers cannot start. */
export interface RangePort {
  post(request: RangeRequest): void;
  listen(listener: (reply: RangeReply) => void): void;
  close(): void;
}

/** A worker's side of a conversation: what it does with each message, posting replies through `post`. */
export type Handler<In, Out> = (post: (reply: Out) => void) => (message: In) => void;
