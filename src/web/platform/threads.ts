/**
 * node:worker_threads and node:v8 in the page. The page runs its branches in Web Workers of its
 * own (runs/), never in the command line's pool: reaching the pool here is a mistake, and says so.
 */
function unavailable(what: string): never {
  throw new Error(`${what} is not available in the browser: the page runs branches in its own Web Workers`);
}

export class Worker {
  constructor() {
    unavailable('node:worker_threads');
  }
}

export const parentPort = null;
export const isMainThread = true;

export function serialize(): never {
  return unavailable('node:v8');
}

export function deserialize(): never {
  return unavailable('node:v8');
}

export default { Worker, parentPort, isMainThread, serialize, deserialize };
