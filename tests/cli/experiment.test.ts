import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cliAsync, ROOT } from '../helpers/cli.js';

/** An experiment file re-runs the sweep its command line would: the same design, runs and seed. */

const scratch = mkdtempSync(join(tmpdir(), 'article10-experiment-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const VALID = join(ROOT, 'tests', 'bad-inputs', '_support', 'valid.yaml');

function folder(study: string): string {
  const dir = mkdtempSync(join(scratch, 'study-'));
  copyFileSync(VALID, join(dir, 'scenario.yaml'));
  writeFileSync(join(dir, 'study.yaml'), study);
  return dir;
}

/** The sweep's JSON without its header's note of how it was asked for. */
const points = (stdout: string) => (JSON.parse(stdout) as { points: unknown }).points;

describe('sweep --experiment', () => {
  test('gives what the same sweep on the command line gives', async () => {
    const dir = folder('scenario: scenario.yaml\nvary: ["candidate.interest=0.1:0.5:3"]\nruns: 500\nseed: "7"\n');
    const [file, line] = await Promise.all([
      cliAsync(['sweep', '--experiment', 'study.yaml', '--json'], { cwd: dir }),
      cliAsync(['sweep', 'scenario.yaml', '--vary', 'candidate.interest=0.1:0.5:3', '--runs', '500', '--seed', '7', '--json'], { cwd: dir }),
    ]);
    expect(file.code).toBe(0);
    expect(line.code).toBe(0);
    expect(points(file.stdout)).toEqual(points(line.stdout));
  });

  test.each(['0x10', '1e3', '010', '7.50'])('a seed written as the number %s is that text, as --seed takes it, not the number YAML reads', async (written) => {
    const dir = folder(`scenario: scenario.yaml\nvary: ["candidate.interest=0.1:0.5:2"]\nruns: 300\nseed: ${written}\n`);
    const [file, line, asNumber] = await Promise.all([
      cliAsync(['sweep', '--experiment', 'study.yaml', '--json'], { cwd: dir }),
      cliAsync(['sweep', 'scenario.yaml', '--vary', 'candidate.interest=0.1:0.5:2', '--runs', '300', '--seed', written, '--json'], { cwd: dir }),
      cliAsync(['sweep', 'scenario.yaml', '--vary', 'candidate.interest=0.1:0.5:2', '--runs', '300', '--seed', String(Number(written)), '--json'], { cwd: dir }),
    ]);
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout).seed).toBe(written);
    expect(points(file.stdout)).toEqual(points(line.stdout));
    expect(points(file.stdout)).not.toEqual(points(asNumber.stdout));
  });

  test('a --seed beside a file that fixes its seed is refused, naming the seed as the file writes it', async () => {
    const dir = folder('scenario: scenario.yaml\nvary: ["candidate.interest=0.1:0.5:2"]\nruns: 300\nseed: 0x10\n');
    const r = await cliAsync(['sweep', '--experiment', 'study.yaml', '--seed', '16'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('article10: study.yaml fixes seed: 0x10; edit the file or leave out --seed\n');
  });
});
