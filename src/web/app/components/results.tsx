import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, TRACKS, TRACK_LABELS, type Outcome } from '../../../model/outcome.js';
import type { Results } from '../../../model/results.js';
import { integer, interval, percent, pointsText } from '../format.js';

export interface ResultsViewProps {
  readonly results: Results;
  /** Pinned results: each outcome then shows its change from them. */
  readonly baseline?: Results;
}

/** Outcome shares with their 95% intervals, the funnel, accession years and top blockers. */
export function ResultsView({ results, baseline }: ResultsViewProps) {
  return (
    <div className="results-body">
      <OutcomeBars results={results} baseline={baseline} />
      <Funnel results={results} />
      <AccessionYears results={results} />
      <Blockers results={results} />
      {results.warnings.length > 0 ? (
        <details className="warnings">
          <summary>
            {results.warnings.length} note{results.warnings.length === 1 ? '' : 's'} from loading the scenario
          </summary>
          <ul>
            {results.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function OutcomeBars({ results, baseline }: ResultsViewProps) {
  return (
    <table className="outcomes bars" aria-label={`Outcomes of ${integer(results.runs)} branches`}>
      <caption>
        Outcomes <span className="sub">share of {integer(results.runs)} branches, 95% interval</span>
      </caption>
      <thead>
        <tr>
          <BarHeads first="Outcome" />
          <th scope="col" className="num">Share</th>
          <th scope="col" className="num">95% interval</th>
          {baseline !== undefined ? (
            <th scope="col" className="num">
              Change from pin
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {OUTCOMES.map((o) => {
          const s = results.outcomes[o];
          const before = baseline?.outcomes[o];
          const delta = before === undefined ? undefined : s.share - before.share;
          // A change larger than both intervals' half-widths together is unlikely to be Monte Carlo noise.
          const clear = before !== undefined && delta !== undefined && Math.abs(delta) > (s.ci95[1] - s.ci95[0] + before.ci95[1] - before.ci95[0]) / 2;
          return (
            <tr key={o} data-outcome={o}>
              <th scope="row" className="label">
                <span className={`swatch outcome-${o}`} aria-hidden="true" />
                {OUTCOME_LABELS[o]}
              </th>
              <td className="bar-col" aria-hidden="true">
                <Bar share={s.share} ci={s.ci95} kind={`outcome-${o}`} pinned={before?.share} />
              </td>
              <td className="num share">{percent(s.share)}</td>
              <td className="num ci">{interval(s.ci95, s.share)}</td>
              {delta !== undefined ? <td className={`num delta${clear ? ' clear' : ''}`}>{pointsText(delta)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The heads of a table's first column and of its bars (named for screen readers only). */
function BarHeads({ first }: { readonly first: string }) {
  return (
    <>
      <th scope="col">{first}</th>
      <th scope="col" className="bar-col">
        <span className="visually-hidden">Bar</span>
      </th>
    </>
  );
}

/** A share as a bar, its 95% interval as a whisker and, when pinned, the pinned share as a tick. */
export function Bar({ share, ci, kind, pinned }: { readonly share: number; readonly ci?: readonly [number, number]; readonly kind: string; readonly pinned?: number }) {
  return (
    <span className="bar-track">
      <span className={`bar ${kind}`} style={{ width: `${share * 100}%` }} />
      {ci !== undefined ? <span className="whisker" style={{ left: `${ci[0] * 100}%`, width: `${Math.max(0, ci[1] - ci[0]) * 100}%` }} /> : null}
      {pinned !== undefined ? <span className="pin-tick" style={{ left: `${pinned * 100}%` }} title={`pinned: ${percent(pinned)}`} /> : null}
    </span>
  );
}

/** The funnel as a probability tree: each stage's share of all branches and the chance of getting there from the stage above. */
export function Funnel({ results }: { readonly results: Results }) {
  const tracks = TRACKS.filter((t) => results.tracks[t].count > 0);
  return (
    <table className="funnel bars">
      <caption>
        Funnel <span className="sub">share of all branches reaching each stage, and from the stage above</span>
      </caption>
      <thead>
        <tr>
          <BarHeads first="Stage" />
          <th scope="col" className="num">Of all</th>
          <th scope="col" className="num">Step</th>
        </tr>
      </thead>
      <tbody>
        {results.funnel.map((f, i) => {
          const above = i === 0 ? undefined : results.funnel[i - 1]!;
          return (
            <tr key={f.stage}>
              <th scope="row" className="label" style={{ paddingInlineStart: `${0.25 + i * 0.6}em` }}>
                {i > 0 ? <span aria-hidden="true">└ </span> : null}
                {STAGE_LABELS[f.stage]}
              </th>
              <td className="bar-col" aria-hidden="true">
                <Bar share={f.share} ci={f.ci95} kind="funnel" />
              </td>
              <td className="num">{percent(f.share)}</td>
              <td className="num step">{above === undefined ? '' : above.count === 0 ? '–' : percent(f.count / above.count, 0)}</td>
            </tr>
          );
        })}
      </tbody>
      {tracks.length > 0 ? (
        <tfoot>
          <tr>
            <td colSpan={4}>
              Applied on:{' '}
              {tracks.map((t, i) => (
                <span key={t}>
                  {i > 0 ? ' · ' : ''}
                  {TRACK_LABELS[t]} {percent(results.tracks[t].share)}
                </span>
              ))}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** Accession years among the branches that joined: a column per year, and the same as a table for screen readers. */
export function AccessionYears({ results }: { readonly results: Results }) {
  const { year: first, horizon } = results.decisionPoint;
  const joined = results.outcomes.joined;
  if (joined.count === 0) {
    return (
      <section className="years" aria-labelledby="years-heading">
        <h3 id="years-heading">Accession year</h3>
        <p className="empty">No branch joined by {horizon}.</p>
      </section>
    );
  }
  const years = Array.from({ length: horizon - first + 1 }, (_, i) => first + i);
  const shareOf = new Map(results.accessionYears.map((y) => [y.year, y.share]));
  const peak = Math.max(...results.accessionYears.map((y) => y.share));
  const mode = results.accessionYears.reduce((a, b) => (b.share > a.share ? b : a));
  const labelEvery = Math.ceil(years.length / 8);
  return (
    <section className="years" aria-labelledby="years-heading">
      <h3 id="years-heading">
        Accession year <span className="sub">{integer(joined.count)} branches joined; most in {mode.year} ({percent(mode.share, 0)} of them)</span>
      </h3>
      <div className="columns" aria-hidden="true">
        {years.map((y, i) => {
          const share = shareOf.get(y) ?? 0;
          return (
            <div key={y} className="column" title={`${y}: ${percent(share)}`}>
              <span className="column-bar outcome-joined" style={{ height: `${(share / peak) * 100}%` }} />
              <span className="column-year">{i % labelEvery === 0 || y === horizon ? y : ''}</span>
            </div>
          );
        })}
      </div>
      <details>
        <summary>As a table</summary>
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col" className="num">
                Share of those that joined
              </th>
            </tr>
          </thead>
          <tbody>
            {results.accessionYears.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">{percent(y.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** What ended the branches that did not join: who and why, most frequent first. */
export function Blockers({ results, limit = 8 }: { readonly results: Results; readonly limit?: number }) {
  const rows = results.blockers.slice(0, limit);
  return (
    <table className="blockers plain">
      <caption>
        Top blockers <span className="sub">what ended the branches that did not join</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Share
          </th>
          <th scope="col" className="ending-col">
            Ending
          </th>
          <th scope="col">Who</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4}>None: every branch joined.</td>
          </tr>
        ) : (
          rows.map((b, i) => (
            <tr key={i}>
              <td className="num">{percent(b.share)}</td>
              <td className="ending-col">{OUTCOME_LABELS[b.outcome]}</td>
              <td>
                {b.actorName}
                {/* Shown only where the ending's column is given up, as the code is not: read once either way. */}
                <span className="ending ending-under">{OUTCOME_LABELS[b.outcome]}</span> <span className="code">({b.actor})</span>
              </td>
              <td>
                {b.reason.label}
                {b.reason.source ? <span className="source-ref"> [{b.reason.source}]</span> : null}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** A one-line summary for screen readers when refined results arrive. */
export function resultsAnnouncement(results: Results): string {
  const top = [...OUTCOMES].sort((a, b) => results.outcomes[b].share - results.outcomes[a].share).slice(0, 3);
  const named = (o: Outcome) => `${OUTCOME_LABELS[o]} ${percent(results.outcomes[o].share)}`;
  const joined = top.includes('joined') ? '' : `; ${named('joined')}`;
  return `Results of ${integer(results.runs)} branches: ${top.map(named).join('; ')}${joined}.`;
}
