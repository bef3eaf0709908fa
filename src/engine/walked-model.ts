import type { CompiledModel } from './model.js';

/**
 * A compiled model as a thread that only walks branches needs it: without the scenario and the
 * parameters' paths and definitions, which only summaries and stories read, on the calling
 * thread. They are about half the bytes and most of the objects that each re-run after an edit
 * would otherwise copy to every worker.
 */
export function walkedModel(model: CompiledModel): CompiledModel {
  // Same fields in the same order, so every model a worker reads shares one shape (compile.ts withOneShape).
  return { ...model, scenario: null as never, params: { ...model.params, paths: [], params: [] } };
}
