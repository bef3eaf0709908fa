/**
 * The candidate named as of a year. A name written "Soviet Union (Russia from 1991-12)" is the
 * first state until that month's year has passed and the second after: the USSR dissolved in
 * December 1991, so 1991 is still the Soviet Union's year and 1992 Russia's. Any other name
 * is returned as written.
 */
export function candidateAt(name: string, year: number): string {
  const m = /^(.*\S)\s*\((.+?) from (\d{4})(?:-\d{2})?\)$/.exec(name.trim());
  if (m === null) return name;
  return year <= Number(m[3]) ? m[1]! : m[2]!;
}

/** A name with its code, never doubled parentheses: "Germany (West Germany until 1990; DE)". */
export function nameWithCode(name: string, code: string): string {
  return name.endsWith(')') ? `${name.slice(0, -1)}; ${code})` : `${name} (${code})`;
}
