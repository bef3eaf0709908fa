import { describeActor, describeReason, EXITS, type BranchTrace, type CompiledModel, type TraceEntry } from '../../engine/index.js';
import { candidateAt, nameWithCode } from '../../model/names.js';
import { OUTCOME_LABELS, TRACKS, TRACK_LABELS } from '../../model/outcome.js';
import { PROCEDURES } from '../../model/procedures.js';
import { monthInWords } from '../../model/council-calendar.js';
import type { Reason } from '../../model/results.js';
import { resolveSource } from '../../model/sources.js';
import { pct } from '../../report/format.js';

export interface StoryLine {
  readonly year: number;
  readonly text: string;
  readonly source?: string;
}

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
  const lines: StoryLine[] = [];
  /**
   * When within its year each line happened, to tell a year's lines in order: an act's own
   * month, or for a line with none (an event, a rule, a year of waiting) the month of the act
   * told before it that year (its start if none). Ratification acts are told ahead, at the
   * invitation, in the later years they fall in: their months order them and nothing else.
   */
  const happened = new Map<StoryLine, number>();
  const lastAct = new Map<number, number>();
  const add = (year: number, text: string, source?: string, when?: { month: number; ahead?: boolean }) => {
    const said = plain ? plainWords(text) : text;
    const line: StoryLine = source && !plain ? { year, text: said, source } : { year, text: said };
    lines.push(line);
    happened.set(line, when?.month ?? lastAct.get(year) ?? year * 12);
    if (when !== undefined && when.ahead !== true) lastAct.set(year, when.month);
  };
  /** " (chance 12%)" in the full story; nothing in plain words. */
  const chance = (text: string) => (plain ? '' : ` (${text})`);
  /** The refusals of the last vote: who, and with what chance of consent. */
  let lastRefusals: { ally: number; p: number; reason: number }[] = [];
  const ruleActive = new Array<boolean>(m.rules.length).fill(false);
  const runs = new Map<string, { from: number; to: number }>();

  // Quiet years (no interest, still preparing) are merged into one line per stretch.
  const quiet = (key: string, year: number, text: string, source?: string) => {
    const last = lines[lines.length - 1];
    const run = runs.get(key);
    if (last !== undefined && run !== undefined && run.to === year - 1 && last.text.endsWith(text)) {
      run.to = year;
      const merged = { ...last, text: `${run.from}–${year}: ${text}` };
      happened.set(merged, happened.get(last)!);
      lines[lines.length - 1] = merged;
      return;
    }
    runs.set(key, { from: year, to: year });
    add(year, text, source);
  };

  // Ratification acts are traced at the invitation, with the months they fall in: a withdrawal
  // or the branch's end before one means it never happened.
  const ratified: { line: StoryLine; month: number }[] = [];
  const dropRatifiedAfter = (month: number) => {
    for (const r of ratified.splice(0).filter((r) => r.month > month)) lines.splice(lines.indexOf(r.line), 1);
  };

  /** The parliaments that pass the protocol (a vote that passes, after failed ones or not), and how many ratify it, for one line that sums them up. */
  const passes: { month: number; ally: number; procedure?: string }[] = [];
  let ratifying = 0;

  /** The month of the application under way (a later member's objection runs from the day it joined). */
  let appliedMonth = -Infinity;
  const votes: Extract<TraceEntry, { kind: 'vote' }>[] = [];
  const flushVotes = () => {
    if (votes.length === 0) return;
    const year = votes[0]!.year;
    const refusals = votes.filter((v) => !v.consent);
    lastRefusals = refusals.map((v) => ({ ally: v.ally, p: v.p, reason: v.reason }));
    const agreed = votes.length - refusals.length;
    const at = { month: votes[0]!.month };
    add(year, `North Atlantic Council, ${monthInWords(votes[0]!.month)}: ${agreed} of ${votes.length} Allies asked agree to invite ${candidateAt(sc.candidate.name, year)}.`, undefined, at);
    if (plain && refusals.length > 3) {
      const names = refusals.slice(0, 3).map((v) => ally(v.ally).name);
      add(year, `${refusals.length} Allies refuse, among them ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`);
      votes.length = 0;
      return;
    }
    for (const v of refusals) {
      const a = ally(v.ally);
      const reason = describeReason(m, v.reason, v.ally);
      const kind = m.allyHoldout[v.ally] === 1 ? 'holds out' : 'vetoes';
      add(year, `  ${plain ? a.name : nameWithCode(a.name, a.code)} ${kind}${chance(`chance of consent ${pct(v.p, 0)}`)}: ${clause(reason)}.`, reason.source);
    }
    votes.length = 0;
  };

  for (const e of t.entries) {
    if (e.kind !== 'vote') flushVotes();
    switch (e.kind) {
      case 'event': {
        const ev = sc.events.find((x) => x.id === m.events[e.event]!.id)!;
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
        if (!e.interested) quiet('interest', e.year, `${candidateAt(sc.candidate.name, e.year)}'s leadership does not seek membership${chance(`its yearly chance of seeking it: ${pct(e.p, 0)}`)}.`, sc.candidate.interest.source);
        else add(e.year, `${candidateAt(sc.candidate.name, e.year)}'s leadership decides to seek membership${chance(`chance ${pct(e.p, 0)}`)}.`, sc.candidate.interest.source);
        break;
      case 'opposition':
        if (e.stopped) add(e.year, `Domestic opposition stops the application${chance(`chance ${pct(e.p, 0)}`)}.`, sc.candidate.domesticOpposition.source);
        break;
      case 'applied': {
        appliedMonth = e.month;
        const track = TRACKS[e.track]!;
        // The standard path as it was that year: no MAP before 1999, no Study before 1995.
        const path = track === 'map' ? TRACK_LABELS.map : PROCEDURES[m.procedureByYear[e.year - m.startYear]!]!.label;
        const how = track === 'special' ? 'demanding special status rather than standing in line' : `accepting the standard path: ${path}`;
        add(e.year, `${candidateAt(sc.candidate.name, e.year)} applies in ${monthInWords(e.month)}, ${how}${chance(`chance of accepting the standard path ${pct(e.pStandard, 0)}`)}.`, sc.candidate.acceptsStandardPath.source, { month: e.month });
        break;
      }
      case 'withdrew':
        dropRatifiedAfter(e.month);
        // In the horizon's year there is no later year to apply again in.
        add(e.year, `${candidateAt(sc.candidate.name, e.year)} withdraws its application in ${monthInWords(e.month)}${e.year < m.horizon ? '; it may apply again in a later year' : ''}.`, sc.candidate.withdrawal.source, { month: e.month });
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
        add(e.year, `${a.name} lifts its hold-out after a concession, in ${monthInWords(e.month)}.`, sc.allies.find((x) => x.code === a.code)?.holdoutLift.source, { month: e.month });
        break;
      }
      case 'objection_met': {
        const reason = describeReason(m, e.reason, e.ally);
        const asked = `${ally(e.ally).name}, asked again at the meeting of ${monthInWords(e.month)}, agrees`;
        // A criterion now met is the commonest cause; otherwise a rule's or an event's shift moved it.
        const criterion = e.criterionMet && reason.kind === 'precondition' ? sc.preconditions.find((p) => p.id === reason.id) : undefined;
        add(e.year, criterion ? `${asked} now that the criterion it objected to is met: ${criterion.label}.` : `${asked}: the terms have changed since it objected (its reason then: ${clause(reason)}).`, reason.source, { month: e.month });
        break;
      }
      case 'still_holding': {
        // Years of talks that settle nothing are one line, merged over a stretch of years.
        const names = e.allies.map((i) => ally(i).name);
        const who = names.length === 1 ? `${names[0]} still holds out` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} still hold out`;
        quiet(`holding ${e.allies.join(',')}`, e.year, `Asked again at the Council's first meeting of the year, ${who}.`);
        break;
      }
      case 'objection_settled': {
        const a = ally(e.ally);
        // A member that joined after the application objected from the day it joined.
        const joined = m.allyJoinedMonth[e.ally]!;
        const when = joined > appliedMonth ? `on joining the Alliance in ${monthInWords(joined)}` : 'when the application came in';
        add(e.year, `${a.name} had objected ${when}; talks settled it in ${monthInWords(e.month)}, before the meeting.`, sc.allies.find((x) => x.code === a.code)?.holdoutLift.source);
        break;
      }
      case 'invited':
        add(e.year, `Invited in ${monthInWords(e.month)} by unanimous agreement of the ${e.voters} members (Article 10).`, 'S1', { month: e.month });
        break;
      case 'protocol':
        // Told ahead, in its own year, and dropped with the ratifications if the branch ends first.
        add(e.year, `The accession protocol is signed in ${monthInWords(e.month)}; each member's parliament now ratifies it.`, sc.process.protocolMonths.source, { month: e.month, ahead: true });
        ratified.push({ line: lines[lines.length - 1]!, month: e.month });
        passes.length = 0;
        ratifying = 0;
        break;
      case 'ratification': {
        // Told in the year it falls in, and only if it comes before the branch ends or the candidacy is withdrawn.
        const a = ally(e.ally);
        const spec = sc.allies.find((x) => x.code === a.code)!.ratification;
        const at = monthInWords(e.month);
        const ahead = { month: e.month, ahead: true };
        ratifying++;
        if (e.passed && e.failedVotes !== Infinity) passes.push({ month: e.month, ally: e.ally, procedure: spec.procedure });
        // The procedure names how the Ally ratifies; the sentence's subject is the Ally's ratification.
        const whose = `${a.name}'s ratification${spec.procedure ? ` (${spec.procedure})` : ''}`;
        if (!e.passed) add(e.year, `${whose} fails for good in ${at}: the protocol is rejected and not put again.`, spec.pass.source, ahead);
        else if (e.failedVotes === Infinity) add(e.year, `${whose} fails at a first vote in ${at}, and at every vote after, a month apart: its chance of passing is nil.`, spec.pass.source, ahead);
        else if (e.failedVotes === 1) add(e.year, `${whose} fails at a first vote; put again a month later, it passes in ${at}.`, spec.pass.source, ahead);
        else if (e.failedVotes > 1) add(e.year, `${whose} fails at ${e.failedVotes} votes, a month apart; put again, it passes in ${at}.`, spec.pass.source, ahead);
        else break;
        ratified.push({ line: lines[lines.length - 1]!, month: e.month });
        break;
      }
      case 'end':
        break;
    }
  }
  flushVotes();

  /**
   * The parliaments that passed the protocol before the branch ended, as one line in the year of
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
      const slowest = lastOnes.length === 1 && first !== last ? `; the last is ${ally(lastOnes[0]!.ally).name}'s${lastOnes[0]!.procedure ? ` (${lastOnes[0]!.procedure})` : ''}` : '';
      text = `All ${of} members' parliaments ratify the protocol ${span}${slowest}.`;
    }
    add(Math.floor(last / 12), text, undefined, { month: last, ahead: true });
  }

  const exit = t.exit;
  const reason = describeReason(m, t.reason, t.actor);
  const who = describeActor(m, t.actor, exit.role, t.exitYear);
  // The engine names no Ally when several objected alike, none singled out by a rule or an event
  // (Washington's "dream" singles one out): the story says how many refused at that chance.
  const lowest = Math.min(...lastRefusals.map((r) => r.p));
  const tied = t.actor === m.allyCount ? lastRefusals.filter((r) => Math.abs(r.p - lowest) < 1e-9).length : 0;
  // A withdrawal before the horizon's year is the outcome only because no application followed it by the horizon.
  const candidateName = candidateAt(sc.candidate.name, exit.exit === 'withdrawn' ? m.horizon : t.exitYear);
  const ending = endingText(exit.exit, who, reason, monthInWords(t.exitMonth), candidateName, t.actor === m.allyCount ? { count: Math.max(tied, 2), p: lowest } : undefined, t.exitYear < m.horizon);
  dropRatifiedAfter(t.exitMonth);
  tellPasses(passes.filter((p) => p.month <= t.exitMonth), ratifying);
  // Lines in the order of their years, and within a year of their months (ratification acts were
  // told at the invitation); as told where those are equal. The ending comes last, under the
  // last year told: a withdrawal's ending names its own month, and years of no application may
  // follow it.
  lines.sort((a, b) => a.year - b.year || happened.get(a)! - happened.get(b)!);
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

function endingText(
  exit: (typeof EXITS)[number]['exit'],
  who: { code: string; name: string },
  reason: Reason,
  when: string,
  candidate: string,
  tie?: { readonly count: number; readonly p: number },
  beforeLastYear = false,
): string {
  // Several Allies refused with the same lowest chance: naming one of them would be arbitrary.
  if (tie !== undefined && exit === 'vetoed') return `The invitation is vetoed in ${when}: ${tie.count} Allies refuse with the same chance of consent (${pct(tie.p, 0)}), none stands out: ${clause(reason)}.`;
  if (tie !== undefined && exit === 'pending_at_horizon')
    return reason.kind === 'never_passes'
      ? 'Ratification is still under way at the horizon: several parliaments reject the protocol at every vote.'
      : 'Ratification is still under way at the horizon: several parliaments at the same pace, none slower than the others.';
  if (tie !== undefined && exit === 'held_out') return `At the horizon the talks go on: several Allies still hold out alike, none stands out: ${clause(reason)}.`;
  switch (exit) {
    case 'joined':
      return `${candidate} deposits its instrument of accession in Washington and becomes a member in ${when}.`;
    case 'no_application':
      return `By the horizon ${candidate} never applied: ${clause(reason)}.`;
    case 'withdrawn':
      return beforeLastYear ? `By the horizon ${candidate} had not applied again since it withdrew its application in ${when}.` : `${candidate} withdraws its application in ${when}.`;
    case 'map_stalled':
      return `By the horizon no invitation came: ${clause(reason)}.`;
    case 'vetoed':
      return `${who.name} vetoes the invitation in ${when}: ${clause(reason)}.`;
    case 'held_out':
      return `At the horizon the talks go on: ${who.name}, the strongest objector, still holds out: ${clause(reason)}.`;
    case 'ratification_failed':
      return `Ratification fails in ${who.name} in ${when}; the protocol cannot enter into force.`;
    case 'pending_at_horizon':
      // Every parliament has ratified; an event or a rule holds the deposit back.
      if (reason.kind === 'rule' || reason.kind === 'event') return `Every parliament has ratified, but at the horizon the deposit still waits: ${clause(reason)}.`;
      if (reason.kind === 'never_passes') return `Ratification is still under way at the horizon: ${who.name}'s parliament rejects the protocol at every vote.`;
      return `Ratification is still under way at the horizon (slowest: ${who.name}).`;
  }
}

/**
 * A reason used mid-sentence after a colon: no closing period of its own (a rule's text has
 * one), and a lowercase start only for the engine's own wording: an author's label may start
 * with a name ("Kosovo air war", "Soviet/Russian forces ...").
 */
function clause(reason: Reason): string {
  const s = reason.label.trim().replace(/\.+$/, '');
  const authored = reason.kind === 'rule' || reason.kind === 'event' || reason.kind === 'precondition';
  return authored || s.length < 2 || s[1] !== s[1]!.toLowerCase() ? s : s[0]!.toLowerCase() + s.slice(1);
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
export function storyText(story: Story): string {
  const out: string[] = [story.heading, ''];
  if (story.context) out.push(story.context, '');
  if (story.sampled.length > 0) {
    out.push('Values drawn for this branch (uncertain parameters):');
    for (const s of story.sampled) out.push(`  ${s.path} = ${round(s.value)}${s.source ? `  [${s.source}]` : ''}`);
    out.push('');
  }
  let lastYear = Number.NaN;
  for (const l of story.lines) {
    const year = l.year === lastYear || isStretch(l) ? '    ' : String(l.year);
    lastYear = l.year;
    out.push(`${year}  ${l.text}${l.source ? `  [${l.source}]` : ''}`);
  }
  out.push('', `Outcome: ${story.outcome}. ${story.ending}`);
  if (story.sources.length > 0) {
    out.push('', 'Sources');
    for (const s of story.sources) out.push(`  ${s.id}  ${s.citation}`);
  }
  return out.join('\n') + '\n';
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}
