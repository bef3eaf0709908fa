import { Box } from 'ink';
import { centralValue, type Param } from '../../model/distribution.js';
import type { Results } from '../../model/results.js';
import { ParameterDetail } from '../components/parameter-detail.js';
import { ParameterPanel } from '../components/parameter-panel.js';
import { ResultsPanel } from '../components/results-panel.js';
import type { LiveResults } from '../hooks/use-live-results.js';
import type { Prompt } from '../prompt.js';
import { selectedItem, type EditorAction, type EditorState } from '../state/editor.js';
import { formatNumber, parseValue } from '../state/edits.js';
import { itemName, itemsOf, valueAt, type ParameterItem } from '../state/parameters.js';
import { useKeys } from '../hooks/use-keys.js';

export interface ExploreScreenProps {
  readonly editor: EditorState;
  readonly dispatch: (action: EditorAction) => void;
  readonly live: LiveResults;
  readonly baseline?: Results;
  readonly ask: (prompt: Prompt) => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** Parameters on the left, live results on the right. Keys dispatch intents; the reducer applies them to the current state. */
export function ExploreScreen({ editor, dispatch, live, baseline, ask, active, width, height }: ExploreScreenProps) {
  const items = itemsOf(editor.scenario);
  const item = selectedItem(editor);
  const leftWidth = Math.max(30, Math.min(56, Math.floor(width * 0.42)));
  const rightWidth = width - leftWidth - 2;
  const detailHeight = height >= 30 ? 6 : 4;
  const listHeight = height - detailHeight - 1;

  useKeys(
    (input, key) => {
      const step = (direction: 1 | -1) => dispatch({ type: 'change', change: { kind: 'step', direction, big: key.shift || input === 'H' || input === 'L' } });
      if (key.upArrow || input === 'k') dispatch({ type: 'select', move: { by: -1 } });
      else if (key.downArrow || input === 'j') dispatch({ type: 'select', move: { by: 1 } });
      else if (key.pageUp) dispatch({ type: 'select', move: { by: -listHeight } });
      else if (key.pageDown) dispatch({ type: 'select', move: { by: listHeight } });
      else if (key.home || input === 'g') dispatch({ type: 'select', move: { to: 'first' } });
      else if (key.end || input === 'G') dispatch({ type: 'select', move: { to: 'last' } });
      else if (key.tab) dispatch({ type: 'select', move: { group: key.shift ? -1 : 1 } });
      else if (key.leftArrow || input === 'h' || input === 'H') step(-1);
      else if (key.rightArrow || input === 'l' || input === 'L') step(1);
      else if (input === ' ') dispatch({ type: 'change', change: { kind: 'toggle' } });
      else if (input === 'x') dispatch({ type: 'change', change: { kind: 'restore' } });
      else if (input === 'u') dispatch({ type: 'undo' });
      else if (input === 'r') dispatch({ type: 'redo' });
      else if (key.return && item !== undefined) {
        if (item.kind === 'number') ask(valuePrompt(item, editor, dispatch));
        else dispatch({ type: 'change', change: { kind: 'toggle' } });
      }
    },
    active,
  );

  return (
    <Box flexDirection="row" width={width} height={height}>
      <Box flexDirection="column" width={leftWidth} height={height}>
        <ParameterPanel items={items} selected={item?.key} scenario={editor.scenario} original={editor.original} width={leftWidth} height={listHeight} />
        <Box height={1} />
        <ParameterDetail item={item} scenario={editor.scenario} width={leftWidth} height={detailHeight} />
      </Box>
      <Box width={2} />
      <ResultsPanel live={live} baseline={baseline} width={rightWidth} height={height} />
    </Box>
  );
}

function valuePrompt(item: ParameterItem & { kind: 'number' }, editor: EditorState, dispatch: (a: EditorAction) => void): Prompt {
  const param = valueAt(editor.scenario, item.path) as Param;
  const { min, max } = item.range;
  return {
    kind: 'text',
    label: `${itemName(item)} (${formatNumber(min)} to ${formatNumber(max)}) =`,
    initial: formatNumber(centralValue(param.dist)),
    submit: (text) => {
      const typed = parseValue(text, item.range);
      if (!typed.ok) return typed.problem;
      dispatch({ type: 'change', change: { kind: 'set', value: typed.value }, key: item.key });
      return undefined;
    },
  };
}
