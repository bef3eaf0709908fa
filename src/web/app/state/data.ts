import { scenarioDataFile, type ScenarioData, type ScenarioEntry } from './catalog.js';

/** The site's data files (made by the build, see build/data.ts), each fetched once. */
const fetched = new Map<string, Promise<unknown>>();

function fetchJson<T>(path: string): Promise<T> {
  let p = fetched.get(path);
  if (p === undefined) {
    p = fetch(new URL(path, document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`cannot load ${path}: ${r.status} ${r.statusText}`);
      return r.json() as Promise<unknown>;
    });
    p.catch(() => fetched.delete(path));
    fetched.set(path, p);
  }
  return p as Promise<T>;
}

export function scenarioIndex(): Promise<readonly ScenarioEntry[]> {
  return fetchJson('data/index.json');
}

export function bundledScenario(name: string): Promise<ScenarioData> {
  return fetchJson(`data/scenarios/${scenarioDataFile(name)}`);
}

/** Every bundled YAML file by its path in the scenarios folder (for files that extend one). */
export function bundledFiles(): Promise<Readonly<Record<string, string>>> {
  return fetchJson('data/files.json');
}
