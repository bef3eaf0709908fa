import { Box, Text } from 'ink';
import type { Outcome } from '../../model/outcome.js';
import type { Results } from '../../model/results.js';
import { padEnd, truncate } from '../../report/format.js';
import { SHORT_OUTCOME_LABELS } from '../labels.js';
import { pctCell } from '../text.js';

/** The ending's column: as wide as its longest short label and a space. */
const ENDING = Math.max(...Object.values(SHORT_OUTCOME_LABELS).map((l) => l.length)) + 1;
/** The least room a reason has (without the ending) for the ending to be shown: below it the reason keeps the room, and the outcomes above say the endings. */
const ROOM_FOR_ENDING = 51;

/**
 * The ending a blocker caused, as a column, where `room` (what the reason would have without
 * it) is wide enough; '' otherwise. The same reason can end branches in two ways (an Ally
 * vetoes; the candidate, rebuffed, never applies), so the ending keeps a row from reading as
 * the candidate's own reason.
 */
export function endingCell(outcome: Outcome, room: number): string {
  return room >= ROOM_FOR_ENDING ? padEnd(SHORT_OUTCOME_LABELS[outcome], ENDING) : '';
}

export interface BlockersProps {
  readonly results: Results;
  readonly width: number;
  /** Rows available including the heading. */
  readonly height: number;
}

/** What ended the branches that did not join: who and why, most frequent first. */
export function Blockers({ results, width, height }: BlockersProps) {
  const rows = results.blockers.slice(0, Math.max(0, height - 1));
  if (height < 1) return null;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {`Top blockers${tieLegend(rows)}`}
      </Text>
      {rows.length === 0 ? <Text dimColor>none: every branch joined</Text> : null}
      {rows.map((b, i) => {
        const why = b.reason.label + (b.reason.source ? ` [${b.reason.source}]` : '');
        const ending = endingCell(b.outcome, width - 13);
        return (
          <Text key={i} wrap="truncate">
            {pctCell(b.share, 6)} {`${padEnd(b.actor, 4)} ${ending}`}
            {truncate(why, Math.max(4, width - 13 - ending.length))}
          </Text>
        );
      })}
    </Box>
  );
}

/** What TIE stands for, said in the heading when a row shows it (as `run` says it under its table). */
export function tieLegend(rows: readonly { readonly actor: string }[]): string {
  return rows.some((r) => r.actor === 'TIE') ? ' (TIE: several Allies alike, none stands out)' : '';
}
