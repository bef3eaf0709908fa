import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useSyncState } from '../hooks/use-sync-state.js';
import { compile, EXITS, findBranch, LAST_BRANCH, parseBranchNumber, traceBranch } from '../../engine/index.js';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../../model/outcome.js';
import type { Scenario } from '../../model/scenario.js';
import { resolveSource } from '../../model/sources.js';
import { isStretch, tellStory, type StoryLine } from '../../analysis/explain/story.js';
import { SHORT_OUTCOME_LABELS } from '../labels.js';
import type { Prompt } from '../prompt.js';
import { storySteps } from '../state/story-steps.js';
import { spread } from '../text.js';
import { wrapText } from '../../report/wrap.js';
import { integer, pairSafeCut } from '../../report/format.js';
import { useKeys } from '../hooks/use-keys.js';

export interface ExplainScreenProps {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly ask: (prompt: Prompt) => void;
  readonly notify: (note: string) => void;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

const YEAR_COLUMN = 6;

/** One branch told year by year (the story of `article10 explain`), with the sources of each step. */
export function ExplainScreen({ scenario, seed, ask, notify, active, width, height }: ExplainScreenProps) {
  const [branch, setBranch, latestBranch] = useSyncState(0);
  const [step, setStep, latestStep] = useSyncState(0);
  const [wanted, setWanted] = useState<Outcome>();
  /** Rows scrolled by PgUp/PgDn away from where the current year puts the view. */
  const [scrolled, setScrolled, latestScrolled] = useSyncState(0);
  const model = useMemo(() => compile(scenario), [scenario]);
  const story = useMemo(() => tellStory(model, seed, traceBranch(model, seed, branch)), [model, seed, branch]);
  const steps = useMemo(() => storySteps(story), [story]);
  const at = Math.min(step, steps.length - 1);
  const atEnd = at === steps.length - 1;

  const goTo = (b: number) => {
    setBranch(Math.max(0, Math.min(LAST_BRANCH, b)));
    moveTo(0);
  };
  const moveTo = (s: number) => {
    setStep(Math.max(0, Math.min(steps.length - 1, s)));
    setScrolled(0);
  };
  const find = (outcome: Outcome, from: number) => {
    setWanted(outcome);
    // Match on the outcome, not the finer exit (a standing hold-out is pending at the horizon).
    const found = findBranch(model, seed, (exit) => EXITS.find((e) => e.exit === exit)?.outcome === outcome, from);
    if (found === undefined) notify(`no branch ending "${OUTCOME_LABELS[outcome]}" among the 100,000 after branch ${from - 1}`);
    else {
      goTo(found);
      notify(`branch ${found}: the next that ends "${OUTCOME_LABELS[outcome]}"`);
    }
  };

  useKeys(
    (input, key) => {
      const at = Math.min(latestStep.current, steps.length - 1);
      if (key.downArrow || input === 'j' || input === ' ') moveTo(at + 1);
      else if (key.upArrow || input === 'k') moveTo(at - 1);
      else if (key.home || input === 'g') moveTo(0);
      else if (key.end || input === 'G') moveTo(steps.length - 1);
      else if (key.pageDown) scroll(Math.max(1, bodyRows - 1));
      else if (key.pageUp) scroll(-Math.max(1, bodyRows - 1));
      else if (key.rightArrow) goTo(latestBranch.current + 1);
      else if (key.leftArrow) goTo(latestBranch.current - 1);
      else if (input === 'b')
        ask({
          kind: 'text',
          label: 'Branch number:',
          initial: '',
          submit: (text) => {
            const n = parseBranchNumber(text);
            if (n === undefined) return `a branch number: a whole number from 0 to ${integer(LAST_BRANCH)}`;
            goTo(n);
            return undefined;
          },
        });
      else if (input === 'o')
        ask({
          kind: 'choice',
          question: 'Next branch ending:',
          // The key o asked for it: the question may go before a choice does.
          shortQuestion: '',
          choices: OUTCOMES.map((o, i) => ({ key: String(i + 1), label: SHORT_OUTCOME_LABELS[o], run: () => find(o, branch + 1) })),
        });
      else if (input === 'f') {
        if (wanted === undefined) notify('press o first to choose an outcome');
        else find(wanted, latestBranch.current + 1);
      }
    },
    active,
  );

  const textWidth = Math.max(10, width - YEAR_COLUMN);
  const body: { text: string; current: boolean }[] = [];
  steps.slice(0, at + 1).forEach((s, i) => {
    s.lines.forEach((line, j) => {
      const year = j === 0 && !isStretch(line) ? String(s.year) : '';
      // The current year's lines carry a mark in the year column: bold and colour alone vanish under NO_COLOR.
      const mark = i === at ? '›' : ' ';
      wrapText(lineText(line), textWidth).forEach((chunk, k) => body.push({ text: (k === 0 ? year : '').padEnd(YEAR_COLUMN - 1) + mark + chunk, current: i === at }));
    });
  });
  const cited = stepSources(steps[at]?.lines ?? [], scenario);
  // At the end, every source of the story by id (their citations: `article10 sources`).
  const allIds = atEnd ? wrapText(`Whole story: ${story.sources.map((s) => s.id).join(', ')}`, width) : [];
  const sourceRows = Math.min(cited.length + allIds.length + 1, Math.max(3, Math.floor(height / 3)));
  // The scenario's context, as much as a fifth of the screen holds; a cut is marked.
  const contextRows = height >= 20 ? Math.max(2, Math.floor(height / 5)) : 0;
  const wrapped = contextRows > 0 ? wrapText(story.context, width) : [];
  const context = wrapped.length > contextRows ? [...wrapped.slice(0, contextRows - 1), `${wrapped[contextRows - 1]!.slice(0, pairSafeCut(wrapped[contextRows - 1]!, Math.max(0, width - 2)))} …`] : wrapped;
  const bodyRows = Math.max(1, height - 2 - context.length - sourceRows);
  // The current year in view: with the years before it when it fits, from its first line when not.
  const currentStart = body.findIndex((l) => l.current);
  const natural = body.length - currentStart <= bodyRows ? body.length - bodyRows : currentStart;
  const top = Math.max(0, Math.min(body.length - bodyRows, natural + scrolled));
  const shown = body.slice(top, top + bodyRows);
  const scroll = (by: number) => setScrolled(Math.max(-natural, Math.min(body.length - bodyRows - natural, latestScrolled.current + by)));
  const below = body.length - top - bodyRows;
  if (below > 0) shown[shown.length - 1] = { text: `${' '.repeat(YEAR_COLUMN)}… ${below} more line${below === 1 ? '' : 's'} (PgDn)`, current: false };

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {spread(`Branch ${branch} · seed ${seed} · ${story.outcome}`, `year ${at + 1} of ${steps.length}${atEnd ? ' (end)' : ''}`, width)}
      </Text>
      {context.map((l, i) => (
        <Text key={`c${i}`} dimColor wrap="truncate">
          {l}
        </Text>
      ))}
      <Box height={1} />
      <Box flexDirection="column" height={bodyRows}>
        {shown.map((l, i) => (
          <Text key={i} bold={l.current} color={l.current ? 'cyan' : undefined} wrap="truncate">
            {l.text}
          </Text>
        ))}
      </Box>
      {sourceRows > 0 ? (
        <Box flexDirection="column" height={sourceRows}>
          <Text bold wrap="truncate">
            Sources of {steps[at]?.year ?? 'this year'}
            {cited.length === 0 ? <Text dimColor> (none cited)</Text> : null}
          </Text>
          {[...cited, ...allIds].slice(0, sourceRows - 1).map((c, i) => (
            <Text key={i} dimColor wrap="truncate">
              {c}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

function lineText(line: StoryLine): string {
  return line.source ? `${line.text}  [${line.source}]` : line.text;
}

/** Each source id cited by these lines, with its citation (ids without one are free citations). */
function stepSources(lines: readonly StoryLine[], scenario: Scenario): string[] {
  const seen = new Map<string, string>();
  for (const l of lines) {
    if (l.source === undefined) continue;
    for (const { id, citation } of resolveSource(l.source, scenario.sources)) seen.set(id, citation === undefined ? id : `${id}: ${citation}`);
  }
  return [...seen.values()];
}
