import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { OUTCOMES, OUTCOME_LABELS, STAGE_LABELS, type Outcome } from '../../model/outcome.js';
import type { Scenario } from '../../model/scenario.js';
import type { Comparison, PairedDifference } from '../../analysis/compare/comparison.js';
import { bar, integer, padEnd, padStart, pointsDigits, signedPoints, signedPointsInterval, truncate } from '../../report/format.js';
import { rewriteDistance, rewriteLines } from '../../analysis/rewrite/rewrite-distance.js';
import { terminalText } from '../../report/safe-text.js';
import { useComparison } from '../hooks/use-comparison.js';
import { partingText } from '../../analysis/compare/text.js';
import { useScroll } from '../hooks/use-scroll.js';
import { SHORT_OUTCOME_LABELS, SHORT_STAGE_LABELS } from '../labels.js';
import type { DebateRunner } from '../../analysis/compare/debate-runner.js';
import { pctCell, spread } from '../text.js';
import { wrapText } from '../../report/wrap.js';
import { endingCell, tieLegend } from '../components/blockers.js';

/** One side of the debate: a scenario and why it is on that side ("pinned", "baseline", "edited", a file). */
export interface Team {
  readonly scenario: Scenario;
  readonly role: string;
}

export type TeamName = 'a' | 'b';

export interface DebateScreenProps {
  readonly runner: DebateRunner;
  readonly a: Team;
  readonly b: Team;
  /** Choose a team's scenario from the scenario files. */
  readonly onPick: (team: TeamName) => void;
  /** Both teams back to what the view opens with. */
  readonly onReset: () => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

const SHARE = 7;
const DIFF = 8;
const INTERVAL = 17;
/** Header, two teams, the table's header, seven outcomes, where they part, the assumptions' heading. */
const FIXED_ROWS = 13;
/** The table's header, seven outcomes and where they part. */
const TABLE_ROWS = 9;
/** Assumption rows a short screen makes room for: one, scrolled with ↑↓ as its heading says. */
const MIN_LIST_ROWS = 1;
const FUNNEL_ROWS = 1 + 5;
const A_COLOR = 'cyan';
const B_COLOR = 'magenta';

/**
 * Debate mode in the UI: two teams' scenarios run on the same branches (common random
 * numbers), side by side: each outcome's share for A and B, B − A with its paired 95% interval,
 * the funnel stage where they part, and the assumptions that differ.
 */
export function DebateScreen({ runner, a, b, onPick, onReset, active, width, height }: DebateScreenProps) {
  const results = useComparison(runner, a.scenario, b.scenario);
  // Read from the scenarios at once (it needs no run): the list follows every edit.
  const assumptions = useMemo(() => rewriteDistance(a.scenario, b.scenario), [a.scenario, b.scenario]);
  const c = results.snapshot?.comparison;

  const differ = rewriteLines(assumptions);
  const listed = [
    ...(c?.warnings ?? []).flatMap((w) => wrapText(`warning: ${w}`, width - 2).map((text) => ({ text: `  ${text}`, warning: true }))),
    ...(differ.length === 0 ? ['none: both teams make the same assumptions'] : differ).flatMap((l) =>
      wrapText(l, width - 4).map((text, i) => ({ text: `${i === 0 ? '  ' : '    '}${text}`, warning: false })),
    ),
  ];
  // On a short screen room is made for a few assumptions (the point of a debate): the heading
  // goes first (the status line gives the branches and the seed), then the outcomes no branch
  // of either team reached fold into one row that names them, then where the teams part. The
  // column heads and the other outcomes stay: without them the shares cannot be read.
  const errorRows = results.error === undefined ? 0 : 1;
  let short = FIXED_ROWS + MIN_LIST_ROWS - (height - errorRows);
  const showHeading = short <= 0;
  if (!showHeading) short--;
  const folded = short > 0 && c !== undefined ? foldedOutcomes(c) : [];
  const saved = foldedRowsSaved(folded);
  short -= saved;
  const showPart = short <= 0;
  const fixedRows = FIXED_ROWS - (showHeading ? 0 : 1) - (showPart ? 0 : 1) - saved;
  let rest = height - fixedRows - errorRows;
  const gap = rest >= 6 ? 1 : 0;
  rest -= 2 * gap;
  const showFunnel = c !== undefined && rest - FUNNEL_ROWS - gap >= 4;
  if (showFunnel) rest -= FUNNEL_ROWS + gap;
  // Room left after the assumptions goes to the blockers that differ most, when a few fit.
  const blockerRows = c !== undefined && c.blockers.length > 0 && rest - listed.length - gap >= 3 ? Math.min(c.blockers.length + 1, rest - listed.length - gap) : 0;
  if (blockerRows > 0) rest -= blockerRows + gap;
  const listRows = Math.max(0, rest);

  const top = useScroll(listed.length, listRows, active, (input) => {
    if (input === 'a' || input === 'b') onPick(input);
    else if (input === 'x') onReset();
  });
  const shown = listed.slice(top, top + listRows);
  const below = listed.length - top - listRows;
  // A single row stays an assumption: its heading says it scrolls.
  if (below > 0 && shown.length > 1) shown[shown.length - 1] = { text: `  … ${below + 1} more (↓ PgDn)`, warning: false };

  const columns = tableColumns(width);
  const stale = !results.current;
  const status = results.running ? (c === undefined ? 'running…' : stale ? 'updating…' : 'refining…') : `${Math.round(results.snapshot?.ms ?? 0)} ms`;
  const heading = c === undefined ? 'Debate: team A and team B on the same branches' : `Debate on ${integer(c.runs)} paired branches (seed ${c.seed})`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {showHeading ? (
        <Text bold wrap="truncate">
          {spread(heading, status, width)}
        </Text>
      ) : null}
      <TeamLine name="A" team={a} color={A_COLOR} width={width} />
      <TeamLine name="B" team={b} color={B_COLOR} width={width} />
      {results.error === undefined ? null : (
        <Text color="red" wrap="truncate">
          {`Run failed: ${results.error}`}
        </Text>
      )}
      <Box height={gap} />
      {c === undefined ? (
        <Box height={TABLE_ROWS - (showPart ? 0 : 1)} flexDirection="column">
          <Text dimColor>Running both scenarios on the same branches…</Text>
        </Box>
      ) : (
        <Box flexDirection="column" height={TABLE_ROWS - saved - (showPart ? 0 : 1) + (showFunnel ? FUNNEL_ROWS + gap : 0)}>
          <Text bold wrap="truncate">
            {tableHeader(['Outcome'], columns)}
          </Text>
          {OUTCOMES.filter((o) => !folded.includes(o)).map((o) => (
            <DifferenceRow key={o} label={(width >= 110 ? OUTCOME_LABELS : SHORT_OUTCOME_LABELS)[o]} d={c.outcomes[o]} columns={columns} stale={stale} />
          ))}
          {folded.length > 0 ? (
            <Text wrap="truncate" dimColor>
              {foldedText(folded)}
            </Text>
          ) : null}
          {showFunnel ? (
            <>
              <Box height={gap} />
              <Text bold wrap="truncate">
                {tableHeader(['Funnel: reached', 'Funnel'], columns)}
              </Text>
              {c.funnel.map((f) => (
                <DifferenceRow key={f.stage} label={(width >= 110 ? STAGE_LABELS : SHORT_STAGE_LABELS)[f.stage]} d={f} columns={columns} stale={stale} />
              ))}
            </>
          ) : null}
          {showPart ? (
            <Text wrap="truncate" dimColor={stale}>
              {partText(c)}
            </Text>
          ) : null}
        </Box>
      )}
      {blockerRows > 0 && c !== undefined ? (
        <>
          <Box height={gap} />
          <Text bold wrap="truncate">
            {`${padStart('A', SHARE)}${padStart('B', SHARE)}${padStart('B − A', DIFF)}  Blockers that differ most (share of all branches)${tieLegend(c.blockers.slice(0, blockerRows - 1))}`}
          </Text>
          {c.blockers.slice(0, blockerRows - 1).map((x, i) => (
            <Text key={i} wrap="truncate">
              {pctCell(x.a, SHARE)}
              {pctCell(x.b, SHARE)}
              {padStart(signedPoints(x.difference), DIFF)}
              {`  ${padEnd(x.actor, 4)} ${endingCell(x.outcome, width - (2 * SHARE + DIFF + 7))}${x.reason.label.replace(/\s+/g, ' ')}`}
            </Text>
          ))}
        </>
      ) : null}
      <Box height={gap} />
      <Text bold wrap="truncate">
        {spread(`Assumptions that differ, A → B · distance ${assumptions.score.toFixed(1)}`, below > 0 || top > 0 ? '↑↓ scroll' : '', width)}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} color={l.warning ? 'yellow' : undefined} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}

/**
 * The outcomes no branch of either team reached (Joined aside: always a row, the question of the
 * debate), when folding them into one row makes room: two or more. One alone would take the row
 * it frees, and an outcome is never left off without a word.
 */
function foldedOutcomes(c: Comparison): Outcome[] {
  const unreached = OUTCOMES.filter((o) => o !== 'joined' && c.outcomes[o].a === 0 && c.outcomes[o].b === 0);
  return unreached.length >= 2 ? unreached : [];
}

/** Rows saved by folding outcomes into one row that names them. */
function foldedRowsSaved(folded: readonly Outcome[]): number {
  return Math.max(0, folded.length - 1);
}

/** "+2 outcomes neither team reached: Not ratified, Pending". */
function foldedText(folded: readonly Outcome[]): string {
  return `+${folded.length} outcomes neither team reached: ${folded.map((o) => SHORT_OUTCOME_LABELS[o]).join(', ')}`;
}

function TeamLine({ name, team, color, width }: { name: string; team: Team; color: string; width: number }) {
  return (
    <Text wrap="truncate">
      <Text bold color={color}>
        {name}
      </Text>
      {truncate(terminalText(`  ${team.scenario.id} (${team.role}): ${team.scenario.title}`), width - name.length)}
    </Text>
  );
}

interface Columns {
  readonly label: number;
  readonly bar: number;
}

/** Label, then A and B each as a bar and a share, then B − A and its interval; bars take what is left. */
function tableColumns(width: number): Columns {
  const label = width >= 110 ? Math.max(...OUTCOMES.map((o) => OUTCOME_LABELS[o].length)) : Math.max(...OUTCOMES.map((o) => SHORT_OUTCOME_LABELS[o].length));
  const free = width - label - 1 - 2 * SHARE - 2 - DIFF - INTERVAL;
  return { label, bar: free >= 6 ? Math.floor(free / 2) : 0 };
}

/**
 * The column heads, `titles[0]` over the labels: it may run over A's bar, blank on this row;
 * where even that is too narrow, the first of the shorter titles that fits (a title cut to
 * "Funnel: reac…" was read as a word).
 */
function tableHeader(titles: readonly [string, ...string[]], c: Columns): string {
  const room = c.label + c.bar;
  const title = titles.find((t) => t.length <= room) ?? titles[titles.length - 1]!;
  return `${padEnd(truncate(title, room), room)} ${padStart('A', SHARE)}  ${padStart('B', c.bar + SHARE)}${padStart('B − A', DIFF)}${padStart('95% interval', INTERVAL)}`;
}

function DifferenceRow({ label, d, columns, stale }: { label: string; d: PairedDifference; columns: Columns; stale: boolean }) {
  // An interval that excludes 0: the assumptions make this difference, not the dice.
  const clear = d.ci95[0] > 0 || d.ci95[1] < 0;
  const digits = pointsDigits(d.ci95);
  return (
    <Text wrap="truncate" dimColor={stale}>
      {padEnd(truncate(label, columns.label), columns.label)} <Text color={A_COLOR}>{padEnd(bar(d.a, columns.bar), columns.bar)}</Text>
      {pctCell(d.a, SHARE)}
      {'  '}
      <Text color={B_COLOR}>{padEnd(bar(d.b, columns.bar), columns.bar)}</Text>
      {pctCell(d.b, SHARE)}
      <Text bold={clear && !stale} dimColor={!clear || stale}>
        {padStart(signedPoints(d.difference, digits), DIFF)}
      </Text>
      <Text dimColor>{padStart(signedPointsInterval(d.ci95, digits), INTERVAL)}</Text>
    </Text>
  );
}

function partText(c: Comparison): string {
  return partingText(c, SHORT_OUTCOME_LABELS);
}
