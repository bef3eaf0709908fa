import { afterEach, describe, expect, it } from 'vitest';
import { splitKeys } from '../../src/tui/key-chunks.js';
import { KEY, noFiles, renderApp, type Harness } from './harness.js';
import { sampleScenario } from '../helpers/sample-scenario.js';

/** Several keys in one write, as a paste or fast typing reaches the app: each must count, in order. */
let h: Harness | undefined;
afterEach(() => h?.unmount());

const CTRL_U = '\u0015';
const open = () => (h = renderApp({ scenario: sampleScenario(), file: '/tmp/tui-test.yaml' }, noFiles));
const refined = () => h!.waitFor(/4,096 branches in \d+ ms(?!, refining)/);

async function openValuePrompt(): Promise<void> {
  open();
  await refined();
  await h!.press(KEY.down, KEY.down, KEY.enter);
  await h!.waitFor('RU standard path (0 to 1) =');
}

describe('keys that arrive in one chunk', () => {
  it('a pasted value with its Enter sets the value', async () => {
    await openValuePrompt();
    await h!.press(CTRL_U);
    await h!.press('0.3\r');
    const frame = await h!.waitFor(/RU standard path +\*0\.30/);
    expect(frame).toContain('source assumption');
  });

  it('Ctrl-U then text clears the prompt, then types', async () => {
    await openValuePrompt();
    await h!.press(`${CTRL_U}abc`);
    await h!.waitFor('RU standard path (0 to 1) = abc▏');
  });

  it('Tab Tab moves two groups, as two separate Tabs do', async () => {
    open();
    await refined();
    await h!.press('\t\t');
    await h!.press(KEY.down, KEY.down);
    await h!.waitFor(/› BE objection +veto/);
  });
});

describe('splitKeys', () => {
  it('cuts control keys out of a chunk and keeps printable runs whole', () => {
    expect(splitKeys('0.3\r')).toEqual(['0.3', '\r']);
    expect(splitKeys('\t\t')).toEqual(['\t', '\t']);
    expect(splitKeys('\u0015abc')).toEqual(['\u0015', 'abc']);
    expect(splitKeys('ab\u007fc')).toEqual(['ab', '\u007f', 'c']);
  });

  it('leaves a single key and an escape sequence as they are', () => {
    expect(splitKeys('x')).toEqual(['x']);
    expect(splitKeys('\r')).toEqual(['\r']);
    expect(splitKeys(KEY.shiftTab)).toEqual([KEY.shiftTab]);
    expect(splitKeys('Zürich 🇷🇺')).toEqual(['Zürich 🇷🇺']);
  });
});
