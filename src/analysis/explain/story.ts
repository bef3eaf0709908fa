import { describeActor, describeReason, EXITS, type BranchTrace, type CompiledModel, type TraceEntry } from '../../engine/index.js';
import { candidateAt, capitalFirst, listInWords, nameWithCode, theState } from '../../model/names.js';
import { OUTCOME_LABELS, TRACKS, TRACK_LABELS } from '../../model/outcome.js';
import { PROCEDURES } from '../../model/procedures.js';
import { monthInWords } from '../../model/council-calendar.js';
import type { Reason } from '../../model/results.js';
import { resolveSource } from '../../model/sources.js';
import { fitWidth, prose } from '../../report/fit.js';
import { pct } from '../../report/format.js';
import { clause, reasonsOf, strongestObjector, type Refusal } from './reasons.js';

export interface StoryLine {
  readonly year: number;
  readonly text: string;
  readonly source?: string;
  /** A step the ending turns on (the application, the invitation, the protocol, the deciding refusal or stop): a shortened story keeps it. */
  readonly decisive?: true;
}

/** The procedure's steps a line may tell; those of the last candidacy that lead to the ending are decisive. */
type Step = 'decided' | 'stopped' | 'applied' | 'vote' | 'holding' | 'withdrew' | 'invited' | 'protocol' | 'ratified';

/** The steps that decide each ending: the last of each kind told (a vote or a round of ratification with all its lines). */
const DECISIVE: Readonly<Record<(typeof EXITS)[number]['exit'], readonly Step[]>> = {
  joined: ['applied', 'invited', 'protocol', 'ratified'],
  no_application: ['decided', 'stopped'],
  withdrawn: ['applied', 'withdrew'],
  map_stalled: ['applied'],
  vetoed: ['applied', 'vote'],
  held_out: ['applied', 'vote', 'holding'],
  ratification_failed: ['applied', 'invited', 'protocol', 'ratified'],
  pending_at_horizon: ['applied', 'invited', 'protocol', 'ratified'],
};

/** A line for a stretch of quiet years merged into one ("2009–2012: …"): it begins with its own years, so none is shown beside it. */
export function isStretch(line: Pick<StoryLine, 'text'>): boolean {
  return /^\d{4}–\d{4}: /.test(line.text);
}

/** The year to show beside a line: none for a stretch, which names its own. */
export function yearLabel(line: Pick<StoryLine, 'year' | 'text'>): string {
  return isStretch(line) ? '' : String(line.year);
}

export interface Story {
  readonly heading: string;
  readonly context: string;
  readonly outcome: string;
  readonly ending: string;
  readonly lines: readonly StoryLine[];
  readonly sampled: readonly { readonly path: string; readonly value: number; readonly source?: string }[];
  /** Every source cited in the story, with its citation. */
  readonly sources: readonly { readonly id: string; readonly citation: string }[];
}

export interface StoryOptions {
  /**
   * Plain words for a class: no rule ids, Ally codes, chances or source ids in the lines (the
   * sources stay in `sources`), refusals of many Allies told as one line.
   */
  readonly plain?: boolean;
}

/** Tells one traced branch as a story, year by year, with the sources of what drove it. */
export function tellStory(m: CompiledModel, seed: string, t: BranchTrace, options: StoryOptions = {}): Story {
  const sc = m.scenario;
  const plain = options.plain === true;
  const ally = (i: number) => describeActor(m, i, 'veto');
  const exit = t.exit;
  let lines: StoryLine[] = [];
  /**
   * When within its year each line happened, to tell a year's lines in order: an act's own
   * month, or for a line with none (an event, a rule, a year of waiting) the month of the act
   * told before it that year (its start if none). Lines told ahead (ratification acts, at the
   * invitation) are ordered by their months and move nothing else.
   */
  const happened = new Map<StoryLine, number>();
  const lastAct = new Map<number, number>();
  /** The step each line tells, if any, and its group: a vote's lines, or a round of ratification's, share one. */
  const steps = new Map<StoryLine, { kind: Step; group: number }>();
  let groups = 0;
  const add = (year: number, text: string, source?: string, when?: { month?: number; ahead?: boolean; step?: Step; group?: number }) => {
    const said = plain ? plainWords(text) : text;
    const line: StoryLine = source && !plain ? { year, text: said, source } : { year, text: said };
    lines.push(line);
    happened.set(line, when?.month ?? lastAct.get(year) ?? year * 12);
    if (when?.month !== undefined && when.ahead !== true) lastAct.set(year, when.month);
    if (when?.step !== undefined) steps.set(line, { kind: when.step, group: when.group ?? ++groups });
    return line;
  };
  /** " (chance 12%)" in the full story; nothing in plain words. */
  const chance = (text: string) => (plain ? '' : ` (${text})`);
  /** The refusals of the last vote: who, and with what chance of consent. */
  let lastRefusals: Refusal[] = [];
  /** How many Allies the last vote asked. */
  let lastAsked = 0;
  const ruleActive = new Array<boolean>(m.rules.length).fill(false);
  const runs = new Map<string, { from: number; to: number }>();

  // Quiet years (no interest, still preparing) are merged into one line per stretch.
  const quiet = (key: string, year: number, text: string, source?: string, when?: { month: number; step?: Step }) => {
    const last = lines[lines.length - 1];
    const run = runs.get(key);
    if (last !== undefined && run !== undefined && run.to === year - 1 && last.text.endsWith(text)) {
      run.to = year;
      const merged = { ...last, text: `${run.from}–${year}: ${text}` };
      happened.set(merged, happened.get(last)!);
      if (steps.has(last)) steps.set(merged, steps.get(last)!);
      lines[lines.length - 1] = merged;
      return;
    }
    runs.set(key, { from: year, to: year });
    add(year, text, source, when);
  };

  // Ratification acts are traced at the invitation, with the months they fall in: a withdrawal
  // or the branch's end before one means it never happened.
  const ratified: { line: StoryLine; month: number }[] = [];
  /** The parliaments that pass the protocol (a vote that passes, after failed ones or not), and how many ratify it, for one line that sums them up. */
  const passes: { month: number; ally: number; procedure?: string }[] = [];
  let ratifying = 0;
  /** The group of the round of ratification under way. */
  let round = 0;
  /**
   * The round of ratification ends in `month`: the branch ends, or the candidate withdraws,
   * which ends every consent given. Acts after it never happened; the parliaments that passed
   * the protocol before it are told as one line.
   */
  const endRound = (month: number) => {
    for (const r of ratified.splice(0).filter((r) => r.month > month)) lines.splice(lines.indexOf(r.line), 1);
    tellPasses(passes.filter((p) => p.month <= month), ratifying);
    passes.length = 0;
    ratifying = 0;
  };

  /** The month of the application under way (a later member's objection runs from the day it joined). */
  let appliedMonth = -Infinity;
  const votes: Extract<TraceEntry, { kind: 'vote' }>[] = [];
  const flushVotes = () => {
    if (votes.length === 0) return;
    const year = votes[0]!.year;
    const month = votes[0]!.month;
    const refusals = votes.filter((v) => !v.consent);
    lastRefusals = refusals.map((v) => ({ ally: v.ally, p: v.p, reason: v.reason }));
    lastAsked = votes.length;
    const agreed = votes.length - refusals.length;
    const at = { month, step: 'vote' as const, group: ++groups };
    add(year, `North Atlantic Council, ${monthInWords(month)}: ${agreed} of ${votes.length} Allies asked agree to invite ${theState(candidateAt(sc.candidate.name, year))}.`, undefined, at);
    votes.length = 0;
    if (plain && refusals.length > 3) {
      // The vote that vetoed is told by the ending, with who vetoes and why: the page says it once.
      if (!(exit.exit === 'vetoed' && month === t.exitMonth)) add(year, refusalsInWords(lastRefusals), undefined, at);
      return;
    }
    for (const v of refusals) {
      const a = ally(v.ally);
      const reason = describeReason(m, v.reason, v.ally);
      const kind = m.allyHoldout[v.ally] === 1 ? 'holds out' : 'vetoes';
      add(year, `  ${plain ? theState(a.name, true) : nameWithCode(theState(a.name, true), a.code)} ${kind}${chance(`chance of consent ${pct(v.p, 0)}`)}: ${clause(reason)}.`, reason.source, at);
    }
  };

  /**
   * Many refusals as one line, in plain words: how many, each reason with who gives it, and the
   * strongest objector (the lowest chance of consent), or that several refuse alike; never a
   * list of the first few, which would read as the main objectors.
   */
  function refusalsInWords(refusals: readonly Refusal[]): string {
    const strongest = strongestObjector(m, refusals);
    const who = strongest.ally;
    // The strongest are vetoes if any Ally vetoes: a hold-out only negotiates.
    const verb = m.allyHoldout[strongest.alike[0]!.ally] === 1 ? 'hold out' : 'veto';
    const firmest =
      who >= 0
        ? `The strongest objector is ${theState(ally(who).name)}.`
        : `${strongest.alike.length === refusals.length ? `They ${verb} alike` : `${strongest.alike.length} of them ${verb} as firmly as any`}: none stands out.`;
    return `${refusals.length} Allies refuse: ${reasonsOf(m, refusals, (i) => ally(i).name)}. ${firmest}`;
  }

  for (const e of t.entries) {
    if (e.kind !== 'vote') flushVotes();
    switch (e.kind) {
      case 'event': {
        const ev = sc.events.find((x) => x.id === m.events[e.event]!.id)!;
        // The engine lets an event act from the start of the year it comes in: it is told there.
        add(e.year, plain ? `${ev.label}.` : `Event: ${ev.label} (yearly chance ${pct(e.p, 0)}).`, ev.source);
        break;
      }
      case 'rule': {
        if (ruleActive[e.rule] === e.active) break;
        ruleActive[e.rule] = e.active;
        const rule = sc.rules.find((r) => r.id === m.rules[e.rule]!.id)!;
        if (plain) {
          if (e.active) add(e.year, /[.!?]["'’”]?$/.test(rule.text.trim()) ? rule.text.trim() : `${rule.text.trim()}.`);
        } else add(e.year, e.active ? `Rule "${rule.id}" now applies: ${rule.text}` : `Rule "${rule.id}" no longer applies.`, e.active ? rule.source : undefined);
        break;
      }
      case 'interest':
        if (!e.interested) quiet('interest', e.year, `${theState(candidateAt(sc.candidate.name, e.year), true)}'s leadership does not seek membership${chance(`its yearly chance of seeking it: ${pct(e.p, 0)}`)}.`, sc.candidate.interest.source);
        else add(e.year, `${theState(candidateAt(sc.candidate.name, e.year), true)}'s leadership decides to seek membership${chance(`chance ${pct(e.p, 0)}`)}.`, sc.candidate.interest.source, { step: 'decided' });
        break;
      case 'opposition':
        if (e.stopped) add(e.year, `Domestic opposition stops the application${chance(`chance ${pct(e.p, 0)}`)}.`, sc.candidate.domesticOpposition.source, { step: 'stopped' });
        break;
      case 'applied': {
        appliedMonth = e.month;
        const track = TRACKS[e.track]!;
        // The standard path as it was that year: no MAP before 1999, no Study before 1995; under
        // the MAP's procedure before the MAP exists (process.mapIntroduced), the intensified dialogue.
        const procedure = PROCEDURES[m.procedureByYear[e.year - m.startYear]!]!;
        const path = track === 'map' ? TRACK_LABELS.map : procedure.map ? 'intensified dialogue until the Membership Action Plan exists' : procedure.label;
        // In plain words the path is not spelt out: the page has room for the steps, not their terms.
        const how = track === 'special' ? 'demanding special status rather than standing in line' : `accepting the standard path${plain ? '' : `: ${path}`}`;
        add(e.year, `${theState(candidateAt(sc.candidate.name, e.year), true)} applies in ${monthInWords(e.month)}, ${how}${chance(`chance of accepting the standard path ${pct(e.pStandard, 0)}`)}.`, sc.candidate.acceptsStandardPath.source, { month: e.month, step: 'applied' });
        break;
      }
      case 'withdrew':
        endRound(e.month);
        // In the horizon's year there is no later year to apply again in.
        add(e.year, `${theState(candidateAt(sc.candidate.name, e.year), true)} withdraws its application in ${monthInWords(e.month)}${e.year < m.horizon ? '; it may apply again in a later year' : ''}.`, sc.candidate.withdrawal.source, { month: e.month, step: 'withdrew' });
        break;
      case 'track_changed':
        add(e.year, `The Membership Action Plan now exists; preparation continues under it.`, sc.process.standardPath.minYears.source);
        break;
      case 'waiting': {
        const reason = describeReason(m, e.reason);
        const needed = e.needed > 0 && !plain ? ` (${pct(e.readiness, 0)} of preconditions met, ${pct(e.needed, 0)} needed)` : '';
        quiet(`waiting:${e.reason}`, e.year, `No invitation yet${needed}: ${clause(reason)}.`, reason.source);
        break;
      }
      case 'vote':
        votes.push(e);
        break;
      case 'holdout_lifted': {
        const a = ally(e.ally);
        add(e.year, `${theState(a.name, true)} lifts its hold-out after a concession, in ${monthInWords(e.month)}.`, sc.allies.find((x) => x.code === a.code)?.holdoutLift.source, { month: e.month });
        break;
      }
      case 'objection_met': {
        const reason = describeReason(m, e.reason, e.ally);
        const asked = `${theState(ally(e.ally).name, true)}, asked again at the meeting of ${monthInWords(e.month)}, agrees`;
        // A criterion now met is the commonest cause; otherwise a rule's or an event's shift moved it.
        const criterion = e.criterionMet && reason.kind === 'precondition' ? sc.preconditions.find((p) => p.id === reason.id) : undefined;
        add(e.year, criterion ? `${asked} now that the criterion it objected to is met: ${criterion.label}.` : `${asked}: the terms have changed since it objected (its reason then: ${clause(reason)}).`, reason.source, { month: e.month });
        break;
      }
      case 'still_holding': {
        // Years of talks that settle nothing are one line, merged over a stretch of years.
        const names = e.allies.map((i) => theState(ally(i).name));
        const who = `${listInWords(names)} ${names.length === 1 ? 'still holds out' : 'still hold out'}`;
        quiet(`holding ${e.allies.join(',')}`, e.year, `Asked again at the Council's first meeting of the year, ${who}.`, undefined, { month: e.month, step: 'holding' });
        break;
      }
      case 'objection_settled': {
        const a = ally(e.ally);
        // A member that joined after the application objected from the day it joined.
        const joined = m.allyJoinedMonth[e.ally]!;
        const when = joined > appliedMonth ? `on joining the Alliance in ${monthInWords(joined)}` : 'when the application came in';
        add(e.year, `${theState(a.name, true)} had objected ${when}; talks settled it in ${monthInWords(e.month)}, before the meeting.`, sc.allies.find((x) => x.code === a.code)?.holdoutLift.source);
        break;
      }
      case 'invited': {
        const aside = coCandidatesAside(m, e.month);
        // Plain words need no glossary of "unanimous" and "Article 10" on a page that has room for little.
        const text = plain ? `Invited in ${monthInWords(e.month)}: all ${e.voters} members${aside && `${aside},`} agree.` : `Invited in ${monthInWords(e.month)} by unanimous agreement of the ${e.voters} members${aside} (Article 10).`;
        add(e.year, text, 'S1', { month: e.month, step: 'invited' });
        break;
      }
      case 'protocol': {
        // Told ahead, in its own year, and dropped with the ratifications if the branch ends first.
        round = ++groups;
        const line = add(e.year, `The accession protocol is signed in ${monthInWords(e.month)}; each member's parliament now ratifies it.`, sc.process.protocolMonths.source, { month: e.month, ahead: true, step: 'protocol' });
        ratified.push({ line, month: e.month });
        passes.length = 0;
        ratifying = 0;
        break;
      }
      case 'ratification': {
        // Told in the year it falls in, and only if it comes before the branch ends or the candidacy is withdrawn.
        const a = ally(e.ally);
        const spec = sc.allies.find((x) => x.code === a.code)!.ratification;
        const at = monthInWords(e.month);
        const ahead = { month: e.month, ahead: true, step: 'ratified' as const, group: round };
        ratifying++;
        if (e.passed && e.failedVotes !== Infinity) passes.push({ month: e.month, ally: e.ally, procedure: spec.procedure });
        // The procedure names how the Ally ratifies; the sentence's subject is the Ally's ratification.
        const whose = `${theState(a.name, true)}'s ratification${spec.procedure ? ` (${spec.procedure})` : ''}`;
        let text: string;
        if (!e.passed) text = `${whose} fails for good in ${at}: the protocol is rejected and not put again.`;
        else if (e.failedVotes === Infinity) text = `${whose} fails at a first vote in ${at}, and at every vote after, a month apart: its chance of passing is nil.`;
        else if (e.failedVotes === 1) text = `${whose} fails at a first vote; put again a month later, it passes in ${at}.`;
        else if (e.failedVotes > 1) text = `${whose} fails at ${e.failedVotes} votes, a month apart; put again, it passes in ${at}.`;
        else break;
        ratified.push({ line: add(e.year, text, spec.pass.source, ahead), month: e.month });
        break;
      }
      case 'end':
        break;
    }
  }
  flushVotes();

  /**
   * The parliaments that passed the protocol before the round ended, as one line in the year of
   * the last: how many, by when, and which came last (each passing vote on its own would be
   * thirty lines; a failed vote has its own line).
   */
  function tellPasses(kept: typeof passes, of: number): void {
    if (kept.length === 0) return;
    const last = Math.max(...kept.map((p) => p.month));
    const first = Math.min(...kept.map((p) => p.month));
    const span = first === last ? `in ${monthInWords(last)}` : `from ${monthInWords(first)} to ${monthInWords(last)}`;
    let text: string;
    if (of === 1) text = `The one member's parliament ratifies the protocol ${span}.`;
    else if (kept.length < of) text = `${kept.length} of the ${of} members' parliaments ratify the protocol ${span}.`;
    else {
      const lastOnes = kept.filter((p) => p.month === last);
      const procedure = lastOnes[0]!.procedure && !plain ? ` (${lastOnes[0]!.procedure})` : '';
      const slowest = lastOnes.length === 1 && first !== last ? `; the last is ${theState(ally(lastOnes[0]!.ally).name)}'s${procedure}` : '';
      text = `All ${of} members' parliaments ratify the protocol ${span}${slowest}.`;
    }
    add(Math.floor(last / 12), text, undefined, { month: last, ahead: true, step: 'ratified', group: round });
  }

  /**
   * What the Allies of the last vote did beside those the ending names, as a sentence, so the
   * counts add up to the Allies asked: "The other 2, Greece and Turkey, hold out.", "Of the other
   * 6, 2 agree, 3 also veto and 1 holds out."; nothing when those named are the whole vote.
   */
  function restOfVote(alike: readonly Refusal[]): string {
    const others = lastAsked - alike.length;
    if (others <= 0) return '';
    const counted = new Set(alike.map((r) => r.ally));
    const beside = lastRefusals.filter((r) => !counted.has(r.ally));
    const holding = beside.filter((r) => m.allyHoldout[r.ally] === 1);
    const vetoing = beside.length - holding.length;
    const agreed = others - beside.length;
    const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
    const parts: [number, string, string][] = [
      [agreed, 'agrees', 'agree'],
      [vetoing, 'also vetoes', 'also veto'],
      [holding.length, 'holds out', 'hold out'],
    ];
    const kinds = parts.filter(([n]) => n > 0);
    if (kinds.length === 1) {
      const [, one, many] = kinds[0]!;
      const named = holding.length === others && others <= 3 ? `, ${listInWords(holding.map((r) => theState(ally(r.ally).name)))},` : '';
      return others === 1 ? `The other Ally asked${named} ${one}.` : `The other ${others}${named} ${many}.`;
    }
    return `Of the other ${others}, ${listInWords(kinds.map(([n, one, many]) => `${n} ${verb(n, one, many)}`))}.`;
  }

  const reason = describeReason(m, t.reason, t.actor);
  const who = describeActor(m, t.actor, exit.role, t.exitYear);
  // The engine names no Ally when several objected alike, none singled out by a rule or an event
  // (Washington's "dream" singles one out): the story says how many refused at that chance, and why.
  const alike = lastRefusals.length > 0 ? strongestObjector(m, lastRefusals).alike : [];
  // Only a veto ends at that vote: talks still going on, or a ratification under way, are told by what stands at the horizon, not by a vote held before it.
  const tie =
    t.actor === m.allyCount
      ? { count: Math.max(alike.length, 2), p: alike[0]?.p ?? 0, why: alike.length > 0 ? reasonsOf(m, alike, (i) => ally(i).name) : clause(reason), rest: exit.exit === 'vetoed' && alike.length > 0 ? restOfVote(alike) : '' }
      : undefined;
  // A withdrawal before the horizon's year is the outcome only because no application followed it by the horizon.
  const candidateName = theState(candidateAt(sc.candidate.name, exit.exit === 'withdrawn' ? m.horizon : t.exitYear));
  // A single Ally named as the one who vetoes: in plain words the page does not list the vote's other refusals, so the ending counts them.
  const named = plain && tie === undefined && exit.exit === 'vetoed' ? lastRefusals.filter((r) => r.ally === t.actor) : [];
  const told = endingText(exit.exit, who, reason, monthInWords(t.exitMonth), candidateName, tie, t.exitYear < m.horizon, plain);
  const rest = tie?.rest ?? (named.length === 1 ? restOfVote(named) : '');
  const ending = rest === '' ? told : `${told} ${rest}`;
  endRound(t.exitMonth);
  // Lines in the order of their years, and within a year of their months; as told where those
  // are equal. The ending comes last, under the last year told: a withdrawal's ending names its
  // own month, and years of no application may follow it.
  lines.sort((a, b) => a.year - b.year || happened.get(a)! - happened.get(b)!);
  lines = markDecisive(lines, steps, DECISIVE[exit.exit]);
  const lastTold = Math.max(t.exitYear, lines[lines.length - 1]?.year ?? t.exitYear);
  // A withdrawal in the last year told is already its own line: told once.
  if (!(exit.exit === 'withdrawn' && t.exitYear === lastTold)) add(lastTold, ending, reason.source);

  const cited = new Map<string, string>();
  const cite = (source: string | undefined) => {
    if (!source) return;
    for (const { id, citation } of resolveSource(source, sc.sources)) if (citation !== undefined) cited.set(id, citation);
  };
  lines.forEach((l) => cite(l.source));
  t.sampled.forEach((s) => cite(s.source));
  cite(sc.decisionPoint.source);

  return {
    heading: `Branch ${t.branch} of "${sc.title}" (seed ${seed})`,
    context: sc.decisionPoint.context.trim(),
    outcome: OUTCOME_LABELS[exit.outcome],
    ending,
    lines,
    sampled: t.sampled,
    sources: [...cited].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([id, citation]) => ({ id, citation })),
  };
}

/**
 * The co-candidates, members by the meeting of `month`, that do not vote on the candidate, as a
 * clause: the Alliance is larger than the members voting ("of the 19 members voting, its 6
 * co-candidates of the 2004 round aside"); nothing when there are none.
 */
function coCandidatesAside(m: CompiledModel, month: number): string {
  const aside: number[] = [];
  for (let i = 0; i < m.allyCount; i++) if (m.allyCoCandidate[i] === 1 && m.allyJoinedMonth[i]! <= month) aside.push(i);
  if (aside.length === 0) return '';
  if (aside.length === 1) return ` voting, its co-candidate ${describeActor(m, aside[0]!, 'veto').name} aside`;
  const years = new Set(aside.map((i) => Math.floor(m.allyJoinedMonth[i]! / 12)));
  return ` voting, its ${aside.length} co-candidates${years.size === 1 ? ` of the ${[...years][0]} round` : ''} aside`;
}

/**
 * The lines with the steps an ending turns on marked decisive: of each kind of step `kinds`
 * names, the last told, with the lines of its group (a vote's refusals, a round's acts).
 */
function markDecisive(lines: readonly StoryLine[], steps: ReadonlyMap<StoryLine, { kind: Step; group: number }>, kinds: readonly Step[]): StoryLine[] {
  const lastGroup = new Map<Step, number>();
  for (const l of lines) {
    const step = steps.get(l);
    if (step !== undefined && kinds.includes(step.kind)) lastGroup.set(step.kind, Math.max(step.group, lastGroup.get(step.kind) ?? -1));
  }
  return lines.map((l) => {
    const step = steps.get(l);
    return step !== undefined && lastGroup.get(step.kind) === step.group ? { ...l, decisive: true } : l;
  });
}

function endingText(
  exit: (typeof EXITS)[number]['exit'],
  who: { code: string; name: string },
  reason: Reason,
  when: string,
  candidate: string,
  tie?: { readonly count: number; readonly p: number; readonly why: string; readonly rest: string },
  beforeLastYear = false,
  plain = false,
): string {
  // Several Allies refused with the same lowest chance: naming one of them would be arbitrary; each reason is given with who gives it.
  // What the rest of the vote did follows, so the counts add up to the Allies asked; plain words give no chance of consent.
  if (tie !== undefined && exit === 'vetoed')
    return plain
      ? `The invitation is vetoed in ${when}: ${tie.count} Allies veto it, none more firmly than the others: ${tie.why}.`
      : `The invitation is vetoed in ${when}: ${tie.count} Allies refuse with the same chance of consent (${pct(tie.p, 0)}), none stands out: ${tie.why}.`;
  if (tie !== undefined && exit === 'pending_at_horizon')
    return reason.kind === 'never_passes'
      ? 'Ratification is still under way at the horizon: several parliaments reject the protocol at every vote.'
      : 'Ratification is still under way at the horizon: several parliaments at the same pace, none slower than the others.';
  if (tie !== undefined && exit === 'held_out') return `At the horizon the talks go on: several Allies still hold out alike, none stands out: ${clause(reason)}.`;
  switch (exit) {
    case 'joined':
      return `${capitalFirst(candidate)} deposits its instrument of accession in Washington and becomes a member in ${when}.`;
    case 'no_application':
      return `By the horizon ${candidate} never applied: ${clause(reason)}.`;
    case 'withdrawn':
      return beforeLastYear ? `By the horizon ${candidate} had not applied again since it withdrew its application in ${when}.` : `${capitalFirst(candidate)} withdraws its application in ${when}.`;
    case 'map_stalled':
      return `By the horizon no invitation came: ${clause(reason)}.`;
    case 'vetoed':
      return `${theState(who.name, true)} vetoes the invitation in ${when}: ${clause(reason)}.`;
    case 'held_out':
      return `At the horizon the talks go on: ${theState(who.name)}, the strongest objector, still holds out: ${clause(reason)}.`;
    case 'ratification_failed':
      return `Ratification fails in ${theState(who.name)} in ${when}; the protocol cannot enter into force.`;
    case 'pending_at_horizon':
      // Every parliament has ratified; an event or a rule holds the deposit back.
      if (reason.kind === 'rule' || reason.kind === 'event') return `Every parliament has ratified, but at the horizon the deposit still waits: ${clause(reason)}.`;
      if (reason.kind === 'never_passes') return `Ratification is still under way at the horizon: ${theState(who.name)}'s parliament rejects the protocol at every vote.`;
      return `Ratification is still under way at the horizon (slowest: ${theState(who.name)}).`;
  }
}

/**
 * A text in plain words for a class: the file's reliability marks and source ids taken out
 * ("(U)", "(R)", "[S17]", "§4.2"), so a student reads the claim and the teacher's copy keeps
 * where it comes from.
 */
export function plainWords(text: string): string {
  return text
    .replace(/\s*\[(?:S\d+|R\d+|§[\d.]+)[^\]]*\]/g, '')
    .replace(/\s*\((?:S\d+|R\d+|§[\d.]+)(?:[,;]\s*(?:S\d+|R\d+|§[\d.]+|[A-Z]))*\)/g, '')
    .replace(/\s*\((?:U|R|V|S)\)/g, '')
    .replace(/,\s*(?:U|R)\)/g, ')')
    .replace(/\s*§\d+(?:\.\d+)*(?:\s*\((?:U|R)\))?/g, '')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The story as plain text for the terminal. */
export function storyText(story: Story, options: { readonly width?: number } = {}): string {
  const width = fitWidth(options.width);
  const out: string[] = [...prose(story.heading, width), ''];
  if (story.context) out.push(...prose(story.context, width, '', ''), '');
  if (story.sampled.length > 0) {
    out.push('Values drawn for this branch (uncertain parameters):');
    for (const s of story.sampled) out.push(...prose(`${s.path} = ${round(s.value)}${s.source ? `  [${s.source}]` : ''}`, width, '  '));
    out.push('');
  }
  let lastYear = Number.NaN;
  for (const l of story.lines) {
    const year = l.year === lastYear || isStretch(l) ? '    ' : String(l.year);
    lastYear = l.year;
    // A year's later lines start under its text, not under the year.
    out.push(...prose(`${l.text}${l.source ? `  [${l.source}]` : ''}`, width, `${year}  `, '      '));
  }
  out.push('', ...prose(`Outcome: ${story.outcome}. ${story.ending}`, width));
  if (story.sources.length > 0) {
    out.push('', 'Sources');
    for (const s of story.sources) out.push(...prose(`${s.id}  ${s.citation}`, width, '  ', '      '));
  }
  return out.join('\n') + '\n';
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}
