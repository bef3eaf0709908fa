import { Box, Text, type Key } from 'ink';
import { useState } from 'react';
import { unsafeCharacterIn } from '../model/unsafe-characters.js';
import { truncate } from '../report/format.js';
import { useKeys } from './hooks/use-keys.js';
import { useSyncState } from './hooks/use-sync-state.js';
import { wrapText } from '../report/wrap.js';

/** A question on the message line: type a value, or pick one of a few keys. */
export type Prompt =
  | {
      readonly kind: 'text';
      readonly label: string;
      readonly initial: string;
      /** Returns a message to keep the prompt open (bad input), or undefined to close it. */
      readonly submit: (text: string) => string | undefined;
    }
  | {
      readonly kind: 'choice';
      readonly question: string;
      /** What the question may shrink to when the choices do not fit (default: the question itself; '' to drop it). */
      readonly shortQuestion?: string;
      readonly choices: readonly { readonly key: string; readonly label: string; readonly run: () => void }[];
    };

export interface PromptBarProps {
  readonly prompt: Prompt;
  /** Called when the prompt is answered or cancelled. */
  readonly onDone: () => void;
  readonly width: number;
  /**
   * Why the answer typed was refused, and where to say it: kept by the caller, which gives the
   * rows under the prompt that problemBelow says it takes (without them it keeps its own, on its line).
   */
  readonly refusal?: { readonly problem?: string; readonly set: (problem: string | undefined) => void; readonly maxRows: number };
}

/** A text prompt's line: `selected` while it still holds its pre-filled value, untouched. */
export interface PromptLine {
  readonly text: string;
  readonly selected: boolean;
}

/**
 * One key's edit of the line, or undefined when the key does not edit it. A pre-filled value
 * is selected, as in a dialog box: the first character typed replaces it (typing after "0.12"
 * gave "0.120.35"); Backspace, an arrow, Home or End keep it and edit it from its end.
 */
export function editLine(line: PromptLine, input: string, key: Key): PromptLine | undefined {
  if (key.backspace || key.delete) return { text: line.text.slice(0, -1), selected: false };
  if (key.ctrl && input === 'u') return { text: '', selected: false };
  if (key.leftArrow || key.rightArrow || key.home || key.end) return { ...line, selected: false };
  if (key.ctrl || key.meta || input.length === 0 || unsafeCharacterIn(input) !== undefined) return undefined;
  return { text: (line.selected ? '' : line.text) + input, selected: false };
}

export function PromptBar({ prompt, onDone, width, refusal }: PromptBarProps) {
  // The typed text is read by Enter in the same chunk of input as the last keys (a paste).
  const initial = prompt.kind === 'text' ? prompt.initial : '';
  const [line, setLine, typed] = useSyncState<PromptLine>({ text: initial, selected: initial !== '' });
  const [ownProblem, setOwnProblem] = useState<string>();
  const problem = refusal === undefined ? ownProblem : refusal.problem;
  const setProblem = refusal === undefined ? setOwnProblem : refusal.set;
  useKeys((input, key) => {
    if (key.escape) return onDone();
    if (prompt.kind === 'choice') {
      const choice = prompt.choices.find((c) => c.key === input);
      if (choice !== undefined) {
        onDone();
        choice.run();
      }
      return;
    }
    if (key.return) {
      const error = prompt.submit(typed.current.text);
      if (error === undefined) onDone();
      else setProblem(error);
      return;
    }
    const edited = editLine(typed.current, input, key);
    if (edited === undefined) return;
    // An answer being changed is no longer the one refused.
    if (edited.text !== typed.current.text) setProblem(undefined);
    setLine(edited);
  }, true, undefined, prompt.kind === 'text');
  if (prompt.kind === 'choice') {
    const { question, keys } = fitChoices(prompt.question, prompt.choices, width, prompt.shortQuestion);
    return (
      <Text wrap="truncate">
        <Text color="yellow" bold>
          {question}
        </Text>
        {question === '' ? '' : ' '}
        {truncate(keys, Math.max(10, width - question.length - (question === '' ? 0 : 1)))}
      </Text>
    );
  }
  const below = problemBelow(prompt, problem, width, refusal?.maxRows ?? 1);
  const tail = problem === undefined ? '  ⏎ ok · Esc cancel' : below.length > 0 ? '' : `  ${problem}`;
  const input = (
    <Text wrap="truncate">
      <Text bold>{prompt.label} </Text>
      <Text inverse={line.selected}>{lineInView(line.text, width - prompt.label.length - 2 - tail.length)}</Text>
      <Text>▏</Text>
      <Text color={problem === undefined ? undefined : 'red'} dimColor={problem === undefined}>
        {tail}
      </Text>
    </Text>
  );
  if (below.length === 0) return input;
  return (
    <Box flexDirection="column" width={width}>
      {input}
      {below.map((l, i) => (
        <Text key={i} color="red" wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}

/**
 * The rows under a text prompt's line that show why an answer was refused, when the reason does
 * not fit beside the answer (a target's list of outcomes, cut, named none of them); none when it fits.
 */
export function problemBelow(prompt: Prompt, problem: string | undefined, width: number, maxRows: number): string[] {
  if (prompt.kind !== 'text' || problem === undefined || maxRows < 2) return [];
  // Beside the answer while ten of its characters still show (lineInView keeps ten).
  if (prompt.label.length + 1 + 10 + 1 + 2 + problem.length <= width) return [];
  const lines = wrapText(problem, width);
  const room = maxRows - 1;
  return lines.length <= room ? lines : [...lines.slice(0, room - 1), truncate(lines.slice(room - 1).join(' '), width)];
}

/**
 * What a text prompt shows of its line in `room` columns: all of it, or, when it is longer, "…"
 * and its end, where typing goes on, so the line never pushes the answer to Enter (a value
 * refused) out of sight.
 */
export function lineInView(text: string, room: number): string {
  const keep = Math.max(10, room);
  if (text.length <= keep) return text;
  const chars = Array.from(text);
  return chars.length <= keep ? text : `…${chars.slice(chars.length - (keep - 1)).join('')}`;
}

/**
 * A choice on one line, in the first form that fits the width: in full; without "Esc cancel";
 * with plain spaces between choices; then with the question shortened (or dropped, where the
 * prompt allows it); else the last, cut. Every choice's key stays in
 * sight as long as one of those fits (a cut list hid the Vetoed of `o` at 60 columns).
 */
export function fitChoices(question: string, choices: readonly { readonly key: string; readonly label: string }[], width: number, shortQuestion = question): { question: string; keys: string } {
  const listed = (sep: string) => choices.map((c) => `${c.key} ${c.label}`).join(sep);
  const forms = [
    { question, keys: `${listed(' · ')} · Esc cancel` },
    { question, keys: listed(' · ') },
    { question, keys: listed('  ') },
    { question, keys: listed(' ') },
    { question: shortQuestion, keys: listed('  ') },
    { question: shortQuestion, keys: listed(' ') },
  ];
  const room = (f: { question: string; keys: string }) => width - (f.question === '' ? 0 : f.question.length + 1);
  return forms.find((f) => f.keys.length <= room(f)) ?? forms[forms.length - 1]!;
}
