import { useInput, type Key } from 'ink';
import { createContext, useContext, useEffect, useRef } from 'react';
import { keysOfChunk } from '../key-chunks.js';

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
  /** Keys of a chunk not yet handed on (see keysOfChunk): each waits for the render of the one before. */
  private readonly pending: Array<readonly [string, Key]> = [];

  register(id: symbol, handler: KeyHandler, active: boolean): void {
    this.handlers.set(id, { handler, active });
  }

  unregister(id: symbol): void {
    this.handlers.delete(id);
  }

  /**
   * Hands a chunk of input to the handlers, one key at a time. The first key goes at once; each
   * next one after the render of the one before (a macrotask later), so that a prompt opened by
   * one key is there for the next, as when keys are typed one by one. Keys arriving meanwhile
   * wait their turn, so order is kept.
   */
  dispatch(input: string, key: Key): void {
    const keys = keysOfChunk(input, key);
    const idle = this.pending.length === 0;
    this.pending.push(...keys);
    if (idle) this.deliverNext();
  }

  private deliverNext(): void {
    const [input, key] = this.pending[0]!;
    try {
      for (const { handler, active } of [...this.handlers.values()]) if (active) handler(input, key);
    } finally {
      // Even if a handler threw, the keys after it are not stuck.
      if (this.pending.length === 1) this.pending.length = 0;
      else {
        setImmediate(() => {
          this.pending.shift();
          this.deliverNext();
        });
      }
    }
  }
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/** In the root component: the router, subscribed once to Ink's input. */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyRouter>(undefined);
  router.current ??= new KeyRouter();
  const current = router.current;
  useInput((input, key) => current.dispatch(input, key));
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
