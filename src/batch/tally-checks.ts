import { describeActor, EXIT_HAS_OBJECTORS, EXITS, type CompiledModel, type Tally } from '../engine/index.js';
import { STAGES } from '../model/outcome.js';

/**
 * What every tally the engine records satisfies (see record() in engine/tally.ts): each branch
 * ends once, in one exit, one year (a joined one in a month of that year) and one blocker cell; a joined one was first invited in one month, some months before it joined; the funnel's stages are reached in
 * order; an Ally objects at most once a branch, and only in branches vetoed or held out at the
 * horizon. A tally that breaks
 * one would print impossible numbers (a share above 1, shares not adding to 1, a mean year
 * outside the run), so merge refuses it. Returns what is wrong, or undefined.
 */
export function tallyProblem(m: CompiledModel, t: Tally): string | undefined {
  const runs = t.runs;
  const sum = (a: Float64Array, from: number, to: number) => {
    let s = 0;
    for (let j = from; j < to; j++) s += a[j]!;
    return s;
  };
  const ended = sum(t.exits, 0, t.exits.length);
  if (ended !== runs) return `its outcome counts add up to ${ended}, not its ${runs} branches`;
  for (let s = 0; s < STAGES.length; s++) {
    const here = t.funnel[s]!;
    const before = s === 0 ? runs : t.funnel[s - 1]!;
    if (here > before) return `its funnel counts ${here} branches ${STAGES[s]}, more than the ${before} ${s === 0 ? 'it ran' : STAGES[s - 1]}`;
  }
  if (t.funnel[STAGES.length - 1] !== t.exits[0]) return `its funnel counts ${t.funnel[STAGES.length - 1]} branches joined, but its outcomes ${t.exits[0]}`;
  const tracks = sum(t.tracks, 0, t.tracks.length);
  if (tracks > runs) return `its entry tracks count ${tracks} branches, more than its ${runs}`;
  const actors = m.allyCount + 2;
  const cells = actors * m.reasonCount;
  const lastYear = m.startYear + m.years - 1;
  for (let e = 0; e < EXITS.length; e++) {
    const ending = t.exits[e]!;
    const years = sum(t.exitYears, e * m.years, (e + 1) * m.years);
    if (years !== ending) return `its years of ${EXITS[e]!.exit} count ${years} branches, but its outcomes ${ending}`;
    const blocked = sum(t.blockers, e * cells, (e + 1) * cells);
    if (blocked !== ending) return `its blockers of ${EXITS[e]!.exit} count ${blocked} branches, but its outcomes ${ending}`;
    for (let c = e * cells; c < (e + 1) * cells; c++) {
      const n = t.blockers[c]!;
      const yearSum = t.blockerYearSum[c]!;
      if (yearSum < n * m.startYear || yearSum > n * lastYear) return `a blocker of ${EXITS[e]!.exit} has a year sum (${yearSum}) outside ${m.startYear}..${lastYear} for its ${n} branches`;
    }
  }
  const joinedMonths = sum(t.joinMonths, 0, t.joinMonths.length);
  if (joinedMonths !== t.exits[0]) return `its months of joined count ${joinedMonths} branches, but its outcomes ${t.exits[0]}`;
  for (let y = 0; y < m.years; y++) {
    const inYear = sum(t.joinMonths, 12 * y, 12 * y + 12);
    if (inYear !== t.exitYears[y]) return `its months of joined in ${m.startYear + y} count ${inYear} branches, but its years ${t.exitYears[y]}`;
  }
  const invitedMonths = sum(t.inviteMonths, 0, t.inviteMonths.length);
  if (invitedMonths !== t.exits[0]) return `its months of first invitation count ${invitedMonths} joined branches, but its outcomes ${t.exits[0]}`;
  const lags = sum(t.joinLags, 0, t.joinLags.length);
  if (lags !== t.exits[0]) return `its months from invitation to membership count ${lags} joined branches, but its outcomes ${t.exits[0]}`;
  // Objectors are tallied in the branches whose exit names them: vetoed, and held out at the horizon.
  const withObjectors = EXITS.reduce((n, _exit, e) => (EXIT_HAS_OBJECTORS[e] === 1 ? n + t.exits[e]! : n), 0);
  for (let a = 0; a < m.allyCount; a++) {
    let objections = 0;
    for (let role = 0; role < 2; role++) objections += sum(t.objectors, (role * m.allyCount + a) * m.reasonCount, (role * m.allyCount + a + 1) * m.reasonCount);
    if (objections > withObjectors) return `its objections by ${describeActor(m, a, 'veto').code} count ${objections} branches, more than its ${withObjectors} vetoed or held out`;
  }
  return undefined;
}
