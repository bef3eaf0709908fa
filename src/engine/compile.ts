import { PROCEDURE_IDS, procedureOfYear } from '../model/procedures.js';
import { monthIndex, monthOfDate, nextMeetingTable } from '../model/council-calendar.js';
import { dateToYear } from '../model/roster.js';
import { effectSize, effectTarget, type AllySelector } from '../model/catalog/effects.js';
import { paramPath } from '../model/catalog/parameters.js';
import type { Effect, Scenario } from '../model/scenario.js';
import type { Param } from '../model/distribution.js';
import { planIdleWalk } from './accelerators/idle-plan.js';
import { quietWhileIdle } from './accelerators/quiet.js';
import { EFFECT_KINDS, EffectCode, FIXED_REASON_COUNT, StageCode, TrackCode } from './codes.js';
import { compileCondition, settledIndex, situationCount, type Calendar, type NameIndex } from './condition.js';
import type { Accelerators, CompiledEffect, CompiledEvent, CompiledModel, CompiledRule } from './model.js';
import { Phase, ParamTable, type PhaseValue } from './params.js';
import { hashName } from './rng.js';
import { eventWindows, rulesBySituation } from './schedule.js';
import { assertNever } from './tables.js';
import { denseAllyBase, denseAllyWeights } from './walk/ally-terms.js';

/** Every accelerator on: what every run uses. */
const ALL_ACCELERATORS: Accelerators = { quiet: true, blockWalk: true, lazyLevels: true };

/**
 * Turns a validated scenario into flat arrays and closures, once. References were
 * checked at load; a dangling one here is a bug, so it throws. Accelerators can be switched
 * off, to check that they change no number.
 */
export function compile(scenario: Scenario, accelerators: Partial<Accelerators> = {}): CompiledModel {
  const use = { ...ALL_ACCELERATORS, ...accelerators };
  const table = new ParamTable();
  const c = scenario.candidate;
  const pr = scenario.process;
  const pre = scenario.preconditions;
  // Each date is read once: a re-run after an edit compiles again.
  const joined = new Map(scenario.allies.map((a) => [a, dateToYear(a.joined)]));
  const joinedOf = (a: (typeof scenario.allies)[number]) => joined.get(a)!;
  const allies = [...scenario.allies].sort((a, b) => joinedOf(a) - joinedOf(b) || a.code.localeCompare(b.code));
  // The month each Ally became a Party: who votes and ratifies in a month, and when a later member's talks begin.
  const joinedMonths = allies.map((a) => monthOfDate(a.joined));
  const councilFrom = firstVoterMonth(allies, joinedMonths, c.coCandidates);
  const rules = scenario.rules.filter((r) => r.enabled);
  const events = scenario.events.filter((e) => e.enabled);

  // Conditions ask for names once per situation they are settled in: indexes are looked up, not searched.
  const preconditionAt = firstIndexes(pre, (p) => p.id);
  const eventAt = firstIndexes(events, (e) => e.id);
  const allyAt = firstIndexes(allies, (a) => a.code);
  const names: NameIndex = {
    precondition: (id) => indexOrThrow(preconditionAt.get(id) ?? -1, 'precondition', id),
    event: (id) => indexOrThrow(eventAt.get(id) ?? -1, 'event', id, scenario.events.some((e) => e.id === id)),
    ally: (code) => indexOrThrow(allyAt.get(code) ?? -1, 'ally', code),
  };

  const k = pre.length;
  const n = allies.length;
  const calendar: Calendar = {
    startYear: scenario.decisionPoint.year,
    membersByYear: Int32Array.from({ length: scenario.decisionPoint.horizon - scenario.decisionPoint.year + 1 }, (_, y) =>
      allies.filter((a) => joinedOf(a) <= scenario.decisionPoint.year + y + 0.5).length,
    ),
  };
  const allyWeight = new Int32Array(n * k).fill(-1);
  allies.forEach((ally, i) => {
    pre.forEach((p, j) => {
      const w = ally.weights[p.id];
      if (w !== undefined) allyWeight[i * k + j] = table.add(paramPath('ally', 'weights', ally.code, p.id), w, Phase.vote);
    });
  });

  const compileEffects = (owner: string, effects: readonly Effect[]): CompiledEffect[] =>
    effects.map((effect, j) => compileEffect(effect, `${owner}.effects.${j}`, table, names, n));
  const randomOf = (effects: readonly CompiledEffect[]) => table.randomAmong(effects.map((fx) => fx.value));

  const compiledRules: CompiledRule[] = rules.map((r, index) => {
    const effects = compileEffects(`rules.${r.id}`, r.effects);
    return { index, id: r.id, when: compileCondition(r.when, names, calendar), effects, paramSlots: randomOf(effects) };
  });
  const compiledEvents: CompiledEvent[] = events.map((e, index) => {
    const effects = compileEffects(`events.${e.id}`, e.effects);
    return {
      index,
      id: e.id,
      hazard: table.add(paramPath('event', 'hazard', e.id), e.hazard),
      from: e.from,
      to: e.to,
      once: e.once,
      when: e.when === undefined ? null : compileCondition(e.when, names, calendar),
      effects: effects.filter((fx) => !actsAtVote(fx)),
      voteEffects: effects.filter(actsAtVote),
      paramSlots: randomOf(effects),
    };
  });

  const yearlyRules = compiledRules.filter((r) => !r.effects.every(actsAtVote));
  const quiet = quietWhileIdle(yearlyRules, compiledEvents);
  const situations = situationCount(calendar.membersByYear.length);
  const idleSituations = new Set(Array.from(calendar.membersByYear, (_, y) => settledIndex(y, StageCode.idle, TrackCode.none)));

  const slots = (path: (i: number) => string, get: (i: number) => Param, count: number, phase: PhaseValue = Phase.start) =>
    Int32Array.from({ length: count }, (_, i) => table.add(path(i), get(i), phase));

  // A precondition draws its numbers when something first reads its level (see walk/levels.ts).
  const preconditionSlots = {
    level: slots((i) => paramPath('precondition', 'level', pre[i]!.id), (i) => pre[i]!.level, k, Phase.owned),
    drift: slots((i) => paramPath('precondition', 'drift', pre[i]!.id), (i) => pre[i]!.drift, k, Phase.owned),
    volatility: slots((i) => paramPath('precondition', 'volatility', pre[i]!.id), (i) => pre[i]!.volatility, k, Phase.owned),
    threshold: slots((i) => paramPath('precondition', 'threshold', pre[i]!.id), (i) => pre[i]!.threshold, k, Phase.owned),
  };

  const model: CompiledModel = {
    scenario,
    params: undefined as never,
    startYear: scenario.decisionPoint.year,
    horizon: scenario.decisionPoint.horizon,
    years: scenario.decisionPoint.horizon - scenario.decisionPoint.year + 1,
    mapYear: pr.mapIntroduced,
    procedureByYear: procedureByYear(scenario),
    startMonth: scenario.decisionPoint.date === undefined ? monthIndex(scenario.decisionPoint.year, 1) : monthOfDate(scenario.decisionPoint.date),
    firstMonth: monthIndex(scenario.decisionPoint.year, 1),
    councilFrom,
    nextMeeting: meetingsOfMembers(nextMeetingTable(scenario.decisionPoint.year, scenario.decisionPoint.horizon), councilFrom, scenario.decisionPoint.year),
    actors: Uint32Array.of(hashName(`candidate:${c.code}`), hashName('alliance')),
    interest: table.add(paramPath('candidate', 'interest'), c.interest),
    opposition: table.add(paramPath('candidate', 'domesticOpposition'), c.domesticOpposition),
    standardPath: table.add(paramPath('candidate', 'acceptsStandardPath'), c.acceptsStandardPath, Phase.application),
    withdrawal: table.add(paramPath('candidate', 'withdrawal'), c.withdrawal, Phase.application),
    standardMinYears: table.add(paramPath('process', 'standardPath.minYears'), pr.standardPath.minYears, Phase.application),
    standardReadiness: table.add(paramPath('process', 'standardPath.readiness'), pr.standardPath.readiness, Phase.application),
    specialMinYears: table.add(paramPath('process', 'specialTrack.minYears'), pr.specialTrack.minYears, Phase.application),
    specialReadiness: table.add(paramPath('process', 'specialTrack.readiness'), pr.specialTrack.readiness, Phase.application),
    specialPenalty: table.add(paramPath('process', 'specialTrack.consentPenalty'), pr.specialTrack.consentPenalty, Phase.application),
    protocolMonths: table.add(paramPath('process', 'protocolMonths'), pr.protocolMonths, Phase.ratification),
    cohesion: table.add(paramPath('process', 'cohesion'), pr.cohesion, Phase.vote),
    preconditionCount: k,
    preconditionIds: pre.map((p) => p.id),
    preconditionActor: Uint32Array.from(pre, (p) => hashName(`precondition:${p.id}`)),
    level: preconditionSlots.level,
    drift: preconditionSlots.drift,
    volatility: preconditionSlots.volatility,
    threshold: preconditionSlots.threshold,
    preconditionParams: table.randomAmong([...preconditionSlots.level, ...preconditionSlots.drift, ...preconditionSlots.volatility, ...preconditionSlots.threshold]),
    allyCount: n,
    allyCodes: allies.map((a) => a.code),
    allyActor: Uint32Array.from(allies, (a) => hashName(`ally:${a.code}`)),
    allyJoined: Float64Array.from(allies, joinedOf),
    allyJoinedMonth: Float64Array.from(joinedMonths),
    membersByYear: calendar.membersByYear,
    membersByMonth: membersByMonth(joinedMonths, scenario.decisionPoint.year, scenario.decisionPoint.horizon),
    allyCoCandidate: Uint8Array.from(allies, (a) => (c.coCandidates.includes(a.code) ? 1 : 0)),
    allyConsent: slots((i) => paramPath('ally', 'consent', allies[i]!.code), (i) => allies[i]!.consent, n, Phase.vote),
    allyThreat: slots((i) => paramPath('ally', 'threat', allies[i]!.code), (i) => allies[i]!.threat, n, Phase.vote),
    allyHoldout: Uint8Array.from(allies, (a) => (a.objection === 'holdout' ? 1 : 0)),
    allyLift: slots((i) => paramPath('ally', 'holdoutLift', allies[i]!.code), (i) => allies[i]!.holdoutLift, n, Phase.vote),
    allyPass: slots((i) => paramPath('ally', 'ratification.pass', allies[i]!.code), (i) => allies[i]!.ratification.pass, n, Phase.ratification),
    // Drawn at the invitation as one round, at the round's pace (walk/ratification.ts).
    allyMonths: slots((i) => paramPath('ally', 'ratification.months', allies[i]!.code), (i) => allies[i]!.ratification.months, n, Phase.owned),
    allyWeight,
    driftless: new Uint8Array(0),
    allyBaseRandom: false,
    allyWeightsRandom: false,
    voteParams: new Int32Array(0),
    allyVoteParams: new Int32Array(0),
    allyVoteParamsEnd: new Int32Array(0),
    fixedAllyBase: new Float64Array(0),
    fixedAllyWeight: new Float64Array(0),
    rules: compiledRules,
    yearlyRules: Int32Array.from(yearlyRules, (r) => r.index),
    hazardRules: Int32Array.from(yearlyRules.filter((r) => r.effects.some((fx) => fx.code === EffectCode.hazard)), (r) => r.index),
    voteRules: Int32Array.from(compiledRules.filter((r) => r.effects.some(actsAtVote)).map((r) => r.index)),
    yearlyRulesBySituation: rulesBySituation(yearlyRules, situations, () => true),
    quietWhileIdle: use.quiet && quiet.rules.size + quiet.events.size > 0,
    eagerLevels: !use.lazyLevels,
    noticedRulesBySituation: rulesBySituation(yearlyRules, situations, (r, i) => !(quiet.rules.has(r.index) && idleSituations.has(i))),
    events: compiledEvents,
    eventActor: Uint32Array.from(compiledEvents, (e) => hashName(`event:${e.id}`)),
    eventsByYear: eventWindows(compiledEvents, scenario.decisionPoint.year, scenario.decisionPoint.horizon, () => true),
    idlePlan: null,
    noticedEventsByYear: eventWindows(compiledEvents, scenario.decisionPoint.year, scenario.decisionPoint.horizon, (e) => !quiet.events.has(e.index)),
    reasonCount: FIXED_REASON_COUNT + k + compiledRules.length + compiledEvents.length,
    reasonOfPrecondition: FIXED_REASON_COUNT,
    reasonOfRule: FIXED_REASON_COUNT + k,
    reasonOfEvent: FIXED_REASON_COUNT + k + compiledRules.length,
  };
  const params = table.freeze();
  const randomSlots = new Set(params.randomSlots);
  const allyBaseRandom = [...model.allyConsent, ...model.allyThreat].some((slot) => randomSlots.has(slot));
  const allyWeightsRandom = [...allyWeight].some((slot) => randomSlots.has(slot));
  const fixedAllyBase = new Float64Array(n);
  const fixedAllyWeight = new Float64Array(n * k);
  const isFixedAtMost = (slot: number, x: number) => !randomSlots.has(slot) && params.fixedValues[slot]! <= x;
  const driftless = Uint8Array.from({ length: k }, (_, j) =>
    isFixedAtMost(model.drift[j]!, 0) && params.fixedValues[model.drift[j]!] === 0 && isFixedAtMost(model.volatility[j]!, 0) ? 1 : 0,
  );
  const idlePlan = use.blockWalk
    ? planIdleWalk(model.years, model.interest, model.opposition, compiledEvents, compiledRules, model.noticedEventsByYear, model.noticedRulesBySituation, params)
    : null;
  const byAlly = allyVoteParams(model, params.randomByPhase[Phase.vote]!, n, k);
  const compiled = withOneShape<CompiledModel>({ ...model, params, allyBaseRandom, allyWeightsRandom, fixedAllyBase, fixedAllyWeight, driftless, idlePlan, ...byAlly });
  denseAllyBase(compiled, params.fixedValues, fixedAllyBase, 0, n);
  denseAllyWeights(compiled, params.fixedValues, fixedAllyWeight, 0, n);
  return compiled;
}

/**
 * The random vote-time numbers, split into those of the alliance (drawn at a branch's first
 * vote) and those of each Ally in order (drawn when the Ally first votes; see walk/ally-terms.ts).
 */
function allyVoteParams(
  model: Pick<CompiledModel, 'allyConsent' | 'allyThreat' | 'allyLift' | 'allyWeight'>,
  voteRandom: Int32Array,
  allies: number,
  k: number,
): { voteParams: Int32Array; allyVoteParams: Int32Array; allyVoteParamsEnd: Int32Array } {
  const random = new Set(voteRandom);
  const list: number[] = [];
  const end = [0];
  for (let i = 0; i < allies; i++) {
    const own = [model.allyConsent[i]!, model.allyThreat[i]!, model.allyLift[i]!, ...model.allyWeight.subarray(i * k, (i + 1) * k)];
    for (const slot of own) if (random.has(slot) && !list.includes(slot)) list.push(slot);
    end.push(list.length);
  }
  const byAlly = new Set(list);
  return {
    voteParams: Int32Array.from([...voteRandom].filter((slot) => !byAlly.has(slot))),
    allyVoteParams: Int32Array.from(list),
    allyVoteParamsEnd: Int32Array.from(end),
  };
}

/** An effect's code, its size's slot, and the Allies, precondition or event it names (see model/catalog/effects.ts). */
function compileEffect(effect: Effect, path: string, table: ParamTable, names: NameIndex, allyCount: number): CompiledEffect {
  const size = effectSize<Param>(effect);
  const target = effectTarget<AllySelector>(effect);
  let allies = new Int32Array(0);
  if (target?.kind === 'allies') {
    allies = target.value.kind === 'all' ? Int32Array.from({ length: allyCount }, (_, i) => i) : Int32Array.from(target.value.codes, (code) => names.ally(code));
  } else if (target?.kind === 'ally') allies = Int32Array.of(names.ally(target.value));
  return {
    code: EffectCode[effect.kind],
    value: size === undefined ? -1 : table.add(`${path}.${size.field}`, size.param, Phase.owned),
    allies,
    target: target?.kind === 'precondition' ? names.precondition(target.value) : target?.kind === 'event' ? names.event(target.value) : -1,
  };
}

/** Effects read only when the Council votes (see EFFECT_KINDS): shifts of Allies' consent and an Ally's block. */
function actsAtVote(e: CompiledEffect): boolean {
  const atVote = EFFECT_KINDS[e.code].atVote;
  switch (atVote) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'if-ally':
      return e.allies.length > 0;
    default:
      return assertNever(atVote);
  }
}

/**
 * The same object built by adding its fields one by one, in the same order every time. An
 * object made by spreading gets a hidden class of its own at each compile, so code optimised
 * for one model would be thrown away (deoptimised) for the next: each edit in the explorer
 * compiles a new model. Built this way, every model shares one hidden class.
 */
function withOneShape<T extends object>(fields: T): T {
  const shaped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) shaped[key] = value;
  return shaped as T;
}

/** Each name's first index in `items`, as findIndex finds it. */
function firstIndexes<T>(items: readonly T[], name: (item: T) => string): Map<string, number> {
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    if (!at.has(name(item))) at.set(name(item), i);
  });
  return at;
}

function indexOrThrow(index: number, what: string, name: string, disabled = false): number {
  if (index >= 0) return index;
  if (disabled) return -1;
  throw new Error(`internal: unknown ${what} "${name}" reached the engine`);
}

/** The month the first Ally that can vote on the candidate (a Party, co-candidates aside) joined; Infinity when none ever does. */
function firstVoterMonth(allies: readonly { readonly code: string }[], joinedMonths: readonly number[], coCandidates: readonly string[]): number {
  let first = Infinity;
  for (let i = 0; i < allies.length; i++) if (!coCandidates.includes(allies[i]!.code)) first = Math.min(first, joinedMonths[i]!);
  return first;
}

/**
 * The Council's meetings (`table`: by month offset, the next meeting's month) once it has a member
 * to decide: before the Treaty entered into force there was no Council, and a meeting of no
 * member would invite by the unanimity of nobody. A month before `fromMonth` waits for the first
 * meeting from then, beyond the horizon when there is none.
 */
function meetingsOfMembers(table: Int32Array, fromMonth: number, firstYear: number): Int32Array {
  const first = monthIndex(firstYear, 1);
  const offset = fromMonth - first;
  if (offset <= 0) return table;
  // table[offset] is the first meeting from then on; with no member in the window, the month after it.
  return table.fill(offset < table.length ? table[offset]! : first + table.length, 0, Math.min(offset, table.length));
}

/**
 * By month offset from January of the first year, how many Allies are Parties: an Ally votes and
 * ratifies from the month it joined in. `joinedMonths` are in accession order, so one pass counts.
 */
function membersByMonth(joinedMonths: readonly number[], firstYear: number, lastYear: number): Int32Array {
  const first = monthIndex(firstYear, 1);
  const counts = new Int32Array((lastYear - firstYear + 1) * 12);
  let members = 0;
  for (let i = 0; i < counts.length; i++) {
    while (members < joinedMonths.length && joinedMonths[members]! <= first + i) members++;
    counts[i] = members;
  }
  return counts;
}

/** Each simulated year's procedure (index into PROCEDURES): the scenario's own, else the one of the year's date. */
function procedureByYear(scenario: Scenario): Uint8Array {
  const named = scenario.process.procedure;
  const fixed = named === undefined ? -1 : PROCEDURE_IDS.indexOf(named);
  const { year, horizon } = scenario.decisionPoint;
  return Uint8Array.from({ length: horizon - year + 1 }, (_, y) => (fixed >= 0 ? fixed : procedureOfYear(year + y)));
}
