import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { rewriteDistance, rewriteLines } from '../../analysis/rewrite/rewrite-distance.js';
import type { LiveRunner } from '../../batch/live-runner.js';
import type { Scenario } from '../../model/scenario.js';
import { useBaseline } from '../../tui/hooks/use-baseline.js';
import { useLiveResults } from '../../tui/hooks/use-live-results.js';
import { editorReducer, isDirty, type EditorAction, type EditorState } from '../../tui/state/editor.js';
import { stagesFor } from '../runs/stages.js';
import { DebateView, type Team, type TeamChoice } from './components/debate.js';
import { ExplainView } from './components/explain.js';
import { Parameters } from './components/parameters.js';
import { ResultsView, resultsAnnouncement } from './components/results.js';
import { RewriteView } from './components/rewrite.js';
import { Settings } from './components/settings.js';
import { integer, shellWord } from './format.js';
import type { ScenarioEntry } from './state/catalog.js';
import { bundledScenario } from './state/data.js';
import { encodeDocument, writeLink } from './state/link.js';
import { replaceWith, type Opened, type Origin } from './state/opened.js';
import { resultsDocument } from './state/results-document.js';
import { pageExecutors, pageRunner } from './state/workers.js';

export interface AppProps {
  readonly index: readonly ScenarioEntry[];
  readonly opened: Opened;
  /** The editor as it opens (a link's changes already applied); the runner is already running its scenario. */
  readonly editor: EditorState;
  readonly runner: LiveRunner;
  readonly settings: { readonly seed: string; readonly runs: number };
  /** Problems met while opening (a link that could not be read). */
  readonly notices: readonly string[];
  readonly projector: boolean;
}

/** How long after the last edit the address is brought up to date. */
const LINK_DELAY_MS = 500;

type View = 'explore' | 'debate' | 'explain' | 'rewrite';
const VIEWS: readonly { readonly id: View; readonly label: string }[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'debate', label: 'Debate' },
  { id: 'explain', label: 'Explain a branch' },
  { id: 'rewrite', label: 'What would it take?' },
];

/** A scenario the user opened from a file, kept for the picker and the debate view. */
interface UserFile {
  readonly name: string;
  readonly opened: Opened;
}

/** The web explorer: the terminal explorer's editor, runner and analyses, in a page. */
export function App(props: AppProps) {
  const { index } = props;
  const [opened, setOpened] = useState<Opened>(props.opened);
  const [editor, dispatchEditor] = useReducer(editorReducer, props.editor);
  const [settings, setSettings] = useState(props.settings);
  const [runner, setRunner] = useState(props.runner);
  const [view, setView] = useState<View>('explore');
  const [projector, setProjector] = useState(props.projector);
  const [notices, setNotices] = useState<readonly string[]>(props.notices);
  const [problem, setProblem] = useState<{ readonly title: string; readonly text: string }>();
  const [files, setFiles] = useState<readonly UserFile[]>([]);
  const [shared, setShared] = useState<string>();
  const [teams, setTeams] = useState({ a: 'reference', b: 'screen' });
  const [teamScenarios, setTeamScenarios] = useState<ReadonlyMap<string, Scenario>>(new Map());
  const editAt = useRef<{ readonly at: number; scenario?: Scenario }>(undefined);
  // A message's Dismiss (or Close) takes its box away, and with it the focus: it goes back where the reader was.
  const afterShared = useFocusReturn(shared !== undefined);
  const afterProblem = useFocusReturn(problem !== undefined);
  const afterNotices = useFocusReturn(notices.length > 0);
  // The results are drawn first; the many controls of the assumptions in the frame after.
  const [controlsDrawn, setControlsDrawn] = useState(false);
  useEffect(() => void requestAnimationFrame(() => setTimeout(() => setControlsDrawn(true), 0)), []);

  const dispatch = (action: EditorAction) => {
    editAt.current = { at: performance.now() };
    dispatchEditor(action);
  };
  const notify = (note: string) => dispatchEditor({ type: 'note', note });
  const live = useLiveResults(runner, editor.scenario, editor.warnings);
  const { baseline, pinned, toggle: togglePin } = useBaseline(editor.scenario, live.snapshot, notify);
  const dirty = isDirty(editor);
  const results = live.snapshot?.results;
  const bundledName = opened.origin.kind === 'bundled' && !dirty ? opened.origin.name : undefined;

  // How long an edit took to show refined results (User Timing, read by the benchmark).
  useEffect(() => {
    if (editAt.current !== undefined && editAt.current.scenario === undefined) editAt.current.scenario = editor.scenario;
  }, [editor.scenario]);
  useEffect(() => {
    if (results === undefined) return;
    if (performance.getEntriesByName('article10:first-results').length === 0) performance.mark('article10:first-results', { detail: { runs: results.runs } });
    const edit = editAt.current;
    if (edit?.scenario === editor.scenario && live.snapshot?.final === true && !live.running) {
      performance.measure('article10:rerun', { start: edit.at, detail: { runs: results.runs } });
      editAt.current = undefined;
    }
  }, [results, live.running, live.snapshot, editor.scenario]);

  // The rewrite distance: from what the scenario rewrites, else from the file as opened.
  const reference = opened.reference ?? { label: `${opened.origin.name} as opened`, scenario: opened.scenario };
  const rewrite = useMemo(() => rewriteDistance(reference.scenario, editor.scenario), [reference.scenario, editor.scenario]);

  // The address holds the scenario and its changes, so a reload or a shared link shows the same.
  // Written once the edits pause, so it never competes with the runs a series of edits starts.
  const linkReady = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let live = true;
    const ready = (async () => {
      await new Promise((r) => setTimeout(r, LINK_DELAY_MS));
      if (!live) return;
      const doc = await linkDocument(opened, editor);
      if (!live) return;
      const hash = writeLink({ ...(opened.origin.kind === 'bundled' && { name: opened.origin.name }), seed: settings.seed, runs: settings.runs, ...(doc !== undefined && { doc }), projector });
      if (hash !== location.hash && !(hash === '#' && location.hash === '')) history.replaceState(null, '', hash === '#' ? location.pathname + location.search : hash);
    })();
    linkReady.current = ready.catch(() => undefined);
    return () => {
      live = false;
    };
  }, [opened, editor.scenario, editor.original, settings, projector]);

  // Undo and redo from the keyboard, except in a text field (which keeps its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target !== null && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text'))) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if (e.key === 'Escape' && projector) setProjector(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [projector]);

  const openScenario = (next: Opened) => {
    setOpened(next);
    dispatchEditor({ type: 'open', scenario: next.scenario, file: next.origin.name, warnings: next.warnings });
    setProblem(undefined);
  };
  const confirmDiscard = () => !dirty || window.confirm(`Discard your changes to ${editor.scenario.title}?`);
  const pickBundled = async (name: string) => {
    if (!confirmDiscard()) return;
    try {
      openScenario(await openBundled(index, name));
    } catch (error) {
      setProblem({ title: `Cannot open ${name}`, text: error instanceof Error ? error.message : String(error) });
    }
  };
  const openFiles = async (list: FileList) => {
    const picked = [...list];
    if (picked.length === 0) return;
    const tooLarge = picked.find((f) => f.size > 50_000_000);
    if (tooLarge !== undefined) return setProblem({ title: `Cannot open ${tooLarge.name}`, text: `the file is ${integer(tooLarge.size)} bytes: a scenario file is at most 1 MB` });
    const loader = await import('./state/loader.js');
    const read = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const outcomes = await loader.loadUserFiles(read);
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.message]));
    const loaded = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
    const added = loaded.map((l): UserFile => ({ name: l.file, opened: { origin: { kind: 'file', name: l.file }, scenario: l.scenario, warnings: l.warnings, ...(l.baseline !== undefined && { reference: { label: l.baseline.file, scenario: l.baseline.scenario } }) } }));
    setFiles((fs) => [...fs.filter((f) => !added.some((a) => a.name === f.name)), ...added]);
    if (failed.length > 0) setProblem({ title: failed.length === 1 && picked.length === 1 ? `Cannot open ${picked[0]!.name}` : 'Some files cannot be opened', text: failed.join('\n\n') });
    else setProblem(undefined);
    if (added[0] !== undefined && confirmDiscard()) {
      openScenario(added[0].opened);
      if (failed.length > 0) setProblem({ title: 'Some files cannot be opened', text: failed.join('\n\n') });
    }
  };
  const download = async (kind: 'yaml' | 'json') => {
    if (kind === 'json') {
      if (results === undefined) return notify('no results yet');
      // As `run --json` gives them for the file on screen: a changed scenario is a file that extends the one opened.
      const rewriteFrom = opened.reference?.scenario ?? (dirty ? opened.scenario : undefined);
      return save(`${editor.scenario.id}-results.json`, resultsDocument(results, editor.scenario, rewriteFrom), 'application/json');
    }
    const loader = await import('./state/loader.js');
    const d = loader.downloadYaml(editor.original, editor.scenario, opened.origin.kind === 'bundled' ? opened.origin.name : undefined);
    save(d.name, d.text, 'text/yaml');
    notify(`downloaded ${d.name}: ${d.complete ? 'a complete scenario with your changes' : `${d.changes} change${d.changes === 1 ? '' : 's'} to ${opened.origin.name}`}; run it with npx article10 run ${d.name}`);
  };
  const share = async () => {
    await linkReady.current;
    const url = location.href;
    setShared(url);
    try {
      await navigator.clipboard.writeText(url);
      notify('link copied: it opens this scenario with your changes, seed and branches');
    } catch {
      notify('select the link and copy it');
    }
  };
  const applySettings = (seed: string, runs: number) => {
    // A pin of another seed or number of branches would mix Monte Carlo noise into the change.
    if (baseline !== undefined) togglePin();
    setSettings({ seed, runs });
    setRunner(pageRunner(seed, runs));
    notify(`seed ${seed}, ${integer(runs)} branches`);
  };

  // The debate's teams: A the pin, else the reference; B the scenario on screen; or any scenario chosen.
  const teamChoices: TeamChoice[] = [
    ...(pinned !== undefined ? [{ value: 'pinned', label: 'The pinned scenario' }] : []),
    { value: 'reference', label: opened.reference !== undefined ? `Its baseline (${opened.reference.label})` : 'As opened' },
    { value: 'screen', label: dirty ? 'On screen (edited)' : 'On screen' },
    ...index.map((e) => ({ value: `bundled:${e.name}`, label: entryLabel(e) })),
    ...files.map((f) => ({ value: `file:${f.name}`, label: `Your file: ${f.name}` })),
  ];
  const teamOf = (value: string): Team | undefined => {
    if (value === 'pinned' && pinned !== undefined) return { scenario: pinned, role: 'pinned' };
    if (value === 'reference') return { scenario: reference.scenario, role: opened.reference !== undefined ? 'baseline' : 'as opened', ...(opened.reference === undefined && bundledName !== undefined && { bundled: bundledName }) };
    if (value === 'screen') return { scenario: editor.scenario, role: dirty ? 'edited' : 'on screen', ...(bundledName !== undefined && { bundled: bundledName }) };
    if (value.startsWith('file:')) {
      const f = files.find((x) => x.name === value.slice(5));
      return f === undefined ? undefined : { scenario: f.opened.scenario, role: f.name };
    }
    const s = teamScenarios.get(value);
    return s === undefined ? undefined : { scenario: s, role: value.slice(8), bundled: value.slice(8) };
  };
  const chooseTeam = async (team: 'a' | 'b', value: string) => {
    if (value.startsWith('bundled:') && !teamScenarios.has(value)) {
      const data = await bundledScenario(value.slice(8));
      setTeamScenarios((m) => new Map(m).set(value, data.scenario));
    }
    setTeams((t) => ({ ...t, [team]: value }));
  };
  const teamA = teamOf(teams.a) ?? teamOf(pinned !== undefined ? 'pinned' : 'reference')!;
  const teamB = teamOf(teams.b) ?? teamOf('screen')!;

  const undoLabel = editor.undo[editor.undo.length - 1]?.label;
  const redoLabel = editor.redo[editor.redo.length - 1]?.label;
  const status =
    live.error !== undefined
      ? `The run failed: ${live.error} (your edits are kept; undo takes them back)`
      : results === undefined
        ? 'Running the first branches…'
        : live.running
          ? `Quick estimate: ${integer(results.runs)} branches, seed ${results.seed}; refining to ${integer(settings.runs)}…`
          : `${integer(results.runs)} branches, seed ${results.seed}${live.snapshot ? ` (${Math.round(live.snapshot.ms)} ms)` : ''}`;
  const command = `npx article10 run ${bundledName ?? (dirty ? '<the downloaded file>' : shellWord(opened.origin.name))} --seed ${shellWord(settings.seed)} --runs ${settings.runs}`;

  return (
    <div className={`app${projector ? ' projector' : ''}`} data-view={view}>
      <header className="top">
        <div className="brand">
          <h1>article10</h1>
          <p className="tagline">Could the USSR or Russia have joined NATO? The same engine as the terminal, in your browser.</p>
        </div>
        <div className="scenario-line">
          <label htmlFor="scenario-picker" className="picker-label">
            Decision point
          </label>
          <select
            id="scenario-picker"
            value={opened.origin.kind === 'bundled' ? `bundled:${opened.origin.name}` : `file:${opened.origin.name}`}
            onChange={(e) => {
              const v = e.target.value;
              if (v.startsWith('bundled:')) void pickBundled(v.slice(8));
              else {
                const f = files.find((x) => `file:${x.name}` === v);
                if (f !== undefined && confirmDiscard()) openScenario(f.opened);
              }
            }}
          >
            <optgroup label="Decision points and counterfactuals">
              {index
                .filter((e) => e.group === 'decision')
                .map((e) => (
                  <option key={e.name} value={`bundled:${e.name}`}>
                    {entryLabel(e)}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Real accession cases (backtests)">
              {index
                .filter((e) => e.group === 'backtest')
                .map((e) => (
                  <option key={e.name} value={`bundled:${e.name}`}>
                    {entryLabel(e)}
                  </option>
                ))}
            </optgroup>
            {files.length > 0 || opened.origin.kind === 'file' ? (
              <optgroup label="Your files">
                {opened.origin.kind === 'file' && !files.some((f) => f.name === opened.origin.name) ? <option value={`file:${opened.origin.name}`}>{opened.origin.name}</option> : null}
                {files.map((f) => (
                  <option key={f.name} value={`file:${f.name}`}>
                    {f.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        <nav className="toolbar" aria-label="Actions">
          <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={undoLabel === undefined} title={undoLabel === undefined ? 'Nothing to undo' : `Undo: ${undoLabel} (Ctrl+Z)`}>
            Undo
          </button>
          <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={redoLabel === undefined} title={redoLabel === undefined ? 'Nothing to redo' : `Redo: ${redoLabel} (Ctrl+Shift+Z)`}>
            Redo
          </button>
          <button type="button" onClick={togglePin} aria-pressed={baseline !== undefined} title="Compare every outcome with these results: same seed, so a change is the edits' effect">
            {baseline !== undefined ? 'Unpin baseline' : 'Pin baseline'}
          </button>
          <button type="button" onClick={() => void share()}>
            Share link
          </button>
          <button type="button" onClick={() => void download('yaml')}>
            Download YAML
          </button>
          <button type="button" onClick={() => void download('json')} disabled={results === undefined}>
            Results JSON
          </button>
          <label className="button file-button">
            Open file…
            <input
              type="file"
              accept=".yaml,.yml,.json"
              multiple
              className="visually-hidden"
              onChange={(e) => {
                if (e.target.files !== null) void openFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <button type="button" onClick={() => setProjector((p) => !p)} aria-pressed={projector}>
            {projector ? 'Leave projector view' : 'Projector view'}
          </button>
        </nav>
        <Settings seed={settings.seed} runs={settings.runs} onApply={applySettings} />
      </header>

      {shared !== undefined ? (
        <div className="shared" role="region" aria-label="Link to share">
          <label>
            Link to this scenario with your changes:{' '}
            <input type="text" readOnly value={shared} onFocus={(e) => e.target.select()} aria-label="Link to share" />
          </label>
          <button
            type="button"
            onClick={() => {
              afterShared();
              setShared(undefined);
            }}
          >
            Close
          </button>
        </div>
      ) : null}
      {problem !== undefined ? (
        <div className="problem-box" role="alert">
          <h2>{problem.title}</h2>
          <pre>{problem.text}</pre>
          <button
            type="button"
            onClick={() => {
              afterProblem();
              setProblem(undefined);
            }}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      {notices.length > 0 ? (
        <div className="notice" role="status">
          {notices.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
          <button
            type="button"
            onClick={() => {
              afterNotices();
              setNotices([]);
            }}
          >
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="title-line">
        <h2 className="scenario-title">
          {editor.scenario.title}
          {dirty ? <span className="edited-badge"> · edited</span> : null}
        </h2>
        <p className="decision-point">
          {editor.scenario.decisionPoint.year}–{editor.scenario.decisionPoint.horizon}: {editor.scenario.decisionPoint.label}
        </p>
      </div>

      <div className="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={view === v.id}
            // Only the selected view's panel is drawn: a reference to another would point at nothing.
            aria-controls={view === v.id ? `panel-${v.id}` : undefined}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => setView(v.id)}
            // The tabs pattern's keys: ← → to the neighbour (round the ends), Home and End to the first and last.
            onKeyDown={(e) => {
              const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : undefined;
              if (to === undefined) return;
              e.preventDefault();
              const next = VIEWS[(to + VIEWS.length) % VIEWS.length]!;
              setView(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            }}
          >
            {v.label}
          </button>
        ))}
      </div>

      <main>
        <div id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} className={`panel panel-${view}`}>
          {view === 'explore' ? (
            <div className="explore">
              {/* A keyboard reaches the results without tabbing through every assumption; a button, since the address's # holds the page's state. */}
              <button type="button" className="skip" onClick={() => document.getElementById('results-heading')?.focus()}>
                Skip to the results
              </button>
              {controlsDrawn ? (
                <Parameters scenario={editor.scenario} original={editor.original} onChange={(key, change) => dispatch({ type: 'change', key, change })} />
              ) : (
                <section className="parameters" aria-busy="true">
                  <h2>Assumptions</h2>
                </section>
              )}
              <section className="results" aria-labelledby="results-heading" aria-busy={live.running}>
                <h2 id="results-heading" tabIndex={-1}>
                  Results
                </h2>
                <p className={`run-status${live.running ? ' running' : ''}`} data-final={live.snapshot?.final === true && !live.running ? 'true' : 'false'}>
                  {status}
                </p>
                <p className="visually-hidden" aria-live="polite">
                  {results !== undefined && !live.running ? resultsAnnouncement(results) : ''}
                </p>
                {results !== undefined ? <ResultsView results={results} {...(baseline !== undefined && { baseline })} /> : null}
                <details className="rewrite-distance">
                  <summary>
                    Rewrite distance from {reference.label}: <strong>{rewrite.score.toFixed(1)}</strong>
                  </summary>
                  <p>Each changed value in units of its documented uncertainty, plus one per rule or event switched.</p>
                  {rewriteLines(rewrite).length === 0 ? (
                    <p>Nothing changed.</p>
                  ) : (
                    <ul>
                      {rewriteLines(rewrite).map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  )}
                </details>
                <p className="terminal">
                  The same numbers in the terminal: <code>{command}</code>
                </p>
              </section>
            </div>
          ) : view === 'debate' ? (
            <DebateView
              a={teamA}
              b={teamB}
              choices={teamChoices}
              chosen={{ a: teamOf(teams.a) === undefined ? (pinned !== undefined ? 'pinned' : 'reference') : teams.a, b: teamOf(teams.b) === undefined ? 'screen' : teams.b }}
              onChoose={(team, value) => void chooseTeam(team, value)}
              seed={settings.seed}
              runs={settings.runs}
            />
          ) : view === 'explain' ? (
            <ExplainView scenario={editor.scenario} seed={settings.seed} {...(bundledName !== undefined && { bundled: bundledName })} />
          ) : (
            <RewriteView
              scenario={editor.scenario}
              seed={settings.seed}
              {...(bundledName !== undefined && { bundled: bundledName })}
              onApply={(rewritten, label) => {
                dispatch({ type: 'edit', label, recipe: replaceWith(rewritten) });
                setView('explore');
                // The button leaves with its view: focus goes to the tab of the view shown, not to the page's start.
                document.getElementById('tab-explore')?.focus();
              }}
              counterfactuals={(scenario) => counterfactualsOf(index, scenario)}
            />
          )}
        </div>
      </main>

      <footer className="status-line">
        <p role="status" className="note">
          {editor.note ?? ''}
        </p>
        <p className="quick-info">
          Each change runs a quick estimate of {integer(stagesFor(settings.runs)[0]!)} branches, then {integer(settings.runs)}, on this computer ({workerCount()}); nothing is sent anywhere. Ctrl+Z undoes, Ctrl+Shift+Z redoes.
        </p>
      </footer>
    </div>
  );
}

/**
 * Where the focus goes when a box that took no focus closes (a message, the link to share): the
 * control the reader was at when it opened (the Open file… field, the picker, Share link), if it
 * is still on the page; else the tab of the view shown, as for a message the page opened with.
 * Without it the focus falls to the page's start with the box's button.
 * Call the function it returns before the box is taken away.
 */
function useFocusReturn(open: boolean): () => void {
  const before = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const at = document.activeElement;
    before.current = at instanceof HTMLElement && at !== document.body ? at : null;
  }, [open]);
  return () => {
    const back = before.current;
    const target = back !== null && back.isConnected ? back : document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    target?.focus();
    before.current = null;
  };
}

/** A bundled scenario as the page opens it, with the baseline it rewrites. */
export async function openBundled(index: readonly ScenarioEntry[], name: string): Promise<Opened> {
  const entry = index.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no bundled scenario is named "${name}"`);
  const [data, base] = await Promise.all([bundledScenario(name), entry.baseline === undefined ? undefined : bundledScenario(entry.baseline)]);
  const origin: Origin = { kind: 'bundled', name };
  return { origin, scenario: data.scenario, warnings: data.warnings, ...(base !== undefined && { reference: { label: base.name, scenario: base.scenario } }) };
}

/**
 * The bundled counterfactuals whose baseline is the scenario's decision point (by id), in the
 * order of their file names: the top folder's files, as `article10 rewrite` reads them.
 */
async function counterfactualsOf(index: readonly ScenarioEntry[], scenario: Scenario): Promise<Scenario[]> {
  const idOf = new Map(index.map((e) => [e.name, e.id]));
  const names = index
    .filter((e) => !e.name.includes('/') && e.baseline !== undefined && idOf.get(e.baseline) === scenario.id && e.id !== scenario.id)
    .map((e) => e.name)
    .sort((a, b) => (`${a}.yaml` < `${b}.yaml` ? -1 : 1));
  return Promise.all(names.map(async (name) => (await bundledScenario(name)).scenario));
}

/** What the address's `d=` holds for the scenario on screen: its changes from the bundled file, or the whole scenario of a file; none when unchanged. */
async function linkDocument(opened: Opened, editor: EditorState): Promise<string | undefined> {
  if (opened.origin.kind === 'bundled' && editor.scenario === editor.original) return undefined;
  const loader = await import('./state/loader.js');
  if (opened.origin.kind === 'file') return encodeDocument(loader.wholeScenario(editor.scenario));
  const changes = loader.linkChanges(editor.original, editor.scenario);
  return Object.keys(changes).length === 0 ? undefined : encodeDocument(changes);
}

/** A bundled scenario in a list: its title, after its year unless the title starts with it. */
function entryLabel(e: ScenarioEntry): string {
  return e.title.startsWith(String(e.year)) ? e.title : `${e.year} · ${e.title}`;
}

function workerCount(): string {
  const n = pageExecutors().length;
  return typeof Worker === 'undefined' || location.protocol === 'file:' ? 'in the page itself' : `in ${n} Web Worker${n === 1 ? '' : 's'}`;
}

function save(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
