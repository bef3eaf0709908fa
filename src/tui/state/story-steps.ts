import type { Story, StoryLine } from '../../analysis/explain/story.js';

/** A story cut into the steps the explain screen walks through: one step per year told. */
export interface StoryStep {
  readonly year: number;
  readonly lines: readonly StoryLine[];
}

export function storySteps(story: Story): StoryStep[] {
  const steps: { year: number; lines: StoryLine[] }[] = [];
  for (const line of story.lines) {
    const last = steps[steps.length - 1];
    if (last !== undefined && last.year === line.year) last.lines.push(line);
    else steps.push({ year: line.year, lines: [line] });
  }
  return steps;
}
