import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The built CLI in a real pseudo-terminal (tmux, 80×24): what ink-testing-library cannot see
 * (raw mode, the alternate screen, the frame height, colours, the terminal left behind).
 * Needs `npm run build` first (dist/cli/main.js); skipped when tmux or the build is missing.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${ROOT}dist/cli/main.js`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const ready = hasTmux && existsSync(CLI);

// A server of our own (-L) for each session: other tmux users on the machine neither see nor stop
// these sessions, and a test never reaches a server that is still exiting after the one before
// ("server exited unexpectedly" when a new session raced the last one's kill).
let socket = '';
let session: string | undefined;
let opened = 0;
afterEach(() => {
  if (session !== undefined) spawnSync('tmux', ['-L', socket, 'kill-server']);
  session = undefined;
});

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session!);
const send = (...keys: string[]) => tmux('send-keys', '-t', session!, ...keys);

async function waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A shell in an 80×24 tmux session, without CI (Ink prints only the last frame under CI). */
async function openShell(env: Record<string, string> = {}): Promise<void> {
  opened += 1;
  socket = `article10-test-${process.pid}-${opened}`;
  session = 'article10';
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, 'env', '-u', 'CI', ...vars, 'bash', '--norc', '--noprofile');
  send("PS1='$ '; clear", 'Enter');
  await waitFor(/^\$\s*$/m);
}

describe.skipIf(!ready)('in a real terminal (tmux, 80×24; needs npm run build)', () => {
  it('draws within the screen, reacts to keys, asks before quitting with changes, and gives the terminal back', async () => {
    await openShell();
    send(`node ${CLI} tui; echo "exit=$?"`, 'Enter');
    const first = await waitFor(/40,960 branches in \d+ ms\s*$/m);
    const lines = first.split('\n');
    expect(lines[0]).toContain("article10 · 2000: Putin asks");
    expect(first).toContain('Outcomes');
    expect(first).toContain('Funnel');
    // The frame stays shorter than the terminal (a full-height frame flickers): the last row is free.
    expect(lines[23] ?? '').toBe('');
    expect(lines[22]).toMatch(/\? help  q quit$/);
    // The footer fits the explorer's most used keys in 80 columns.
    for (const hint of ['s save', 'w rewrite', 'e explain']) expect(lines[22]).toContain(hint);
    expect(tmux('display', '-p', '-t', session!, '#{alternate_on}').trim()).toBe('1');

    const valueOf = (text: string) => Number(/RU interest +\*?~?(\d\.\d+)/.exec(text)?.[1]);
    const before = valueOf(first);
    send('Right');
    await waitFor(/● unsaved/);
    const stepped = valueOf(await waitFor(/RU interest +\*~?0\.\d+/));
    expect(stepped).toBeCloseTo(before + 0.01, 5);
    // Shift+→ arrives as CSI 1;2C, which Ink 6 reports as shift: ten steps.
    send('S-Right');
    await waitFor(new RegExp(`RU interest +\\*~?${(stepped + 0.1).toFixed(2)}`));
    send('q');
    await waitFor(/Unsaved changes/);
    send('y');
    const after = await waitFor(/exit=0/);
    expect(after).toContain('quit without saving');
    expect(after).not.toContain('Outcomes');
    expect(tmux('display', '-p', '-t', session!, '#{alternate_on}').trim()).toBe('0');
    expect(tmux('display', '-p', '-t', session!, '#{cursor_flag}').trim()).toBe('1');
    // Raw mode is off again: the terminal reads lines (icanon) and echoes.
    send('stty -a | tr " " "\\n" | grep -x -e icanon -e echo', 'Enter');
    await waitFor(/^icanon\n(.*\n)*echo$/m);
  });

  it('honours NO_COLOR: no colour or style escapes at all', async () => {
    await openShell({ NO_COLOR: '1' });
    send(`node ${CLI} tui russia-1990`, 'Enter');
    await waitFor(/40,960 branches in \d+ ms\s*$/m);
    expect(screen(true)).not.toMatch(/\u001b\[[0-9;]*m/);
    send('q');
    await waitFor(/^\$\s*$/m);
  });

  it('uses colour when NO_COLOR is not set (so the check above means something)', async () => {
    await openShell();
    send(`node ${CLI} tui russia-1990`, 'Enter');
    await waitFor(/40,960 branches in \d+ ms\s*$/m);
    expect(screen(true)).toMatch(/\u001b\[[0-9;]*m/);
    send('q');
    await waitFor(/^\$\s*$/m);
  });

  it('--runs sets the branches of the refined estimate, so the screen can match a handout', async () => {
    await openShell();
    send(`node ${CLI} tui russia-1990 --runs 20000`, 'Enter');
    const frame = await waitFor(/20,000 branches in \d+ ms\s*$/m);
    expect(frame).toContain('Outcomes · 20,000 branches');
    send('q');
    await waitFor(/^\$\s*$/m);
  });

  it('--runs past what an explorer re-runs after each edit is refused before the UI opens', async () => {
    await openShell();
    send(`node ${CLI} tui russia-1990 --runs 2000000; echo "exit $?"`, 'Enter');
    const frame = await waitFor(/exit 2\s*$/m);
    // The pane wraps the message at its width: read it as one line.
    expect(frame.replace(/\n/g, '')).toContain('--runs 2,000,000: the explorer runs again after every edit, so it takes at most 1,000,000 branches');
  });
});

describe.skipIf(!existsSync(CLI))('without a terminal (needs npm run build)', () => {
  it('prints the batch summary and says how to get the UI, without a raw-mode error', () => {
    const result = spawnSync('node', [CLI, 'tui'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Outcomes');
    expect(result.stderr).toContain('not a terminal');
    expect(result.stderr).not.toMatch(/raw mode/i);
  });

  it('--runs is checked as every command checks it, and the summary runs that many branches', () => {
    const tui = (...args: string[]) => spawnSync('node', [CLI, 'tui', 'russia-1990', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '' } });
    const summary = tui('--runs', '2000');
    expect(summary.status).toBe(0);
    expect(summary.stdout).toContain('| 2,000 branches |');
    const refused = tui('--runs', '0');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--runs must be at least 1, got 0');
  });

  it('a scenario it cannot read is said alone, without the note on the summary it will not print', () => {
    const missing = spawnSync('node', [CLI, 'tui', 'russia-200'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '' } });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^article10: .*russia-200\.yaml: no such file\n/);
    expect(missing.stderr).toContain('did you mean russia-2000?');
    expect(missing.stderr).not.toContain('not a terminal');
  });
});
