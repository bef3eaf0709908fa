import { useMemo, useState } from 'react';
import { isStretch, tellStory } from '../../../analysis/explain/story.js';
import { compile, EXITS, findBranch, LAST_BRANCH, parseBranchNumber, traceBranch } from '../../../engine/index.js';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../../../model/outcome.js';
import type { Scenario } from '../../../model/scenario.js';
import { resolveSource } from '../../../model/sources.js';

export interface ExplainViewProps {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Its bundled name, when it is a bundled file as written (for the terminal's command). */
  readonly bundled?: string;
}

/** One branch told year by year (the story of `article10 explain`), with the sources of each step. */
export function ExplainView({ scenario, seed, bundled }: ExplainViewProps) {
  const [branch, setBranch] = useState(0);
  const [typed, setTyped] = useState<string>();
  const [wanted, setWanted] = useState<Outcome>('joined');
  const [note, setNote] = useState<string>();
  const model = useMemo(() => compile(scenario), [scenario]);
  const story = useMemo(() => tellStory(model, seed, traceBranch(model, seed, branch)), [model, seed, branch]);
  const go = (b: number) => {
    setBranch(Math.max(0, Math.min(LAST_BRANCH, b)));
    setTyped(undefined);
    setNote(undefined);
  };
  const find = () => {
    const found = findBranch(model, seed, (exit) => EXITS.find((e) => e.exit === exit)?.outcome === wanted, branch + 1);
    if (found === undefined) setNote(`No branch ending "${OUTCOME_LABELS[wanted]}" among the 100,000 after branch ${branch}.`);
    else {
      go(found);
      setNote(`Branch ${found} is the next that ends "${OUTCOME_LABELS[wanted]}".`);
    }
  };
  const typedOk = typed === undefined || parseBranchNumber(typed) !== undefined;
  let lastYear = Number.NaN;
  return (
    <section className="explain" aria-labelledby="explain-heading">
      <h2 id="explain-heading">Explain a branch</h2>
      <form
        className="branch-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed !== undefined && typedOk) go(parseBranchNumber(typed)!);
        }}
      >
        <button type="button" onClick={() => go(branch - 1)} disabled={branch === 0} aria-label="Previous branch">
          ◀
        </button>
        <label>
          Branch{' '}
          <input type="text" inputMode="numeric" value={typed ?? String(branch)} onChange={(e) => setTyped(e.target.value)} aria-invalid={!typedOk} aria-describedby={typedOk ? undefined : 'branch-problem'} size={8} />
        </label>
        <button type="button" onClick={() => go(branch + 1)} aria-label="Next branch">
          ▶
        </button>
        <button type="submit" disabled={!typedOk || typed === undefined}>
          Show
        </button>
        <span className="find">
          <label>
            Next branch ending{' '}
            <select value={wanted} onChange={(e) => setWanted(e.target.value as Outcome)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={find}>
            Find
          </button>
        </span>
      </form>
      {/* The reason describes the field, so a screen reader says why the branch is refused. */}
      {!typedOk ? (
        <p className="problem" id="branch-problem">
          A branch is a whole number, 0 or more.
        </p>
      ) : null}
      {/* The branch and its outcome are told in a line; the story, dozens of lines, is read when the reader goes to it. */}
      <p className="status" role="status">
        {note ?? <span className="visually-hidden">{`Branch ${branch}: ${story.outcome}.`}</span>}
      </p>
      <article className="story">
        <h3>{story.heading}</h3>
        {story.context !== '' ? <p className="context">{story.context}</p> : null}
        <p className="outcome-line">
          <strong>Outcome: {story.outcome}.</strong> {story.ending}
        </p>
        {story.sampled.length > 0 ? (
          <details>
            <summary>Values drawn for this branch ({story.sampled.length} uncertain parameters)</summary>
            <ul className="sampled">
              {story.sampled.map((s) => (
                <li key={s.path}>
                  {s.path} = {Number.isInteger(s.value) ? s.value : s.value.toFixed(3)}
                  {s.source ? <span className="source-ref"> [{s.source}]</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <ol className="lines">
          {story.lines.map((l, i) => {
            const year = l.year === lastYear || isStretch(l) ? '' : String(l.year);
            lastYear = l.year;
            return (
              <li key={i}>
                <span className="year">{year}</span>
                <span className="text">
                  {l.text}
                  {l.source ? <SourceRef source={l.source} scenario={scenario} /> : null}
                </span>
              </li>
            );
          })}
        </ol>
        {story.sources.length > 0 ? (
          <>
            <h4>Sources</h4>
            <dl className="sources">
              {story.sources.map((s) => (
                <div key={s.id}>
                  <dt>{s.id}</dt>
                  <dd>{s.citation}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </article>
      <p className="terminal">
        The same in the terminal: <code>{`npx article10 explain ${bundled ?? '<your file>'} --branch ${branch} --seed ${seed}`}</code>
      </p>
    </section>
  );
}

function SourceRef({ source, scenario }: { readonly source: string; readonly scenario: Scenario }) {
  const cited = resolveSource(source, scenario.sources);
  const title = cited.map((c) => (c.citation === undefined ? c.id : `${c.id}: ${c.citation}`)).join('; ');
  return (
    <span className="source-ref" title={title}>
      {' '}
      [{source}]
    </span>
  );
}
