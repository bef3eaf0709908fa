import { Box, Text } from 'ink';
import { padEnd } from '../../report/format.js';
import { HELP_NOTES, type HelpSection } from '../keys.js';
import { wrapText } from '../../report/wrap.js';
import { useScroll } from '../hooks/use-scroll.js';

export interface HelpScreenProps {
  /** The keys, section by section (read from the table of screens). */
  readonly sections: readonly HelpSection[];
  readonly onClose: () => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** Every key, then how values, runs and saving work. ↑/↓ scroll; any other key closes. */
export function HelpScreen({ sections, onClose, active, width, height }: HelpScreenProps) {
  const lines = helpLines(sections, width);
  const top = useScroll(lines.length, height, active, (input, key) => {
    if (input !== 'q' && !(key.ctrl && input === 'c')) onClose();
  });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(top, top + height).map((l, i) => (
        // A blank line as a space: an empty Text takes no row, and the sections would run together.
        <Text key={i} bold={l.heading} wrap="truncate">
          {l.text === '' ? ' ' : l.text}
        </Text>
      ))}
    </Box>
  );
}

function helpLines(sections: readonly HelpSection[], width: number): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const keyWidth = Math.min(26, Math.max(...sections.flatMap((g) => g.keys.map((k) => k.keys.length))) + 2);
  for (const group of sections) {
    out.push({ text: group.title, heading: true });
    for (const k of group.keys) {
      wrapText(k.does, width - keyWidth - 2).forEach((chunk, i) => out.push({ text: `  ${padEnd(i === 0 ? k.keys : '', keyWidth)}${chunk}`, heading: false }));
    }
    out.push({ text: '', heading: false });
  }
  for (const note of HELP_NOTES) {
    for (const line of wrapText(note, width)) out.push({ text: line, heading: false });
    out.push({ text: '', heading: false });
  }
  return out;
}
