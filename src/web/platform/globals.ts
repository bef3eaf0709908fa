import { workingFolder } from './files.js';

/**
 * The Node globals that modules shared with the command line use, for the page's bundle
 * (esbuild injects these wherever the bundled code names them).
 */
export const process = {
  cwd: workingFolder,
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  argv: [] as string[],
  exitCode: undefined as number | undefined,
};

/** Only what the loader calls: a buffer to read a file into, and the UTF-8 length of a text. */
export const Buffer = {
  alloc: (size: number) => new Uint8Array(size),
  byteLength: (text: string) => new TextEncoder().encode(text).length,
};

/** Yields to the event loop as Node's setImmediate does, without the clamping of nested timeouts. */
export function setImmediate(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}
