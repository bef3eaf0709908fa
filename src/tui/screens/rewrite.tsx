import { Box, Text } from 'ink';
import { REWRITE_METHOD, rewriteLine, rewriteLines } from '../../analysis/rewrite/rewrite-distance.js';
import { terminalText } from '../../report/safe-text.js';
import type { Rewrite } from '../hooks/use-rewrite.js';
import { useScroll } from '../hooks/use-scroll.js';
import { spread } from '../text.js';
import { wrapText } from '../../report/wrap.js';

export interface RewriteScreenProps {
  readonly rewrite: Rewrite;
  /** A path as the user would type it. */
  readonly displayPath: (path: string) => string;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

/** The rewrite of the scenario on screen: every value that differs from its baseline, with its size. */
export function RewriteScreen({ rewrite, displayPath, active, width, height }: RewriteScreenProps) {
  const lines = rewriteScreenLines(rewrite, (path) => terminalText(displayPath(path)), width);
  const bodyRows = Math.max(1, height - 1);
  const top = useScroll(lines.length, bodyRows, active);
  const shown = lines.slice(top, top + bodyRows);
  const below = lines.length - top - bodyRows;
  if (below > 0) shown[shown.length - 1] = { text: `… ${below} more line${below === 1 ? '' : 's'} (↓ PgDn)`, dim: true };
  const { distance, reference } = rewrite;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {spread(`Rewrite: ${distance.counterfactual} against ${reference.kind === 'baseline' ? 'its baseline' : 'the file as opened'} ${distance.baseline}`, `score ${distance.score.toFixed(1)}`, width)}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} dimColor={l.dim} wrap="truncate">
          {l.text === '' ? ' ' : l.text}
        </Text>
      ))}
    </Box>
  );
}

/** The rewrite screen's lines, each wrapped to fit `width` (its indent included). */
export function rewriteScreenLines({ distance, reference, known }: Rewrite, displayPath: (path: string) => string, width: number): Line[] {
  const wrapped = (text: string, line: Omit<Line, 'text'> = {}, indent = '') =>
    // Continuation lines are indented two more: wrapped to fit with them, nothing is cut.
    wrapText(text, width - indent.length - 2).map((t, i) => ({ ...line, text: (i === 0 ? indent : `${indent}  `) + t }));
  const where =
    reference.kind === 'baseline'
      ? `Measured from ${displayPath(reference.file)}, the history this scenario rewrites (its baseline: file, else the file it extends); the file's own changes and yours both count.`
      : known
        ? `${displayPath(reference.file)} names no baseline and extends none: your edits to it are the rewrite.`
        : 'Looking for the baseline file…';
  const changes = rewriteLines(distance);
  return [
    ...wrapped(where, { dim: true }),
    { text: '' },
    ...wrapped(rewriteLine(distance)),
    { text: '' },
    ...wrapped("What changes, in units of the baseline value's documented uncertainty", { bold: true }),
    ...(changes.length === 0 ? wrapped('nothing: the scenario is its baseline as written', { dim: true }, '  ') : changes.flatMap((c) => wrapped(c, {}, '  '))),
    { text: '' },
    ...wrapped(`How the score is made: ${REWRITE_METHOD}.`, { dim: true }),
  ];
}
