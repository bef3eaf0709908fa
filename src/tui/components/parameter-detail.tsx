import { Box, Text } from 'ink';
import type { Scenario } from '../../model/scenario.js';
import { resolveSource } from '../../model/sources.js';
import { itemName, sourceOf, valueText, type ParameterItem } from '../state/parameters.js';
import { wrapText } from '../../report/wrap.js';

export interface ParameterDetailProps {
  readonly item: ParameterItem | undefined;
  readonly scenario: Scenario;
  readonly width: number;
  readonly height: number;
}

/** The selected parameter: its full value, what it means, and its source resolved to a citation. */
export function ParameterDetail({ item, scenario, width, height }: ParameterDetailProps) {
  if (item === undefined || height <= 0) return null;
  const { source, note } = sourceOf(scenario, item);
  const lines: { text: string; dim?: boolean }[] = [];
  lines.push(...wrapText(`${itemName(item)} = ${valueText(scenario, item, true)}`, width).map((text) => ({ text })));
  const cited = source === undefined ? [] : resolveSource(source, scenario.sources).map((s) => (s.citation === undefined ? s.id : `${s.id}: ${s.citation}`));
  const sourceText = source === undefined ? 'no source' : `source ${cited.join('; ')}`;
  lines.push(...wrapText(sourceText + (note ? ` (${note})` : ''), width).map((text) => ({ text, dim: false })));
  lines.push(...wrapText(item.detail, width).map((text) => ({ text, dim: true })));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((l, i) => (
        <Text key={i} dimColor={l.dim} color={i === 0 ? 'cyan' : undefined} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
