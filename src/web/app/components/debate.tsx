import { useMemo } from 'react';
import type { PairedDifference } from '../../../analysis/compare/comparison.js';
import { rewriteDistance, rewriteLines } from '../../../analysis/rewrite/rewrite-distance.js';
import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS } from '../../../model/outcome.js';
import type { Scenario } from '../../../model/scenario.js';
import { useDebate } from '../hooks/use-debate.js';
import { differenceText, integer, percent, pointsText } from '../format.js';

/** One side of the debate: a scenario, why it is on that side, and, when it is a bundled file as written, its name. */
export interface Team {
  readonly scenario: Scenario;
  readonly role: string;
  readonly bundled?: string;
}

export interface TeamChoice {
  readonly value: string;
  readonly label: string;
}

export interface DebateViewProps {
  readonly a: Team;
  readonly b: Team;
  readonly choices: readonly TeamChoice[];
  readonly chosen: { readonly a: string; readonly b: string };
  readonly onChoose: (team: 'a' | 'b', value: string) => void;
  readonly seed: string;
  readonly runs: number;
}

/**
 * The debate view: team A against team B on the same branches (common random numbers), side
 * by side: each outcome's share for A and B, B − A with its paired 95% interval, the funnel
 * stage where they part, the blockers that differ most and the assumptions that differ.
 */
export function DebateView({ a, b, choices, chosen, onChoose, seed, runs }: DebateViewProps) {
  const { comparison: c, running, error } = useDebate(a.scenario, b.scenario, seed, runs);
  const assumptions = useMemo(() => rewriteDistance(a.scenario, b.scenario), [a.scenario, b.scenario]);
  const differ = rewriteLines(assumptions);
  const command = a.bundled !== undefined && b.bundled !== undefined ? `npx article10 compare ${a.bundled} ${b.bundled} --seed ${seed} --runs ${runs}` : undefined;
  return (
    <section className="debate" aria-labelledby="debate-heading">
      <h2 id="debate-heading">Debate: team A against team B on the same branches</h2>
      <div className="teams">
        {(['a', 'b'] as const).map((team) => (
          <label key={team} className={`team team-${team}`}>
            <span className="team-name">Team {team.toUpperCase()}</span>
            <select value={chosen[team]} onChange={(e) => onChoose(team, e.target.value)}>
              {choices.map((ch) => (
                <option key={ch.value} value={ch.value}>
                  {ch.label}
                </option>
              ))}
            </select>
            <span className="team-title">
              {(team === 'a' ? a : b).scenario.title} <span className="sub">({(team === 'a' ? a : b).role})</span>
            </span>
          </label>
        ))}
      </div>
      <p className="status" role="status">
        {error !== undefined ? `The comparison failed: ${error}` : c === undefined ? 'Running the paired branches…' : `${integer(c.runs)} paired branches, seed ${c.seed}${running ? ' · refining…' : ''}`}
      </p>
      {c !== undefined ? (
        <>
          <DifferenceTable
            caption="Outcomes"
            sub="share of branches; B − A in percentage points with its paired 95% interval (bold when it excludes 0)"
            first="Outcome"
            rows={OUTCOMES.map((o) => ({ key: o, label: OUTCOME_LABELS[o], d: c.outcomes[o] }))}
          />
          <DifferenceTable caption="Funnel" sub="share reaching each stage" first="Stage" rows={c.funnel.map((f) => ({ key: f.stage, label: STAGE_LABELS[f.stage], d: f }))} />
          <p className="part-at">
            {c.partAt === null
              ? 'They do not part at any stage: every interval includes 0.'
              : (() => {
                  const f = c.funnel.find((x) => x.stage === c.partAt!.stage)!;
                  const shown = differenceText(f);
                  return `They part at: ${c.partAt.label} (${shown.difference} ${shown.interval}).`;
                })()}
          </p>
          {c.blockers.length > 0 ? (
            <table className="plain">
              <caption>Blockers that differ most (share of all branches)</caption>
              <thead>
                <tr>
                  <th scope="col">Who, and the ending</th>
                  <TeamHeads differenceClass="diff-col" />
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {c.blockers.slice(0, 6).map((x, i) => (
                  <tr key={i}>
                    <td>
                      {x.actorName}
                      {/* Under the name, not a column of its own: the projector's table has no width to spare. */}
                      <span className="visually-hidden">: </span>
                      <span className="ending">{OUTCOME_LABELS[x.outcome]}</span>
                    </td>
                    <td className="num">{percent(x.a)}</td>
                    <td className="num">{percent(x.b)}</td>
                    <td className="num diff-col">{pointsText(x.difference)}</td>
                    <td>{x.reason.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Blockers: the same in both.</p>
          )}
          {c.warnings.map((w, i) => (
            <p key={i} className="warning">
              Warning: {w}
            </p>
          ))}
        </>
      ) : null}
      <h3>Assumptions that differ, A → B</h3>
      {differ.length === 0 ? (
        <p>None: both teams make the same assumptions.</p>
      ) : (
        <>
          <ul className="assumptions">
            {differ.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <p>Distance of B from A: {assumptions.score.toFixed(1)} (each changed value in units of A's documented uncertainty, plus one per rule or event switched).</p>
        </>
      )}
      {command !== undefined ? (
        <p className="terminal">
          The same in the terminal: <code>{command}</code>
        </p>
      ) : null}
    </section>
  );
}

/** The heads of team A's, team B's and the difference's columns. */
function TeamHeads({ differenceClass }: { readonly differenceClass?: string }) {
  return (
    <>
      <th scope="col" className="num team-a-text">
        A
      </th>
      <th scope="col" className="num team-b-text">
        B
      </th>
      <th scope="col" className={differenceClass === undefined ? 'num' : `num ${differenceClass}`}>
        B − A
      </th>
    </>
  );
}

/** A's and B's shares, B − A with its paired interval, and the difference as a bar around 0. */
function DifferenceTable({ caption, sub, first, rows }: { readonly caption: string; readonly sub: string; readonly first: string; readonly rows: readonly { readonly key: string; readonly label: string; readonly d: PairedDifference }[] }) {
  return (
    <table className="compare">
      <caption>
        {caption} <span className="sub">{sub}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <TeamHeads />
          <th scope="col" className="num ci-col">
            95% interval
          </th>
          <th scope="col" className="bar-col">
            <span className="visually-hidden">Difference</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DifferenceRow key={r.key} label={r.label} d={r.d} />
        ))}
      </tbody>
    </table>
  );
}

function DifferenceRow({ label, d }: { readonly label: string; readonly d: PairedDifference }) {
  const clear = d.ci95[0] > 0 || d.ci95[1] < 0;
  const shown = differenceText(d);
  return (
    <tr className={clear ? 'clear' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{percent(d.a)}</td>
      <td className="num">{percent(d.b)}</td>
      <td className="num diff">
        {shown.difference}
        {/* On a phone the interval goes under the difference, in place of its own column. */}
        <span className="ci-under">{shown.interval}</span>
      </td>
      <td className="num ci-col">{shown.interval}</td>
      <td className="bar-col" aria-hidden="true">
        <span className="diverging">
          <span className="axis" />
          <span className={`diff-bar ${d.difference >= 0 ? 'up' : 'down'}`} style={{ left: `${50 + Math.min(0, d.difference) * 50}%`, width: `${Math.abs(d.difference) * 50}%` }} />
          <span className="whisker" style={{ left: `${50 + d.ci95[0] * 50}%`, width: `${(d.ci95[1] - d.ci95[0]) * 50}%` }} />
        </span>
      </td>
    </tr>
  );
}
