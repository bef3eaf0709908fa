import { Box, Text } from 'ink';
import type { Results } from '../../model/results.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import { wrapText } from '../../report/wrap.js';
import { Blockers } from './blockers.js';
import { FunnelTree } from './funnel-tree.js';
import { OutcomeBars } from './outcome-bars.js';
import { YearHistogram } from './year-histogram.js';

export interface ResultsPanelProps {
  readonly live: LiveResults;
  readonly baseline?: Results;
  readonly width: number;
  readonly height: number;
}

const OUTCOME_ROWS = 8;
const FUNNEL_ROWS = 6;

/** Outcomes, funnel, accession years and blockers, fitted into `height` rows. */
export function ResultsPanel({ live, baseline, width, height }: ResultsPanelProps) {
  const results = live.snapshot?.results;
  const error = live.error === undefined ? [] : wrapText(`Run failed: ${live.error} (your edits are kept; undo with u)`, width).slice(0, 3);
  if (results === undefined) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {error.length > 0 ? error.map((l, i) => <Text key={i} color="red">{l}</Text>) : <Text dimColor>Running the first branches…</Text>}
      </Box>
    );
  }
  // Outcomes and funnel always; blank lines between sections only when there is room; the
  // accession years get a bar per year when that still leaves the blockers a few rows, else
  // one line of blocks; the blockers take what is left.
  // Too short for both tables and their headings (60×17): the headings go, the funnel's first,
  // then the funnel itself; boxes squeezed by the layout would draw over each other.
  const short = OUTCOME_ROWS + FUNNEL_ROWS + error.length - height;
  const funnelHeading = short < 1;
  const outcomeHeading = short < 2;
  const showFunnel = short < 3;
  let rest = height - error.length - (outcomeHeading ? OUTCOME_ROWS : OUTCOME_ROWS - 1) - (showFunnel ? (funnelHeading ? FUNNEL_ROWS : FUNNEL_ROWS - 1) : 0);
  const gap = rest >= 12 ? 1 : 0;
  rest -= gap;
  const years = results.decisionPoint.horizon - results.decisionPoint.year + 1;
  const yearRows =
    results.outcomes.joined.count === 0 ? Math.min(1, rest) : rest - (years + 1) - 2 * gap >= 4 ? years + 1 : Math.min(2, Math.max(0, rest));
  rest -= yearRows + (yearRows > 0 ? gap : 0);
  const showTracks = rest - gap >= 6;
  if (showTracks) rest -= 1;
  const blockerRows = rest - gap >= 2 ? rest - gap : 0;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {error.map((l, i) => (
        <Text key={i} color="red" wrap="truncate">
          {l}
        </Text>
      ))}
      <OutcomeBars results={results} baseline={baseline} width={width} heading={outcomeHeading} />
      {showFunnel ? (
        <>
          <Box height={gap} />
          <FunnelTree results={results} width={width} showTracks={showTracks} heading={funnelHeading} />
        </>
      ) : null}
      {yearRows > 0 ? (
        <>
          <Box height={gap} />
          <YearHistogram results={results} width={width} height={yearRows} />
        </>
      ) : null}
      {blockerRows > 0 ? (
        <>
          <Box height={gap} />
          <Blockers results={results} width={width} height={blockerRows} />
        </>
      ) : null}
    </Box>
  );
}
