import { Box, Text } from 'ink';
import { useState } from 'react';
import { parseTarget, type Target } from '../../analysis/rewrite-search/target.js';
import { missesOnFreshSeed } from '../../analysis/rewrite-search/fresh-seed.js';
import { rewriteVerdict } from '../../analysis/rewrite-search/verdict.js';
import { shownDistance } from '../../analysis/rewrite-search/search.js';
import type { Executor } from '../../batch/executors.js';
import type { Scenario } from '../../model/scenario.js';
import { bar, integer, padStart, pct } from '../../report/format.js';
import { terminalText } from '../../report/safe-text.js';
import { FRONT_SEARCH, useFront, type FrontCache, type FrontDone } from '../hooks/use-front.js';
import { useKeys } from '../hooks/use-keys.js';
import type { Prompt } from '../prompt.js';
import type { EditorAction } from '../state/editor.js';
import { rewriteEdit } from '../state/rewrite-edit.js';
import { spread } from '../text.js';
import { wrapText } from '../../report/wrap.js';

export interface FrontScreenProps {
  readonly scenario: Scenario;
  readonly target: Target;
  readonly onTarget: (target: Target) => void;
  readonly executors: readonly Executor[];
  readonly seed: string;
  readonly cache: FrontCache;
  readonly dispatch: (action: EditorAction) => void;
  /** Back to the parameters once a point is applied. */
  readonly onApplied: () => void;
  readonly ask: (prompt: Prompt) => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** Rows above the table besides the search's and the answer's lines: the heading, a blank and the table's header. */
const FIXED_HEAD_ROWS = 3;
/** Lines at most for the search's settings and for the answer. */
const MAX_LINES = 3;
/** Where a row's changes start: the marker, number, distance and share before them. */
const CHANGES_AT = 25;

/**
 * "What would it take?" in the explorer: a quick search for the least rewrite of the scenario on
 * screen that reaches a target, its Pareto front of distance against the target's share as a
 * table, and the chosen point applied as one undoable edit (Enter; u undoes it).
 */
export function FrontScreen({ scenario, target, onTarget, executors, seed, cache, dispatch, onApplied, ask, active, width, height }: FrontScreenProps) {
  const front = useFront(scenario, target, executors, seed, cache);
  const done = front.done;
  const rows = done?.report.front ?? [];
  const [picked, setPicked] = useState<number>();
  // The cheapest point that meets the target, else the closest: what Enter applies unless another is chosen.
  // Never below the first row: a key pressed while the search runs has no rows to move through.
  const chosen = Math.max(0, Math.min(rows.length - 1, picked ?? defaultRow(done)));
  useKeys(
    (input, key) => {
      if ((key.upArrow || input === 'k') && rows.length > 0) setPicked(Math.max(0, chosen - 1));
      else if ((key.downArrow || input === 'j') && rows.length > 0) setPicked(Math.min(rows.length - 1, chosen + 1));
      else if (input === 't')
        ask({
          kind: 'text',
          label: 'Target (an outcome or stage, >= or <= a share):',
          initial: '',
          submit: (text) => {
            const parsed = parseTarget(text);
            if (!parsed.ok) return parsed.message.replace(/^--target/, 'target');
            setPicked(undefined);
            onTarget(parsed.target);
            return undefined;
          },
        });
      else if (key.return && done !== undefined && rows.length > 0 && done.points[chosen] !== undefined) {
        const point = done.points[chosen]!;
        const row = rows[chosen]!;
        const label = `rewrite for ${done.report.target}: ${row.changes.length} change${row.changes.length === 1 ? '' : 's'}, distance ${row.distance.toFixed(2)}, ${pct(row.share)} on the search's branches`;
        const action = rewriteEdit(done.start, done.levers, point.rewrite, label);
        dispatch(action);
        if (action.type === 'edit') onApplied();
      }
    },
    active,
  );

  // Wrapped, not cut: at 80 columns the settings and the answer's "Enter applies" were cut mid-word.
  const settings = wrapText(`${integer(FRONT_SEARCH.runs)} branches an evaluation, seed ${terminalText(seed)}, within distance ${FRONT_SEARCH.maxDistance} and ${FRONT_SEARCH.maxChanges} changes; a quick search (article10 rewrite searches wider)`, width).slice(0, MAX_LINES);
  const answerLines = wrapText(answer(front.error, done, front.evaluations / Math.max(1, front.estimate), width), width).slice(0, MAX_LINES);
  // The chosen point's changes in full under the table when its row cuts them: read before Enter applies them.
  const changes = rows[chosen]?.changes ?? [];
  const detail = changes.join('; ').length > width - CHANGES_AT ? [`Point ${chosen + 1}, its ${changes.length} changes:`, ...changes.map((c) => `  ${c}`)] : [];
  const tableRows = Math.max(1, height - FIXED_HEAD_ROWS - settings.length - answerLines.length - (detail.length > 0 ? detail.length + 1 : 0));
  const first = Math.max(0, Math.min(chosen - Math.floor(tableRows / 2), rows.length - tableRows));
  const status = done !== undefined ? `${integer(done.report.evaluations)} evaluations` : front.error !== undefined ? 'failed' : `searching… ${integer(front.evaluations)} of ~${integer(front.estimate)}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {spread(`What would it take: ${front.target}, from the scenario on screen`, status, width)}
      </Text>
      <Text dimColor wrap="truncate">
        {settings.join('\n')}
      </Text>
      <Text wrap="truncate" color={front.error === undefined ? undefined : 'red'}>
        {answerLines.join('\n')}
      </Text>
      <Text> </Text>
      {done === undefined ? null : (
        <>
          <Text bold wrap="truncate">
            {`  ${padStart('#', 3)}  ${padStart('distance', 8)}  ${padStart('share', 6)}  changes`}
          </Text>
          {rows.slice(first, first + tableRows).map((r, k) => {
            const i = first + k;
            return (
              <Text key={i} inverse={i === chosen} wrap="truncate">
                {`${i === chosen ? '›' : ' '} ${padStart(String(i + 1), 3)}  ${padStart(r.distance.toFixed(2), 8)}  ${padStart(pct(r.share), 6)}  ${r.changes.length === 0 ? '(no change: its share on the search\'s branches)' : r.changes.join('; ')}`}
              </Text>
            );
          })}
          {detail.length > 0 ? (
            <>
              <Text> </Text>
              <Text wrap="truncate">{detail.join('\n')}</Text>
            </>
          ) : null}
        </>
      )}
    </Box>
  );
}

/** The row Enter applies unless another is chosen: the cheapest that meets the target, else the one that came closest. */
function defaultRow(done: FrontDone | undefined): number {
  if (done === undefined) return 0;
  const r = done.report;
  const at = r.front.findIndex((p) => p.distance === r.rewrite.distance && p.share === r.rewrite.search.share);
  if (at >= 0) return at;
  // The answer shares its shown distance with a point that reaches further: the front keeps that one.
  const near = r.front.findIndex((p) => shownDistance(p.distance) === shownDistance(r.rewrite.distance));
  return near >= 0 ? near : r.front.length - 1;
}

function answer(error: string | undefined, done: FrontDone | undefined, progress: number, width: number): string {
  if (error !== undefined) return `The search failed: ${error}`;
  if (done === undefined) return `Searching ${bar(Math.min(1, progress), Math.max(10, Math.min(40, width - 12)))}`;
  const r = done.report;
  // A fresh seed that finds the answer short beyond chance is said: the search's branches favoured it.
  const fresh = `fresh seed ${pct(r.rewrite.verification.share)}${r.found && missesOnFreshSeed(r) ? ', short of it beyond chance' : ''}`;
  const verdict = rewriteVerdict(r);
  // The search's few branches are not the screen's run: said, so 30.5% here beside 27.2% there does not read as met.
  if (verdict === 'met_at_start') return `The scenario on screen already meets ${r.target} on the search's ${integer(r.runs)} branches (${pct(r.start.share)}); the results view has its own run.`;
  if (verdict === 'found') return `Least rewrite: distance ${r.rewrite.distance.toFixed(2)}, ${pct(r.rewrite.search.share)} (${fresh}). ↑↓ choose, Enter applies (u undoes).`;
  if (verdict === 'unmoved') return `Not within distance ${r.maxDistance}: no rewrite tried moved the share from ${pct(r.start.share)}.`;
  return `Not within distance ${r.maxDistance}: closest ${pct(r.rewrite.search.share)} at ${r.rewrite.distance.toFixed(2)} (${fresh}), from ${pct(r.start.share)}.`;
}
