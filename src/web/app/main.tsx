import { createRoot } from 'react-dom/client';
import type { Scenario } from '../../model/scenario.js';
import { App, openBundled } from './app.js';
import type { ScenarioEntry } from './state/catalog.js';
import { scenarioIndex } from './state/data.js';
import { decodeDocument, DEFAULT_SCENARIO, readLink } from './state/link.js';
import { initialEditor, type Opened } from './state/opened.js';
import { pageExecutors, pageRunner } from './state/workers.js';
import './styles.css';

/** How long the page waits for the quick estimate before drawing its first frame without it. */
const FIRST_RESULTS_WAIT_MS = 400;

/**
 * The page starts: reads the address (scenario, changes, seed, branches), opens the scenario
 * from the build's data and starts its first run before React draws anything, so the first
 * results come as soon as the engine has them.
 */
async function boot(root: HTMLElement): Promise<void> {
  const { state: link, problems } = readLink(location.hash);
  const notices = [...problems];
  const indexPromise = scenarioIndex();
  const index = await indexPromise;
  let name = link.name ?? DEFAULT_SCENARIO;
  if (!index.some((e) => e.name === name)) {
    notices.push(`The link names "${name}", which is not a bundled scenario: showing ${DEFAULT_SCENARIO}.`);
    name = DEFAULT_SCENARIO;
  }
  let opened: Opened | undefined;
  let linked: Scenario | undefined;
  if (link.doc !== undefined) {
    const fromLink = await openLink(index, link.name, link.doc);
    if (fromLink.ok) ({ opened, linked } = fromLink);
    else notices.push(fromLink.message);
  }
  opened ??= await openBundled(index, name);
  const editor = initialEditor(opened, linked);
  const runner = pageRunner(link.seed, link.runs);
  performance.mark('article10:scenario-opened');
  runner.start(editor.scenario, editor.warnings, () => undefined);
  performance.mark('article10:run-started');
  // A first frame that already has the quick estimate is drawn once; past a short wait, without it.
  await Promise.race([runner.firstResults().then(() => performance.mark('article10:quick-estimate')), new Promise((resolve) => setTimeout(resolve, FIRST_RESULTS_WAIT_MS))]);
  createRoot(root).render(<App index={index} opened={opened} editor={editor} runner={runner} settings={{ seed: link.seed, runs: link.runs }} notices={notices} projector={link.projector} />);
}

/** The scenario a link's `d=` holds: changes to a bundled scenario, or a whole one. */
async function openLink(index: readonly ScenarioEntry[], name: string | undefined, doc: string): Promise<{ ok: true; opened: Opened; linked?: Scenario } | { ok: false; message: string }> {
  try {
    const [loader, decoded] = await Promise.all([import('./state/loader.js'), decodeDocument(doc)]);
    if (name !== undefined && !index.some((e) => e.name === name)) return { ok: false, message: `The link's changes are to "${name}", which is not a bundled scenario.` };
    const loaded = await loader.loadLinkDocument(name, decoded);
    if (!loaded.ok) return { ok: false, message: `The link's changes cannot be used:\n${loaded.message}` };
    if (name !== undefined) return { ok: true, opened: await openBundled(index, name), linked: loaded.value.scenario };
    const l = loaded.value;
    return {
      ok: true,
      opened: { origin: { kind: 'file', name: 'shared-link.yaml' }, scenario: l.scenario, warnings: l.warnings, ...(l.baseline !== undefined && { reference: { label: l.baseline.file, scenario: l.baseline.scenario } }) },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Offline once loaded: the service worker keeps every file of the build (where the page is served over http). */
function keepForOffline(): void {
  if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === 'localhost' || location.hostname === '127.0.0.1')) {
    window.addEventListener('load', () => void navigator.serviceWorker.register('sw.js').catch(() => undefined));
  }
}

const root = document.getElementById('root')!;
// The workers load their code while the page fetches its data.
pageExecutors();
keepForOffline();
boot(root).catch((error: unknown) => {
  root.textContent = `The explorer could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.setAttribute('role', 'alert');
});
