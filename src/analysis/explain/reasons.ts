import { describeReason, type CompiledModel } from '../../engine/index.js';
import type { Reason } from '../../model/results.js';

/** Reasons in words: one used mid-sentence, and those of several Allies refusing together. */

/** One Ally's refusal at a vote: its chance of consent and its reason's code. */
export interface Refusal {
  readonly ally: number;
  readonly p: number;
  readonly reason: number;
}

/**
 * A reason used mid-sentence after a colon: no closing period of its own (a rule's text has
 * one), and a lowercase start only for the engine's own wording: an author's label may start
 * with a name ("Kosovo air war", "Soviet/Russian forces ...").
 */
export function clause(reason: Reason): string {
  const s = reason.label.trim().replace(/\.+$/, '');
  const authored = reason.kind === 'rule' || reason.kind === 'event' || reason.kind === 'precondition';
  return authored || s.length < 2 || s[1] !== s[1]!.toLowerCase() ? s : s[0]!.toLowerCase() + s.slice(1);
}

/**
 * Why several Allies refuse: the reason they share, or each reason with who gives it, the most
 * given first ("sees a threat ... (10 Allies); Democracy not met (Germany)"): a count beside one
 * reason alone would be read as every refusal's.
 */
export function reasonsOf(m: CompiledModel, refusals: readonly Refusal[], name: (ally: number) => string): string {
  const byReason = new Map<number, number[]>();
  for (const r of refusals) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.ally]);
  const said = (reason: number, ally: number) => clause(describeReason(m, reason, ally));
  if (byReason.size === 1) return said(refusals[0]!.reason, refusals[0]!.ally);
  const groups = [...byReason].sort((a, b) => b[1].length - a[1].length);
  return groups.map(([reason, allies]) => `${said(reason, allies[0]!)} (${allies.length === 1 ? unbracketed(name(allies[0]!)) : `${allies.length} Allies`})`).join('; ');
}

/** A name to put in parentheses, never doubled: "Germany, West Germany until 1990". */
function unbracketed(name: string): string {
  return name.replace(/\s*\((.*)\)$/, ', $1');
}

/** The refusals at the lowest chance of consent: the strongest objections, as the engine ranks them. */
function strongestRefusals(refusals: readonly Refusal[]): Refusal[] {
  const lowest = Math.min(...refusals.map((r) => r.p));
  return refusals.filter((r) => Math.abs(r.p - lowest) < 1e-9);
}

/**
 * The strongest objector of a vote, as the engine names it: among the vetoes if any (a veto
 * ends the branch; hold-outs only negotiate), the lowest chance of consent; among as strong,
 * the one a rule or an event singles out; else none (-1): several refuse alike.
 */
export function strongestObjector(m: CompiledModel, refusals: readonly Refusal[]): { readonly ally: number; readonly alike: readonly Refusal[] } {
  const vetoes = refusals.filter((r) => m.allyHoldout[r.ally] === 0);
  const alike = strongestRefusals(vetoes.length > 0 ? vetoes : refusals);
  const singled = alike.filter((r) => r.reason >= m.reasonOfRule);
  if (alike.length === 1) return { ally: alike[0]!.ally, alike };
  return { ally: singled.length === 1 ? singled[0]!.ally : -1, alike };
}
