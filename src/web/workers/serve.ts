import type { Handler } from '../runs/protocol.js';

/** Runs a handler as this Web Worker's reply to every message the page posts, once it has said it is ready. */
export function serveHandler<In, Out>(handler: Handler<In, Out>): void {
  const scope = globalThis as unknown as { postMessage(message: Out): void; addEventListener(type: 'message', listener: (e: MessageEvent<In>) => void): void };
  const handle = handler((reply) => scope.postMessage(reply));
  scope.addEventListener('message', (e) => handle(e.data));
  // Tells the page its code is loaded: until then the page runs ranges itself.
  scope.postMessage({ type: 'ready' } as Out);
}
