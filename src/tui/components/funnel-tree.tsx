import { Box, Text } from 'ink';
import { STAGE_LABELS, TRACKS } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { bar, padEnd, padStart, pct, shareDigits, sharePct } from '../../report/format.js';
import { SHORT_STAGE_LABELS } from '../labels.js';
import { pctCell } from '../text.js';

const TRACK_SHORT = { map: 'MAP', dialogue: 'dialogue', special: 'special status' } as const;
const TRACK_SHORTER = { map: 'MAP', dialogue: 'dialogue', special: 'special' } as const;

export interface FunnelTreeProps {
  readonly results: Results;
  readonly width: number;
  /** Add a line with the tracks taken on applying (when there is room). */
  readonly showTracks?: boolean;
  /** The line naming the columns (left out on the smallest screens). */
  readonly heading?: boolean;
}

/**
 * The funnel as a probability tree: each stage indented under the one before, with its
 * share of all branches and the chance of getting there from the stage above.
 */
export function FunnelTree({ results, width, showTracks = false, heading = true }: FunnelTreeProps) {
  const labels = width >= 72 ? STAGE_LABELS : SHORT_STAGE_LABELS;
  const labelWidth = Math.max(...results.funnel.map((f, i) => labels[f.stage].length + branchPrefix(i).length));
  // No bar where one of 3 cells would push the step's share out of sight: the numbers matter more.
  const room = width - labelWidth - 1 - 7 - 7;
  const barWidth = room >= 3 ? room : 0;
  const trackLine = (names: Readonly<Record<(typeof TRACKS)[number], string>>, lead: string) =>
    `  ${lead}: ${TRACKS.filter((t) => results.tracks[t].count > 0)
      .map((t) => `${names[t]} ${sharePct(results.tracks[t].share)}`)
      .join(' · ')}`;
  // Shorter words where the line would be cut: every share stays in view.
  const full = trackLine(TRACK_SHORT, 'applied on');
  const tracks = full.length <= width ? full : trackLine(TRACK_SHORTER, 'on');
  const anyTrack = TRACKS.some((t) => results.tracks[t].count > 0);
  return (
    <Box flexDirection="column" width={width}>
      {heading ? (
        <Text bold wrap="truncate">
          {padEnd(width >= 25 + 14 ? 'Funnel (probability tree)' : 'Funnel', width - 14) + padStart('of all', 7) + padStart('step', 7)}
        </Text>
      ) : null}
      {results.funnel.map((f, i) => {
        const above = i === 0 ? undefined : results.funnel[i - 1]!;
        const step = above === undefined ? '' : above.count === 0 ? '–' : pctOfStep(f.count / above.count);
        return (
          <Text key={f.stage} wrap="truncate">
            {padEnd(branchPrefix(i) + labels[f.stage], labelWidth)} <Text color="magenta">{padEnd(bar(f.share, barWidth), barWidth)}</Text>
            {pctCell(f.share, 7)}
            <Text dimColor>{padStart(step, 7)}</Text>
          </Text>
        );
      })}
      {showTracks && anyTrack ? (
        <Text dimColor wrap="truncate">
          {tracks}
        </Text>
      ) : null}
    </Box>
  );
}

function branchPrefix(depth: number): string {
  return depth === 0 ? '' : `${' '.repeat(depth - 1)}└ `;
}

/** A funnel step without decimals, but never a step that some branches took read as 0%. */
function pctOfStep(share: number): string {
  return pct(share, shareDigits(share, 0));
}
