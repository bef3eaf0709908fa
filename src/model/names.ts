/**
 * The candidate named as of a year. A name written "Soviet Union (Russia from 1991-12)" is the
 * first state until that month's year has passed and the second after: the USSR dissolved in
 * December 1991, so 1991 is still the Soviet Union's year and 1992 Russia's. Any other name
 * is returned as written.
 */
export function candidateAt(name: string, year: number): string {
  const change = nameChange(name);
  if (change === undefined) return name;
  return year <= change.year ? change.before : change.after;
}

/** "Soviet Union (Russia from 1991-12)" read as the name before, the name after and the year of the change. */
function nameChange(name: string): { readonly before: string; readonly after: string; readonly year: number } | undefined {
  const m = /^(.*\S)\s*\((.+?) from (\d{4})(?:-\d{2})?\)$/.exec(name.trim());
  return m === null ? undefined : { before: m[1]!, after: m[2]!, year: Number(m[3]) };
}

/**
 * The candidate's code as of a year: its `formerCode` up to the year of the change its name gives
 * (the Soviet Union's SU until 1991), its code after; the code when nothing changes.
 */
export function candidateCodeAt(candidate: { readonly name: string; readonly code: string; readonly formerCode?: string }, year: number): string {
  const change = nameChange(candidate.name);
  return candidate.formerCode !== undefined && change !== undefined && year <= change.year ? candidate.formerCode : candidate.code;
}

/** Whether a name gives a change of state with its year ("Soviet Union (Russia from 1991-12)"). */
export function namesAChange(name: string): boolean {
  return nameChange(name) !== undefined;
}

/** Items in a sentence: "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A name with its code, never doubled parentheses: "Germany (West Germany until 1990; DE)". */
export function nameWithCode(name: string, code: string): string {
  return name.endsWith(')') ? `${name.slice(0, -1)}; ${code})` : `${name} (${code})`;
}

/** A state's name as a sentence reads it: "the Soviet Union", "Russia"; at the start of a sentence, "The Soviet Union". */
export function theState(name: string, start = false): string {
  const named = /^(Soviet Union|United |Netherlands|Czech Republic)/.test(name) ? `the ${name}` : name;
  return start ? capitalFirst(named) : named;
}

/** Text whose first letter starts a sentence. */
export function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
