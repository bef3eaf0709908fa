import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'article10-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('`npm run web -- --out DIR` says how to serve that folder: with --dir, as `web` serves the package\'s own page by default', () => {
  const out = join(scratch, 'page');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'web', 'build', 'site.js'), '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  expect(r.stderr).toContain(`article10: built the web explorer in ${out} (`);
  expect(r.stderr).toMatch(new RegExp(`serve it with: npx article10 web --dir ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
}, 150_000);
