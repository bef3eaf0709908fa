import { useInput, useStdin, type Key } from 'ink';
import type { EventEmitter } from 'node:events';
import { createContext, useContext, useEffect, useRef } from 'react';
import { splitKeys } from '../key-chunks.js';

type KeyHandler = (input: string, key: Key) => void;

/**
 * One subscription to Ink's input for the whole app, handing each key to the handlers that
 * the latest render registered. Ink's useInput subscribes in an effect, which can run after
 * the next key has arrived: a prompt that just opened would miss the Enter typed after it,
 * and a key would act on an older render's state. Registering while rendering closes that gap
 * (Ink flushes a key's updates synchronously, so the next key sees the new render).
 */
export class KeyRouter {
  private readonly handlers = new Map<symbol, { handler: KeyHandler; active: boolean }>();

  register(id: symbol, handler: KeyHandler, active: boolean): void {
    this.handlers.set(id, { handler, active });
  }

  unregister(id: symbol): void {
    this.handlers.delete(id);
  }

  dispatch(input: string, key: Key): void {
    for (const { handler, active } of [...this.handlers.values()]) if (active) handler(input, key);
  }
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/**
 * Replays a chunk of input that holds several keys (a paste, `Tab Tab`) one key at a time, each
 * as Ink's own input event on a later turn, so that Ink reads each key and React renders before
 * the next one: the second Tab then moves from where the first one left. Keys that arrive
 * while some are waiting queue behind them, in order.
 */
class ChunkSplitter {
  private readonly waiting: string[] = [];
  private replaying = false;
  /** Set for the chunk just queued: Ink's handler for it is told to drop it. */
  private dropNext = false;

  constructor(private readonly events: EventEmitter) {}

  /** Sees every chunk before Ink's input handler does. */
  readonly onChunk = (chunk: string): void => {
    if (this.replaying) return;
    const keys = splitKeys(chunk);
    if (keys.length < 2 && this.waiting.length === 0) return;
    this.dropNext = true;
    this.waiting.push(...keys);
    if (this.waiting.length === keys.length) this.replayNext();
  };

  /** Whether Ink's handler should drop this chunk (it was queued as separate keys). */
  takeDrop(): boolean {
    const drop = this.dropNext;
    this.dropNext = false;
    return drop;
  }

  private replayNext(): void {
    setImmediate(() => {
      const key = this.waiting.shift();
      if (key === undefined) return;
      this.replaying = true;
      try {
        this.events.emit('input', key);
      } finally {
        this.replaying = false;
      }
      if (this.waiting.length > 0) this.replayNext();
    });
  }
}

/** In the root component: the router, subscribed once to Ink's input, a chunk of several keys split into them. */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyRouter>(undefined);
  router.current ??= new KeyRouter();
  const current = router.current;
  const { internal_eventEmitter: events } = useStdin();
  const splitter = useRef<ChunkSplitter>(undefined);
  splitter.current ??= new ChunkSplitter(events);
  const split = splitter.current;
  useEffect(() => {
    events.prependListener('input', split.onChunk);
    return () => {
      events.off('input', split.onChunk);
    };
  }, [events, split]);
  useInput((input, key) => {
    if (!split.takeDrop()) current.dispatch(input, key);
  });
  return current;
}

/** Handles keys while `active`; `router` defaults to the one above in the tree. */
export function useKeys(handler: KeyHandler, active = true, router?: KeyRouter): void {
  const fromTree = useContext(KeyRouterContext);
  const target = router ?? fromTree;
  if (target === undefined) throw new Error('useKeys needs a KeyRouterContext provider (see useKeyRouter)');
  const id = useRef(Symbol('keys')).current;
  target.register(id, handler, active);
  useEffect(() => () => target.unregister(id), [target, id]);
}
