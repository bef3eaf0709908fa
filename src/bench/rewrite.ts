import { spawn } from 'node:child_process';

/** What the bench reports of one search: its time and the work it did. */
export interface RewriteBench {
  readonly seconds: number;
  readonly evaluations: number;
  readonly branches: number;
  readonly found: boolean;
  readonly distance: number;
}

/**
 * `rewrite russia-1990 --target "joined>=0.3"` as a user runs it: the built command as a
 * process, its progress bar passed through to this terminal's stderr.
 */
export async function benchRewrite(cli: string): Promise<RewriteBench> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'rewrite', 'russia-1990', '--target', 'joined>=0.3', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`rewrite russia-1990 exited with ${code}`);
  const report = JSON.parse(stdout) as { evaluations: number; branches: number; found: boolean; rewrite: { distance: number } };
  return { seconds, evaluations: report.evaluations, branches: report.branches, found: report.found, distance: report.rewrite.distance };
}
