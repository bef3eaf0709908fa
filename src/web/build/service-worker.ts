/**
 * The service worker of the page, as source text: it keeps every file of the build in a cache
 * named after the build, so the page opens and runs offline once it has been loaded; a new
 * build replaces the cache. Same-origin GET requests are answered from the cache first.
 */
export function serviceWorker(version: string, files: readonly string[]): string {
  return `const CACHE = ${JSON.stringify(`article10-${version}`)};
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('article10-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const page = request.mode === 'navigate' ? new Request(new URL('./', self.location.href)) : request;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(page, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
`;
}
