import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { runModel } from '../../src/batch/run.js';
import { WorkerPool } from '../../src/batch/pool.js';
import { compile, EXITS, findBranch, simulatePairedRange, simulateRange, traceBranch, type CompiledModel, type Tally } from '../../src/engine/index.js';
import { bundledScenarioNames, loadBundled } from '../helpers/bundled-scenarios.js';

/**
 * A fingerprint of everything the engine computes: for every bundled scenario, backtest and the
 * benchmark's reference model, the hash of the whole tally of a fixed run (every count, not only
 * the shares a report shows) and of the stories of a few branches, one of them found per exit.
 * A change meant to leave results alone must leave these hashes alone. A deliberate change of
 * results regenerates them with
 * UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/golden/fingerprint.test.ts
 * and says why in the commit.
 */
const RUNS = 6_000;
const SEED = 'fingerprint';
/** How far to look for a branch of each exit. */
const SEARCH = 6_000;
const EXPECTED = new URL('./fingerprint.json', import.meta.url);

const names = bundledScenarioNames();

async function model(name: string): Promise<CompiledModel> {
  return compile(await loadBundled(name));
}

function hashOf(parts: readonly (string | ArrayBufferView)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  return h.digest('hex').slice(0, 32);
}

function tallyHash(t: Tally): string {
  return hashOf([`runs ${t.runs}`, t.exits, t.funnel, t.tracks, t.exitYears, t.blockers, t.blockerYearSum, t.objectors]);
}

/** Stories of the first branches and of the first branch of each exit, with where each was found. */
function storiesOf(m: CompiledModel): Record<string, string> {
  const told: Record<string, string> = {};
  const tell = (label: string, branch: number) => (told[label] = `${branch} ${hashOf([JSON.stringify(traceBranch(m, SEED, branch))])}`);
  for (const b of [0, 1, 2]) tell(`branch ${b}`, b);
  // One search for all exits: the wanted test sees every branch in order, from branch 0.
  const first = new Map<string, number>();
  let branch = 0;
  findBranch(m, SEED, (exit) => {
    if (!first.has(exit)) first.set(exit, branch);
    branch++;
    return first.size === EXITS.length;
  }, 0, SEARCH);
  for (const e of EXITS) if (first.has(e.exit)) tell(e.exit, first.get(e.exit)!);
  return told;
}

const expected: Record<string, unknown> = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, 'utf8')) : {};
const actual: Record<string, unknown> = {};
const pool = new WorkerPool(2);

afterAll(async () => {
  await pool.close();
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(EXPECTED)) writeFileSync(EXPECTED, `${JSON.stringify(actual, null, 2)}\n`);
});

describe('fingerprint of every result the engine computes', () => {
  test.each(names)('%s: tally and stories', async (name) => {
    const m = await model(name);
    const tally = simulateRange(m, SEED, 0, RUNS);
    const got = { tally: tallyHash(tally), stories: storiesOf(m) };
    actual[name] = got;
    // A scenario added without a fingerprint fails here: regenerate deliberately (see above).
    if (process.env.UPDATE_GOLDEN !== '1') expect(got, `${name}: the fingerprint differs from the stored one, or none is stored`).toEqual(expected[name]);
    // Two workers split the branches mid-chunk: the tally must not move.
    expect(tallyHash(await runModel(m, { seed: SEED, runs: RUNS, pool }))).toBe(got.tally);
  });

  test('a paired run of two scenarios', async () => {
    const a = await model('russia-2000');
    const b = await model('russia-2000-istanbul-kept');
    const t = simulatePairedRange(a, b, SEED, 0, RUNS);
    const got = hashOf([tallyHash(t.a), tallyHash(t.b), `runs ${t.runs}`, t.joint, t.stages]);
    actual['paired russia-2000 / russia-2000-istanbul-kept'] = got;
    if (process.env.UPDATE_GOLDEN !== '1') expect(got).toBe(expected['paired russia-2000 / russia-2000-istanbul-kept']);
    expect(tallyHash(t.a)).toBe(tallyHash(simulateRange(a, SEED, 0, RUNS)));
  });
});
