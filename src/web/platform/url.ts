/**
 * node:url in the page. Modules that look for their build-time caches next to themselves turn
 * `import.meta.url` (an http address here) into a path: the address's path stands for it, and
 * since no cache is among the page's files, they load in full, as a file outside the bundle does.
 */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}

export default { fileURLToPath, pathToFileURL };
