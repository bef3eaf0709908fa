import { afterEach, describe, expect, it } from 'vitest';
import { KEY, noFiles, renderApp, type Harness } from './harness.js';
import { sampleScenario } from '../helpers/sample-scenario.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

/**
 * Sequences some terminals send that the input parser does not know: a function key with Ctrl
 * (VS Code sends Ctrl+F1 as ESC [1;5P), focus reports, colour codes in pasted text. They are
 * ignored: no crash, and the keys after them still work.
 */
describe('unknown terminal sequences', () => {
  it.each([
    ['Ctrl+F1', '\u001b[1;5P'],
    ['Ctrl+F4', '\u001b[1;5S'],
    ['a colour code', '\u001b[31m'],
    ['focus in', '\u001b[I'],
  ])('%s is ignored and the next key still acts', async (_name, sequence) => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles);
    await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    await h.press(sequence);
    expect(h.exited()).toBe(false);
    await h.press(KEY.right);
    await h.waitFor(/RU interest +\*/);
    expect(h.exited()).toBe(false);
  });

  it('a value pasted with colour codes into a prompt keeps its text and drops the codes', async () => {
    h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles);
    await h.waitFor(/4,096 branches in \d+ ms(?!, refining)/);
    await h.press(KEY.enter);
    await h.waitFor('⏎ ok');
    await h.press('\u0015', '\u001b[31m0.45\u001b[0m', KEY.enter);
    await h.waitFor(/RU interest +\*0\.45/);
    expect(h.exited()).toBe(false);
  });
});
