import { Box, Text } from 'ink';
import type { Scenario } from '../../model/scenario.js';
import { padEnd, truncate } from '../../report/format.js';
import { isChanged, valueText, type ParameterItem } from '../state/parameters.js';

export interface ParameterPanelProps {
  readonly items: readonly ParameterItem[];
  /** Key of the selected item. */
  readonly selected: string | undefined;
  readonly scenario: Scenario;
  /** As opened: values that differ from it are marked `*`. */
  readonly original: Scenario;
  readonly width: number;
  readonly height: number;
}

type Row = { readonly kind: 'group'; readonly label: string } | { readonly kind: 'item'; readonly index: number };

const VALUE_WIDTH = 8;

/** The parameters grouped under headings, scrolled to keep the selection in view. */
export function ParameterPanel({ items, selected, scenario, original, width, height }: ParameterPanelProps) {
  const rows: Row[] = [];
  items.forEach((item, index) => {
    if (index === 0 || items[index - 1]!.group !== item.group) rows.push({ kind: 'group', label: item.group });
    rows.push({ kind: 'item', index });
  });
  const at = Math.max(0, rows.findIndex((r) => r.kind === 'item' && items[r.index]!.key === selected));
  // Keep the selection a third of the way down, so what comes next stays visible.
  const top = Math.max(0, Math.min(rows.length - height, at - Math.floor(height / 3)));
  const labelWidth = width - 2 - VALUE_WIDTH - 1;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.slice(top, top + height).map((row) => {
        if (row.kind === 'group') {
          return (
            <Text key={`g:${row.label}`} bold color="yellow" wrap="truncate">
              {row.label}
            </Text>
          );
        }
        const item = items[row.index]!;
        const isSelected = item.key === selected;
        const changed = isChanged(scenario, original, item);
        const value = valueText(scenario, item);
        const line = `${isSelected ? '›' : ' '} ${itemLabel(item, labelWidth)} ${`${changed ? '*' : ''}${value}`.padStart(VALUE_WIDTH)}`;
        return (
          <Text key={item.key} inverse={isSelected} wrap="truncate" dimColor={!isSelected && value === 'off'}>
            {line}
          </Text>
        );
      })}
    </Box>
  );
}

/** "owner field" in exactly `width` characters: the owner is shortened first; a row with no owner (the procedure's) is its field alone. */
function itemLabel(item: ParameterItem, width: number): string {
  if (item.owner === '') return padEnd(item.field, width).slice(0, width);
  const field = item.field === '' ? '' : ` ${item.field}`;
  return padEnd(truncate(item.owner, Math.max(3, width - field.length)) + field, width).slice(0, width);
}
