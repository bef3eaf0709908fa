/** node:os in the page: the cores the browser reports. */
export function availableParallelism(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
}

export function cpus(): { readonly model: string }[] {
  return Array.from({ length: availableParallelism() }, () => ({ model: 'browser' }));
}

export default { availableParallelism, cpus };
