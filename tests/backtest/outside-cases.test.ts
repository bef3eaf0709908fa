import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * Cases from outside the bundled record, written by the rules of poland-1999.yaml from the fact
 * sheet and standard references, their values set before their first run: Estonia and Lithuania
 * (MAP 1999, members 2004, each the other's co-candidate), Austria from its State Treaty and
 * Malta from its EU accession (never applied). What a user's own folder of cases must get: loaded
 * and checked as a bundled case is, scored alone and beside the bundled record.
 */
const OUTSIDE = 'tests/fixtures/backtests/';

interface CaseDoc {
  readonly scenario: string;
  readonly era: string;
  readonly observed: { readonly outcome: string; readonly year: number };
  readonly pObserved: number;
  readonly reference: { readonly p: number; readonly others: number };
}

describe('a folder of cases from outside the bundled record', () => {
  test('validates, each file ok', () => {
    const r = cli(['validate', OUTSIDE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok  '))).toHaveLength(4);
  });

  test('is scored alone: each case in its era, co-candidates left out of each other\'s reference', () => {
    const r = cli(['backtest', OUTSIDE, '--runs', '1000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const cases = (JSON.parse(r.stdout) as { cases: CaseDoc[] }).cases;
    const by = new Map(cases.map((c) => [c.scenario, c]));
    expect([...by.keys()].sort()).toEqual(['backtest-austria-1955', 'backtest-estonia-2004', 'backtest-lithuania-2004', 'backtest-malta-2004']);
    expect(by.get('backtest-austria-1955')).toMatchObject({ era: '1949-1994', observed: { outcome: 'no_application', year: 1965 } });
    expect(by.get('backtest-malta-2004')).toMatchObject({ era: '1999-2021', observed: { outcome: 'no_application', year: 2014 } });
    for (const c of cases) {
      expect(c.pObserved).toBeGreaterThanOrEqual(0);
      expect(c.pObserved).toBeLessThanOrEqual(1);
    }
    // Austria has no other case of its era; Estonia's only era-mate that answers is Malta (Lithuania is its co-candidate).
    expect(by.get('backtest-austria-1955')!.reference).toMatchObject({ p: 0.5, others: 0 });
    expect(by.get('backtest-estonia-2004')!.reference.others).toBe(1);
    expect(r.stdout).toBe(cli(['backtest', OUTSIDE, '--runs', '1000', '--json']).stdout);
  });

  test('beside the bundled record, the outside cases take their references from it', () => {
    const r = cli(['backtest', OUTSIDE, 'scenarios/backtests/', '--runs', '200', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const cases = (JSON.parse(r.stdout) as { cases: CaseDoc[] }).cases;
    expect(cases).toHaveLength(24);
    for (const id of ['backtest-austria-1955', 'backtest-estonia-2004', 'backtest-lithuania-2004', 'backtest-malta-2004']) {
      expect(cases.find((c) => c.scenario === id)!.reference.others, id).toBeGreaterThan(1);
    }
  });
});
