import { useState } from 'react';
import { MEASURE_NAMES, measureLabel, parseMeasure } from '../../../analysis/design/factors.js';
import type { Scenario } from '../../../model/scenario.js';
import { missesOnFreshSeed } from '../../../analysis/rewrite-search/fresh-seed.js';
import type { RewriteReport } from '../../../analysis/rewrite-search/run.js';
import { rewriteVerdict } from '../../../analysis/rewrite-search/verdict.js';
import { useRewriteSearch } from '../hooks/use-rewrite-search.js';
import { integer, moveShown, percent, shellWord } from '../format.js';

export interface RewriteViewProps {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Its bundled name, when it is a bundled file as written (for the terminal's command). */
  readonly bundled?: string;
  /** Puts the rewrite found on screen, as one edit that undo takes back. */
  readonly onApply: (rewritten: Scenario, label: string) => void;
  /** The bundled counterfactuals of the scenario's decision point, where the search may start (as the command's does). */
  readonly counterfactuals: (scenario: Scenario) => Promise<readonly Scenario[]>;
}

/** The search's defaults, as `article10 rewrite` has them. */
const DEFAULTS = { runs: 1000, maxChanges: 6, maxDistance: 8 };

/**
 * "What would it take?": the least rewrite of the scenario on screen that reaches a target, found
 * by the search of `article10 rewrite` (greedy on common random numbers, then verified on a fresh
 * seed), in a worker of its own. It takes tens of seconds; it can be cancelled.
 */
export function RewriteView({ scenario, seed, bundled, onApply, counterfactuals }: RewriteViewProps) {
  const [measure, setMeasure] = useState('joined');
  const [op, setOp] = useState<'>=' | '<='>('>=');
  const [threshold, setThreshold] = useState('30');
  const [by, setBy] = useState('');
  const [runs, setRuns] = useState(String(DEFAULTS.runs));
  const { state, start, cancel } = useRewriteSearch();
  const thresholdOk = /^\d+(\.\d+)?$/.test(threshold.trim()) && Number(threshold) <= 100;
  const byOk = by.trim() === '' || (/^\d{4}$/.test(by.trim()) && Number(by) >= scenario.decisionPoint.year && Number(by) <= scenario.decisionPoint.horizon);
  const runsOk = /^\d+$/.test(runs.trim()) && Number(runs) >= 100 && Number(runs) <= 20_000;
  const target = `${measure}${op}${threshold.trim()}%`;
  const byYear = by.trim() === '' ? undefined : Number(by);
  const running = state.kind === 'running';
  const command = `npx article10 rewrite ${bundled ?? '<your file>'} --target ${shellWord(target)}${byYear === undefined ? '' : ` --by ${byYear}`} --runs ${Number(runs) || DEFAULTS.runs} --seed ${shellWord(seed)}`;
  return (
    <section className="rewrite" aria-labelledby="rewrite-heading">
      <h2 id="rewrite-heading">What would it take?</h2>
      <p>The least that would have had to change for a target to be reached: every value the engine reads may move (in units of its documented uncertainty), every rule and event may be switched.</p>
      <form
        className="rewrite-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (thresholdOk && byOk && runsOk) {
            const ask = { scenario, target, ...(byYear !== undefined && { by: byYear }), seed, runs: Number(runs), maxChanges: DEFAULTS.maxChanges, maxDistance: DEFAULTS.maxDistance };
            void counterfactuals(scenario).then(
              (found) => start({ ...ask, counterfactuals: found }),
              () => start(ask),
            );
          }
        }}
      >
        <label>
          Target{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value)} disabled={running}>
            {MEASURE_NAMES.map((m) => (
              <option key={m} value={m}>
                {measureLabel(parseMeasure(m)!)}
              </option>
            ))}
          </select>
        </label>{' '}
        <select aria-label="at least or at most" value={op} onChange={(e) => setOp(e.target.value as '>=' | '<=')} disabled={running}>
          <option value=">=">at least</option>
          <option value="<=">at most</option>
        </select>{' '}
        <label>
          <input type="text" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} size={4} aria-invalid={!thresholdOk} aria-describedby={thresholdOk ? undefined : 'threshold-problem'} disabled={running} aria-label="share in percent" /> %
        </label>{' '}
        <label>
          by the end of{' '}
          <input type="text" inputMode="numeric" value={by} placeholder="the horizon" onChange={(e) => setBy(e.target.value)} size={10} aria-invalid={!byOk} aria-describedby={byOk ? undefined : 'by-problem'} disabled={running} />
        </label>{' '}
        <label>
          branches per try <input type="text" inputMode="numeric" value={runs} onChange={(e) => setRuns(e.target.value)} size={6} aria-invalid={!runsOk} aria-describedby={runsOk ? undefined : 'runs-problem'} disabled={running} />
        </label>{' '}
        {running ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="submit" disabled={!thresholdOk || !byOk || !runsOk}>
            Search
          </button>
        )}
      </form>
      {/* Each reason describes its field, so a screen reader says why a value is refused, not only that it is. */}
      {!thresholdOk ? (
        <p className="problem" id="threshold-problem">The target share is a number of percent from 0 to 100.
        </p>
      ) : null}
      {!byOk ? (
        <p className="problem" id="by-problem">The year must lie within {scenario.decisionPoint.year}–{scenario.decisionPoint.horizon}, or be left empty.
        </p>
      ) : null}
      {!runsOk ? (
        <p className="problem" id="runs-problem">
          Branches per try: a whole number from 100 to 20,000.
        </p>
      ) : null}
      {/* The count of tries changes many times a second: it is shown, not announced; a screen reader hears how the search ended. */}
      <p className="status">
        {state.kind === 'running' ? `Searching: ${integer(state.evaluations)} scenarios tried (${integer(state.evaluations * state.ask.runs)} branches)…` : null}
        <span role="status">{state.kind === 'failed' ? `The search stopped: ${state.message}` : state.kind === 'done' ? <span className="visually-hidden">{searchDone(state.report)}</span> : ''}</span>
      </p>
      {state.kind === 'done' ? (
        <div className="rewrite-result">
          <p className="verdict">
            {rewriteVerdict(state.report) === 'unmoved' ? (
              <>
                <strong>Target not reached within the limits: no rewrite tried moved {state.report.target} from {percent(state.report.start.share)}.</strong> The rewrite below only got furthest through the
                stages before the target, at a rewrite distance of {state.report.rewrite.distance.toFixed(1)}.
              </>
            ) : (
              <>
                <strong>{state.report.found ? 'Target reached' : 'Target not reached within the limits: the closest rewrite found'}</strong> at a rewrite distance of{' '}
                {state.report.rewrite.distance.toFixed(1)}: {state.report.target} went from {percent(state.report.start.share)} to {percent(state.report.rewrite.search.share)} (checked on a fresh
                seed: {percent(state.report.rewrite.verification.share)}).
              </>
            )}
            {state.report.found && state.report.rewrite.changes.length > 0 && missesOnFreshSeed(state.report) ? (
              <>
                {' '}
                <strong className="warning">On the fresh seed it falls short of the target, beyond chance:</strong> the search's own branches favoured it. More branches per try give an answer that holds.
              </>
            ) : null}
          </p>
          <table className="plain">
            <caption>What changes</caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col" className="num">
                  Target without it
                </th>
              </tr>
            </thead>
            <tbody>
              {state.report.rewrite.changes.map((c) => (
                <tr key={c.path}>
                  <td>
                    {c.label}
                    {c.kind === 'param' && c.source ? <span className="source-ref"> [{c.source}]</span> : null}
                  </td>
                  <td>{c.from}</td>
                  <td>{c.to}</td>
                  <td className="num">{c.kind === 'switch' ? 'switched' : moveShown(c.z, c.scale)}</td>
                  <td className="num">{percent(c.without)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.report.front.length > 1 ? (
            <table className="plain">
              <caption>The front: each costs more and reaches further than the one before</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Distance
                  </th>
                  <th scope="col" className="num">
                    Share
                  </th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {state.report.front.map((f, i) => (
                  <tr key={i}>
                    <td className="num">{f.distance.toFixed(1)}</td>
                    <td className="num">{percent(f.share)}</td>
                    <td>{f.changes.join(', ') || 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <button type="button" onClick={() => onApply(state.scenario, `rewrite for ${state.report.target} applied (${state.report.rewrite.changes.length} changes)`)}>
            Put this rewrite on screen
          </button>
        </div>
      ) : null}
      <p className="terminal">
        The same in the terminal: <code>{command}</code>
      </p>
    </section>
  );
}

/** The search's end in a line, for a screen reader; the verdict and its tables follow. */
function searchDone(report: RewriteReport): string {
  const verdict = rewriteVerdict(report);
  const changes = report.rewrite.changes.length;
  if (verdict === 'met_at_start') return `Search done: ${report.target} is already met, with no change.`;
  return `Search done: target ${report.found ? 'reached' : 'not reached'}${verdict === 'unmoved' ? ', no rewrite moved it' : ''}; ${changes} change${changes === 1 ? '' : 's'}, rewrite distance ${report.rewrite.distance.toFixed(1)}.`;
}
