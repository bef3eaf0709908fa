/**
 * Turns Ctrl-C and SIGTERM into an AbortSignal for the duration of a command, so a long
 * run stops its workers and writes nothing instead of dying mid-write.
 */
export function interruptSignal(): { signal: AbortSignal; dispose(): void; readonly reason: string | undefined } {
  const controller = new AbortController();
  let reason: string | undefined;
  const on = (name: string) => () => {
    if (controller.signal.aborted) process.exit(130);
    reason = name;
    controller.abort();
  };
  const onInt = on('SIGINT');
  const onTerm = on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
