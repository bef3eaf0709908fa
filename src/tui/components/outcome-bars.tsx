import { Box, Text } from 'ink';
import { OUTCOMES, OUTCOME_LABELS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { bar, integer, padEnd, padStart, shareIntervalEnds, signedPoints, truncate } from '../../report/format.js';
import { SHORT_OUTCOME_LABELS } from '../labels.js';
import { pctCell } from '../text.js';

export interface OutcomeBarsProps {
  readonly results: Results;
  readonly baseline?: Results;
  readonly width: number;
  /** The line naming the columns (left out on the smallest screens). */
  readonly heading?: boolean;
}

/** Outcome shares as bars with their 95% intervals and, when pinned, the change from the baseline. */
export function OutcomeBars({ results, baseline, width, heading = true }: OutcomeBarsProps) {
  const labels = width >= 72 ? OUTCOME_LABELS : SHORT_OUTCOME_LABELS;
  const labelWidth = Math.max(...OUTCOMES.map((o) => labels[o].length));
  const deltaWidth = baseline === undefined ? 0 : 7;
  // Each interval as run and compare print it, with the decimals that keep a rare share inside it (0.04%: 0.02–0.06, not 0.0–0.1).
  const intervals = Object.fromEntries(OUTCOMES.map((o) => [o, shareIntervalEnds(results.outcomes[o].share, results.outcomes[o].ci95).map((end) => end.slice(0, -1)).join('–')]));
  const longest = Math.max(11, ...Object.values(intervals).map((ci) => ci.length));
  // The intervals only where a bar of 3 cells still fits beside them: cut to "…" they say nothing.
  const ciWidth = width >= labelWidth + 1 + 3 + 7 + 1 + longest + deltaWidth ? longest : 0;
  const fixed = labelWidth + 1 + 7 + (ciWidth > 0 ? 1 + ciWidth : 0) + deltaWidth;
  const barWidth = Math.max(3, width - fixed);
  const header = padEnd(`Outcomes · ${integer(results.runs)} branches`, width - ciWidth - deltaWidth) + (ciWidth > 0 ? padStart('95% CI', ciWidth) : '') + (baseline ? padStart('Δ pin', deltaWidth) : '');
  return (
    <Box flexDirection="column" width={width}>
      {heading ? (
        <Text bold wrap="truncate">
          {header}
        </Text>
      ) : null}
      {OUTCOMES.map((o) => {
        const s = results.outcomes[o];
        const ci = intervals[o]!;
        const before = baseline?.outcomes[o];
        const delta = before === undefined ? undefined : s.share - before.share;
        // A change larger than both intervals' half-widths together is unlikely to be Monte Carlo noise.
        const clear = before !== undefined && delta !== undefined && Math.abs(delta) > (s.ci95[1] - s.ci95[0] + before.ci95[1] - before.ci95[0]) / 2;
        return (
          <Text key={o} wrap="truncate">
            {padEnd(truncate(labels[o], labelWidth), labelWidth)} <Text color={o === 'joined' ? 'green' : 'cyan'}>{padEnd(bar(s.share, barWidth), barWidth)}</Text>
            {pctCell(s.share, 7)}
            {ciWidth > 0 ? <Text dimColor>{` ${padStart(ci, ciWidth)}`}</Text> : null}
            {delta === undefined ? '' : <Text bold={clear} dimColor={!clear}>{padStart(signedPoints(delta), deltaWidth)}</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
