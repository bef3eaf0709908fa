import { Box, Text } from 'ink';
import { OUTCOMES, PLAIN_OUTCOMES } from '../../model/outcome.js';
import { SHORT_OUTCOME_LABELS } from '../labels.js';
import { bar, integer, padEnd, padStart, sharePct } from '../../report/format.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import { fitTitle, spread } from '../text.js';

export interface ProjectorScreenProps {
  readonly title: string;
  readonly live: LiveResults;
  readonly width: number;
  readonly height: number;
}

/** Rows a bar takes: thick enough to read from the back of a room, as thick as the screen allows. */
export function barRows(outcomes: number, height: number): number {
  // Heading, blank line, and per outcome its label line, its bar and a gap; a footer line.
  const free = height - 3 - 1;
  return Math.max(1, Math.min(3, Math.floor(free / outcomes) - 2));
}

/**
 * The projector view: results only, for a class. Each ending that any branch reaches as a label
 * in capitals (the student handouts' words, so the screen and the pages agree) with its share, and a thick bar the width of the screen; the endings no branch
 * reaches are named in one line. No parameters, no intervals, no keys but Esc.
 */
export function ProjectorScreen({ title, live, width, height }: ProjectorScreenProps) {
  const r = live.snapshot?.results;
  if (r === undefined) return <Text dimColor>Running the scenario…</Text>;
  const shown = OUTCOMES.filter((o) => r.outcomes[o].count > 0);
  const none = noBranchLines(
    OUTCOMES.filter((o) => r.outcomes[o].count === 0).map((o) => PLAIN_OUTCOMES[o]),
    width,
  );
  // Too many endings for a label line and a bar each (a short terminal): one line each, the bar beside its label.
  if (shown.length * 2 + 2 + none.length > height) return <CompactProjector title={title} live={live} width={width} height={height} />;
  // The layout counts one line for the endings no branch reaches: the rows past it are taken from the bars.
  const room = height - Math.max(0, none.length - 1);
  const rows = barRows(shown.length, room);
  // The gap between endings only when every label and bar still fits with it (a short terminal drops it).
  const gap = shown.length * (2 + rows) <= room - 4 ? 1 : 0;
  const barWidth = Math.max(10, width - 2);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {spread(fitTitle(title, width - 24), `${integer(r.runs)} branches${live.running ? ' …' : ''}`, width)}
      </Text>
      <Text> </Text>
      {shown.map((o) => (
        // Never shrunk: Ink would squash a label to nothing to fit its box rather than cut what is below.
        <Box key={o} flexDirection="column" marginBottom={gap} flexShrink={0}>
          <Text bold wrap="truncate">
            {spread(PLAIN_OUTCOMES[o].toUpperCase(), sharePct(r.outcomes[o].share), width)}
          </Text>
          {Array.from({ length: rows }, (_, i) => (
            <Text key={i} color={o === 'joined' ? 'green' : 'cyan'} wrap="truncate">
              {padEnd(bar(r.outcomes[o].share, barWidth), barWidth)}
            </Text>
          ))}
        </Box>
      ))}
      {none.map((line, i) => (
        <Text key={i} dimColor wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

/**
 * "No branch: Joined NATO · ..." in lines of at most `width`, broken between endings: an ending
 * no branch reaches is as much a result as a bar, so none is cut off at the edge of the screen.
 */
export function noBranchLines(labels: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, label] of labels.entries()) {
    const item = i === 0 ? `No branch: ${label}` : label;
    if (line === '') line = item;
    else if (line.length + 3 + item.length <= width) line += ` · ${item}`;
    else {
      lines.push(line);
      line = item;
    }
  }
  return line === '' ? lines : [...lines, line];
}

/** The projector view on a short terminal: every ending on one line, its short label, its bar and its share. */
function CompactProjector({ title, live, width }: ProjectorScreenProps) {
  const r = live.snapshot!.results;
  const labelWidth = Math.max(...OUTCOMES.map((o) => SHORT_OUTCOME_LABELS[o].length)) + 1;
  const share = 7;
  const barWidth = Math.max(4, width - labelWidth - share - 1);
  return (
    <Box flexDirection="column" width={width} overflow="hidden">
      <Text bold wrap="truncate">
        {spread(fitTitle(title, width - 24), `${integer(r.runs)} branches${live.running ? ' …' : ''}`, width)}
      </Text>
      <Text> </Text>
      {OUTCOMES.map((o) => (
        <Text key={o} wrap="truncate">
          <Text bold>{padEnd(SHORT_OUTCOME_LABELS[o].toUpperCase(), labelWidth)}</Text>
          <Text color={o === 'joined' ? 'green' : 'cyan'}>{padEnd(bar(r.outcomes[o].share, barWidth), barWidth)}</Text>
          <Text bold>{padStart(sharePct(r.outcomes[o].share), share + 1)}</Text>
        </Text>
      ))}
    </Box>
  );
}
