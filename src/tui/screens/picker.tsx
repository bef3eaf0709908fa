import { Box, Text } from 'ink';
import { basename } from 'node:path';
import { useEffect, useState } from 'react';
import { useSyncState } from '../hooks/use-sync-state.js';
import { padEnd, truncate } from '../../report/format.js';
import { terminalText } from '../../report/safe-text.js';
import type { ScenarioEntry, Workspace } from '../workspace.js';
import { useKeys } from '../hooks/use-keys.js';

export interface PickerScreenProps {
  /** What the list is for (default: switching decision point). */
  readonly title?: string;
  readonly workspace: Workspace;
  readonly currentFile: string;
  /** Where the edits were last saved, offered too. */
  readonly savedTo?: string;
  readonly onOpen: (file: string) => void;
  readonly onClose: () => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** The decision points on offer: bundled scenarios and files given on the command line. */
export function PickerScreen({ title = 'Decision points', workspace, currentFile, savedTo, onOpen, onClose, active, width, height }: PickerScreenProps) {
  const [entries, setEntries] = useState<ScenarioEntry[]>();
  const [selected, setSelected, latest] = useSyncState(0);
  // After a save, the work goes on in the saved file (its id is the one on screen, and the next save goes there).
  const openFile = savedTo ?? currentFile;
  useEffect(() => {
    let live = true;
    void workspace.listScenarios(savedTo === undefined ? [currentFile] : [currentFile, savedTo]).then((list) => {
      if (!live) return;
      setEntries(list);
      setSelected(Math.max(0, list.findIndex((e) => e.file === openFile)));
    });
    return () => {
      live = false;
    };
  }, [workspace, currentFile, savedTo, openFile]);

  useKeys(
    (input, key) => {
      if (entries === undefined || entries.length === 0) {
        if (key.return) onClose();
        return;
      }
      if (key.upArrow || input === 'k') setSelected(Math.max(0, latest.current - 1));
      else if (key.downArrow || input === 'j') setSelected(Math.min(entries.length - 1, latest.current + 1));
      else if (key.return) {
        const entry = entries[latest.current]!;
        if (entry.problem === undefined) onOpen(entry.file);
      }
    },
    active,
  );

  const rows = entries ?? [];
  const top = Math.max(0, Math.min(rows.length - (height - 2), selected - Math.floor((height - 2) / 2)));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold>{title}</Text>
      <Box height={1} />
      {entries === undefined ? <Text dimColor>Reading the scenario files…</Text> : null}
      {entries?.length === 0 ? <Text dimColor>No scenario files found.</Text> : null}
      {rows.slice(top, top + height - 2).map((e, i) => {
        const index = top + i;
        const mark = index === selected ? '›' : ' ';
        const current = e.file === openFile ? ' (open)' : '';
        const text =
          e.problem === undefined
            ? `${mark} ${e.year ?? ''}  ${padEnd(e.id ?? '', 28)} ${e.title ?? ''}${current}`
            : `${mark} ${basename(e.file)}: cannot open: ${e.problem}`;
        return (
          <Text key={e.file} inverse={index === selected} dimColor={e.problem !== undefined} wrap="truncate">
            {truncate(terminalText(text), width)}
          </Text>
        );
      })}
    </Box>
  );
}
