import { Box, Text } from 'ink';
import { OUTCOMES, OUTCOME_LABELS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { bar, integer, padEnd, padStart, truncate } from '../../report/format.js';
import { SHORT_OUTCOME_LABELS } from '../labels.js';
import { pctCell, signedPoints } from '../text.js';

export interface OutcomeBarsProps {
  readonly results: Results;
  readonly baseline?: Results;
  readonly width: number;
}

/** Outcome shares as bars with their 95% intervals and, when pinned, the change from the baseline. */
export function OutcomeBars({ results, baseline, width }: OutcomeBarsProps) {
  const labels = width >= 72 ? OUTCOME_LABELS : SHORT_OUTCOME_LABELS;
  const labelWidth = Math.max(...OUTCOMES.map((o) => labels[o].length));
  const deltaWidth = baseline === undefined ? 0 : 7;
  const fixed = labelWidth + 1 + 1 + 6 + 1 + 11 + deltaWidth;
  const barWidth = Math.max(3, width - fixed);
  const header = padEnd(`Outcomes · ${integer(results.runs)} branches`, width - 11 - deltaWidth) + padStart('95% CI', 11) + (baseline ? padStart('Δ pin', deltaWidth) : '');
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {header}
      </Text>
      {OUTCOMES.map((o) => {
        const s = results.outcomes[o];
        const ci = `${(s.ci95[0] * 100).toFixed(1)}–${(s.ci95[1] * 100).toFixed(1)}`;
        const before = baseline?.outcomes[o];
        const delta = before === undefined ? undefined : s.share - before.share;
        // A change larger than both intervals' half-widths together is unlikely to be Monte Carlo noise.
        const clear = before !== undefined && delta !== undefined && Math.abs(delta) > (s.ci95[1] - s.ci95[0] + before.ci95[1] - before.ci95[0]) / 2;
        return (
          <Text key={o} wrap="truncate">
            {padEnd(truncate(labels[o], labelWidth), labelWidth)} <Text color={o === 'joined' ? 'green' : 'cyan'}>{padEnd(bar(s.share, barWidth), barWidth)}</Text>
            {pctCell(s.share, 7)} <Text dimColor>{padStart(ci, 11)}</Text>
            {delta === undefined ? '' : <Text bold={clear} dimColor={!clear}>{padStart(signedPoints(delta), deltaWidth)}</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
