import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Issue } from '../../src/scenario/issue.js';
import { loadScenarioFile, loadScenarioText, type LoadedScenario, type LoadOptions } from '../../src/scenario/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));
export const fixture = (name: string): string => `${FIXTURES}${name}`;

/**
 * The smallest valid scenario, one field per line so tests can name positions: appended lines
 * start at line 15, and `replace` on a value keeps every line number.
 */
export const MINIMAL = `${[
  'id: minimal', // 1
  'title: Minimal', // 2
  'decisionPoint:', // 3
  '  year: 2000', // 4
  '  horizon: 2002', // 5
  '  label: A test', // 6
  '  context: Nothing happens.', // 7
  'candidate:', // 8
  '  name: Russia', // 9
  '  code: RU', // 10
  'preconditions:', // 11
  '  - id: democracy', // 12
  '    label: Democracy', // 13
  '    level: 0.5', // 14
].join('\n')}\n`;

/** MINIMAL with lines added from line 15 on. */
export const withLines = (...lines: string[]): string => MINIMAL + lines.join('\n') + '\n';

export async function loaded(text: string, options: LoadOptions = {}, file = 'case.yaml'): Promise<LoadedScenario> {
  const result = await loadScenarioText(text, file, options);
  if (!result.ok) throw new Error(`expected the scenario to load, got:\n${result.issues.map((i) => JSON.stringify(i)).join('\n')}`);
  return result.value;
}

export async function issuesOf(text: string, options: LoadOptions = {}, file = 'case.yaml'): Promise<Issue[]> {
  const result = await loadScenarioText(text, file, options);
  if (result.ok) throw new Error('expected issues, the scenario loaded');
  expect(result.issues.length).toBeGreaterThan(0);
  return result.issues;
}

export async function fileIssuesOf(path: string, options: LoadOptions = {}): Promise<Issue[]> {
  const result = await loadScenarioFile(path, options);
  if (result.ok) throw new Error('expected issues, the scenario loaded');
  return result.issues;
}

/** The one issue a text produces (fails if there are several). */
export async function onlyIssue(text: string, options: LoadOptions = {}, file = 'case.yaml'): Promise<Issue> {
  const issues = await issuesOf(text, options, file);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}
