import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse-yaml.js';
import { cliAsync, ROOT } from '../helpers/cli.js';

/** YAML 1.2 ends a line with LF, CRLF or a lone CR (old Mac files): all three read alike. */
const VALID = readFileSync(join(ROOT, 'tests/bad-inputs/_support/valid.yaml'), 'utf8');
const ENDINGS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;

const scratch = mkdtempSync(join(tmpdir(), 'article10-line-endings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('line endings', () => {
  test('a file with CR line endings gives the same tree, lines and columns included, as with LF', () => {
    const lf = parseScenarioText(VALID, 'case.yaml');
    const cr = parseScenarioText(VALID.replaceAll('\n', '\r'), 'case.yaml');
    expect(lf.ok).toBe(true);
    expect(cr).toEqual(lf);
  });

  test('run --json prints the same results for a scenario written with LF, CRLF or CR alone', async () => {
    const outputs = await Promise.all(
      Object.entries(ENDINGS).map(async ([name, ending]) => {
        // Same file name in each folder: the results name the scenario, not its path.
        const dir = join(scratch, name);
        mkdirSync(dir);
        writeFileSync(join(dir, 'scenario.yaml'), VALID.replaceAll('\n', ending));
        const r = await cliAsync(['run', join(dir, 'scenario.yaml'), '--json', '--runs', '400', '--seed', '3'], { timeoutMs: 60_000 });
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      }),
    );
    expect(outputs[0]).toContain('"scenario": "corpus-valid"');
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });
});
