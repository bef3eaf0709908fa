import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checksumOf, partialJson } from '../../src/analysis/shards/partial-checksum.js';
import { parsePartial } from '../../src/analysis/shards/partial-schema.js';
import { ShardError, type PartialDoc } from '../../src/analysis/shards/shard.js';
import { tallyProblem } from '../../src/batch/tally-checks.js';
import { compile, EXITS, simulateRange, type CompiledModel, type Tally } from '../../src/engine/index.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { scenario } from './helpers.js';
import { runParts } from '../helpers/partials.js';
import { scenarioShape } from '../../src/analysis/shards/scenario-shape.js';
import { DISTRIBUTION_FIELDS } from '../../src/model/distribution.js';
import { bundledScenarioNames, loadBundled } from '../helpers/bundled-scenarios.js';

/** What merge checks in one part, in-process: the counts of a tally, the seal and the shape. */

// The backtests too: their Allies hold out, and objections standing at the horizon are tallied.
const BUNDLED = [
  ...readdirSync(bundledScenariosDir()).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')),
  ...readdirSync(join(bundledScenariosDir(), 'backtests')).filter((f) => f.endsWith('.yaml')).map((f) => join(bundledScenariosDir(), 'backtests', f)),
];

describe('the shape of a carried scenario', () => {
  test('every scenario the product ships, as loaded, has the shape a part may carry', async () => {
    for (const name of bundledScenarioNames()) {
      const parsed = scenarioShape.safeParse(await loadBundled(name));
      expect(parsed.success ? undefined : parsed.error.issues[0], name).toBeUndefined();
    }
  });

  test('a parameter of every kind of distribution passes with its numbers, and not with a number besides them', async () => {
    const base = await loadBundled('russia-2000');
    for (const [kind, numbers] of Object.entries(DISTRIBUTION_FIELDS)) {
      const dist = { kind, ...Object.fromEntries(numbers.map((n) => [n, 0.5])) };
      const withDist = (d: object) => ({ ...base, process: { ...base.process, cohesion: { dist: d } } });
      expect(scenarioShape.safeParse(withDist(dist)).success, kind).toBe(true);
      expect(scenarioShape.safeParse(withDist({ ...dist, spread: 0.1 })).success, kind).toBe(false);
    }
  });
});

describe('the counts of a tally', () => {
  test('every tally the engine records passes, in every bundled scenario and any range', async () => {
    for (const name of BUNDLED) {
      const model = compile(await scenario(name));
      for (const [first, count] of [[0, 3000], [4096, 1500], [0, 0]] as const) expect(tallyProblem(model, simulateRange(model, 'checks', first, count)), name).toBeUndefined();
    }
  });

  let model: CompiledModel;
  const edited = async (edit: (t: Tally) => void): Promise<string | undefined> => {
    model ??= compile(await scenario('russia-1990'));
    const t = simulateRange(model, 'checks', 0, 4000);
    edit(t);
    return tallyProblem(model, t);
  };
  const vetoedExit = EXITS.findIndex((e) => e.exit === 'vetoed');

  test('outcomes that do not add up to the runs', async () => {
    expect(await edited((t) => t.exits[0]!++)).toMatch(/^its outcome counts add up to 4001, not its 4000 branches$/);
    expect(await edited((t) => (t.runs = 3000))).toMatch(/add up to 4000, not its 3000/);
  });

  test('a funnel that grows, or ends elsewhere than the joined', async () => {
    expect(await edited((t) => (t.funnel[0] = 4001))).toBe('its funnel counts 4001 branches interested, more than the 4000 it ran');
    expect(await edited((t) => (t.funnel[2] = t.funnel[1]! + 1))).toMatch(/branches invited, more than the \d+ applied$/);
    // One branch moved from never applying to joined: the outcomes still add up, the funnel does not say so.
    expect(await edited((t) => (t.exits[1]!--, t.exits[0]!++))).toMatch(/^its funnel counts \d+ branches joined, but its outcomes \d+$/);
  });

  test('months of first invitation, or from it to membership, that do not add up to the joined', async () => {
    expect(await edited((t) => t.inviteMonths[t.inviteMonths.findIndex((n) => n > 0)]!++)).toMatch(/^its months of first invitation count \d+ joined branches, but its outcomes \d+$/);
    expect(await edited((t) => t.joinLags[t.joinLags.findIndex((n) => n > 0)]!--)).toMatch(/^its months from invitation to membership count \d+ joined branches, but its outcomes \d+$/);
  });

  test('entry tracks past the runs', async () => {
    expect(await edited((t) => (t.tracks[0] = 4001 - t.tracks[1]! - t.tracks[2]!))).toBe('its entry tracks count 4001 branches, more than its 4000');
  });

  test('years and blockers that do not add up to their outcome', async () => {
    expect(await edited((t) => t.exitYears[model.years + 2]!++)).toMatch(/^its years of no_application count \d+ branches, but its outcomes \d+$/);
    expect(await edited((t) => t.blockers[0]!++)).toMatch(/^its blockers of joined count \d+ branches, but its outcomes \d+$/);
  });

  test('a blocker whose mean year lies outside the run', async () => {
    const cell = (t: Tally) => t.blockers.findIndex((n) => n > 0);
    expect(await edited((t) => (t.blockerYearSum[cell(t)] = 0))).toMatch(/^a blocker of \w+ has a year sum \(0\) outside 1990\.\.\d+ for its \d+ branches$/);
    expect(await edited((t) => (t.blockerYearSum[cell(t)]! += 100_000))).toMatch(/has a year sum/);
  });

  test('objections by an Ally in more branches than were vetoed', async () => {
    expect(await edited((t) => (t.objectors[0] = t.exits[vetoedExit]! + t.exits[vetoedExit + 1]! + 1))).toMatch(/^its objections by \w+ count \d+ branches, more than its \d+ vetoed or held out$/);
  });
});

describe('the seal and shape of a part', () => {
  const parts = async () => runParts(await scenario('russia-1990'), { runs: 4096 + 100, shards: 2, seed: 's' }).parts;
  const refusal = (text: string) => {
    try {
      parsePartial(text, 'part.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ShardError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  test('a written part reads back; whitespace does not count, key order does', async () => {
    const [part] = await parts();
    const doc = JSON.parse(part!.text) as Record<string, unknown>;
    expect(refusal(JSON.stringify(doc, null, 4))).toBe('accepted');
    const { format, version, ...rest } = doc;
    expect(refusal(JSON.stringify({ version, format, ...rest }))).toBe('part.json: its counts or settings do not match its checksum; was it edited? Run that shard again');
  });

  test('the checksum is SHA-256 of the rest, as written', async () => {
    const [part] = await parts();
    const { checksum, ...rest } = JSON.parse(part!.text) as Record<string, unknown>;
    expect(checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checksum).toBe(checksumOf(rest));
    expect(partialJson(rest as unknown as PartialDoc)).toBe(part!.text);
  });

  test('no checksum, not JSON, another format, nested past any part', async () => {
    const [part] = await parts();
    const { checksum: _c, ...rest } = JSON.parse(part!.text) as Record<string, unknown>;
    expect(refusal(JSON.stringify(rest))).toBe('part.json: it has no checksum; was it edited? Partial documents are written with one by run or sweep --shard i/n');
    expect(refusal(part!.text.slice(0, 100))).toMatch(/^part\.json: not a partial document \(not JSON\)/);
    expect(refusal(JSON.stringify({ ...rest, format: 'article10-partial/1' }))).toMatch(/^part\.json: not a partial document of this format \(article10-partial\/2\)/);
    const deep = `{"format":"article10-partial/2","checksum":"sha256:0","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(refusal(deep)).toBe('part.json: it is nested far deeper than a partial document; was it edited?');
  });
});
