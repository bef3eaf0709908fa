import { useInput, type Key } from 'ink';
import { createContext, useContext, useEffect, useRef } from 'react';

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
