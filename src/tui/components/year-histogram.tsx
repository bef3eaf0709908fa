import { Box, Text } from 'ink';
import type { Results } from '../../model/results.js';
import { bar, integer, padEnd, pct } from '../../report/format.js';
import { pctCell } from '../text.js';

const LEVELS = ' ▁▂▃▄▅▆▇█';

export interface YearHistogramProps {
  readonly results: Results;
  readonly width: number;
  /** Rows available including the heading: one bar per year when they fit, else a heading and a line of blocks, or on one row the blocks alone. */
  readonly height: number;
}

/** Accession years among the branches that joined. */
export function YearHistogram({ results, width, height }: YearHistogramProps) {
  const { year: first, horizon } = results.decisionPoint;
  const joined = results.outcomes.joined;
  if (joined.count === 0) {
    return (
      <Text bold wrap="truncate">
        Accession year: <Text dimColor>no branch joined by {horizon}</Text>
      </Text>
    );
  }
  const years = Array.from({ length: horizon - first + 1 }, (_, i) => first + i);
  const shareOf = new Map(results.accessionYears.map((y) => [y.year, y.share]));
  const peak = Math.max(...results.accessionYears.map((y) => y.share));
  const heading = `Accession year (${integer(joined.count)} joined)`;
  if (height - 1 >= years.length) {
    const barWidth = Math.max(3, width - 5 - 7);
    return (
      <Box flexDirection="column" width={width}>
        <Text bold wrap="truncate">
          {heading}
        </Text>
        {years.map((y) => {
          const share = shareOf.get(y) ?? 0;
          return (
            <Text key={y} wrap="truncate">
              {y} <Text color="green">{padEnd(bar(share / peak, barWidth), barWidth)}</Text>
              {pctCell(share, 7)}
            </Text>
          );
        })}
      </Box>
    );
  }
  const blocks = years.map((y) => LEVELS[Math.round(((shareOf.get(y) ?? 0) / peak) * (LEVELS.length - 1))]).join('');
  const line = (
    <Text wrap="truncate">
      {first} <Text color="green">{blocks}</Text> {horizon}
    </Text>
  );
  // One row: the line of blocks alone. Two lines in it would be squeezed by the layout, drawn over the rows above.
  if (height < 2) return line;
  const mode = results.accessionYears.reduce((a, b) => (b.share > a.share ? b : a));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {heading} <Text dimColor>peak {mode.year} ({pct(mode.share, 0)})</Text>
      </Text>
      {line}
    </Box>
  );
}
