import type { EventEmitter } from 'node:events';
import { useInput, useStdin, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { isTextKey, keysOfChunk } from '../key-chunks.js';
import { withoutUnknownSequences } from '../terminal-sequences.js';

type KeyHandler = (input: string, key: Key) => void;

/** The longest a key waits for the render of the one before: a key that changed nothing renders nothing. */
const RENDER_WAIT_MS = 30;

/**
 * One subscription to Ink's input for the whole app, handing each key to the handlers that
 * the latest render registered. Ink's useInput subscribes in an effect, which can run after
 * the next key has arrived, so handlers are registered while rendering instead. And React
 * renders a key's updates after its handler, not at once (a microtask later, or later still on a
 * loaded machine): a key that arrives before then (a paste, keys read in one go, Esc and a key
 * typed fast) would act on the state of the render before, and a screen or prompt opened by one
 * key would not be there for the next. So each key is handed on once a render has come after
 * the one before (every render of a component with keys registers them), or after
 * RENDER_WAIT_MS when the key changed nothing that renders.
 */
export class KeyRouter {
  private readonly handlers = new Map<symbol, { handler: KeyHandler; active: boolean; takesText: boolean }>();
  /** Keys not yet handed on: each waits for the render of the one before. */
  private readonly pending: Array<readonly [string, Key]> = [];
  /** A key was handed on and its render may not be done yet. */
  private settling = false;
  /** Registrations so far: one per render of a component with keys. */
  private renders = 0;

  register(id: symbol, handler: KeyHandler, active: boolean, takesText = false): void {
    this.handlers.set(id, { handler, active, takesText });
    this.renders++;
  }

  unregister(id: symbol): void {
    this.handlers.delete(id);
  }

  /**
   * Hands input to the handlers, one key at a time (a chunk of several keys is split, see
   * keysOfChunk). A key goes at once unless the one before it is still settling; then it waits
   * its turn, so order is kept and every key sees the render of the one before, as when keys
   * are typed one by one.
   */
  dispatch(input: string, key: Key): void {
    this.pending.push(...keysOfChunk(input, key));
    if (!this.settling) this.deliverNext();
  }

  private deliverNext(): void {
    let next = this.pending.shift();
    if (next === undefined) {
      this.settling = false;
      return;
    }
    // A text prompt takes the characters that wait in a row (a paste) as one input: typed into
    // it one by one they give the same line, but each would wait for a render of its own, and a
    // render of a longer line each time (a paste of 15,000 characters took minutes, with Esc and
    // Ctrl-C waiting behind it).
    if (isTextKey(next) && [...this.handlers.values()].some((h) => h.active && h.takesText)) {
      let end = 0;
      while (end < this.pending.length && isTextKey(this.pending[end]!)) end++;
      next = [next[0] + this.pending.splice(0, end).map(([input]) => input).join(''), next[1]];
    }
    this.settling = true;
    const renders = this.renders;
    const handedAt = performance.now();
    try {
      const ctrlLetter = isCtrlLetter(next);
      for (const { handler, active, takesText } of [...this.handlers.values()]) if (active && (takesText || !ctrlLetter)) handler(next[0], next[1]);
    } finally {
      // Even if a handler threw, the keys after it are not stuck.
      const afterRender = () => {
        if (this.renders !== renders || performance.now() - handedAt >= RENDER_WAIT_MS) this.deliverNext();
        else setImmediate(afterRender);
      };
      setImmediate(afterRender);
    }
  }
}

/**
 * A Ctrl key with a letter other than Ctrl-C (the way out). Ink gives it as its letter with
 * `ctrl` set, and the screens' keys are letters: Ctrl-L (a redraw in many programs) stepped the
 * selected value, Ctrl-U (clear the line) undid an edit, Ctrl-Y answered y to "quit without
 * saving". Only a text prompt, which edits its line with them, is handed one.
 */
function isCtrlLetter([input, key]: readonly [string, Key]): boolean {
  return key.ctrl && /^[a-z]$/.test(input) && input !== 'c';
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/** In the root component: the router, subscribed once to Ink's input. */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyRouter>(undefined);
  router.current ??= new KeyRouter();
  const current = router.current;
  useInputGuard();
  useInput((input, key) => current.dispatch(input, key));
  return current;
}

/**
 * Drops, before Ink parses them, the control sequences the UI does not know (see
 * withoutUnknownSequences): Ink hands its input to every subscriber through one emitter, so
 * its emit is wrapped for as long as the app runs. Installed while rendering, so it is in
 * place before Ink's own subscription, made in an effect, can receive anything.
 */
function useInputGuard(): void {
  const { internal_eventEmitter: emitter } = useStdin();
  const guarded = useRef<EventEmitter | undefined>(undefined);
  if (guarded.current !== emitter) {
    guarded.current = emitter;
    const emit = emitter.emit.bind(emitter);
    emitter.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event !== 'input' || typeof args[0] !== 'string') return emit(event, ...args);
      const input = withoutUnknownSequences(args[0]);
      return input === '' ? false : emit(event, input, ...args.slice(1));
    };
  }
}

/**
 * Handles keys while `active`; `router` defaults to the one above in the tree. A handler that
 * `takesText` (a text prompt) may get several printable characters as one input.
 */
export function useKeys(handler: KeyHandler, active = true, router?: KeyRouter, takesText = false): void {
  const fromTree = useContext(KeyRouterContext);
  const target = router ?? fromTree;
  if (target === undefined) throw new Error('useKeys needs a KeyRouterContext provider (see useKeyRouter)');
  const id = useRef(Symbol('keys')).current;
  target.register(id, handler, active, takesText);
  // Gone with the commit that unmounts it: a passive effect's cleanup can wait until the next
  // render, and the key that causes it (the first on a new screen) would reach the old screen.
  useLayoutEffect(() => () => target.unregister(id), [target, id]);
}
