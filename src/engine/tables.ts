/**
 * Code tables: a list declared once `as const`, each entry's position its integer code. The
 * codes by name and their literal types are derived from the list, so nothing is matched by
 * position by hand and a switch over the codes can be checked for exhaustiveness.
 */

/** The codes of a table, by each entry's `key`: name → position, as literal types. */
export type CodesOf<T extends readonly Readonly<Record<K, string>>[], K extends string> = {
  readonly [I in keyof T & `${number}` as T[I][K]]: I extends `${infer N extends number}` ? N : never;
};

export function codesOf<const T extends readonly Readonly<Record<K, string>>[], K extends string>(table: T, key: K): CodesOf<T, K> {
  return Object.fromEntries(table.map((entry, i) => [entry[key], i])) as CodesOf<T, K>;
}

/** The codes of a list of names: name → position, as literal types. */
export type IndexOf<T extends readonly string[]> = {
  readonly [I in keyof T & `${number}` as T[I]]: I extends `${infer N extends number}` ? N : never;
};

export function indexOf<const T extends readonly string[]>(names: T): IndexOf<T> {
  return Object.fromEntries(names.map((name, i) => [name, i])) as IndexOf<T>;
}

/** The union of a code table's values. */
export type CodeOf<T> = T[keyof T];

/** For the default of a switch over a closed set of codes: a missing case does not compile. */
export function assertNever(value: never): never {
  throw new Error(`internal: unexpected code ${String(value)}`);
}
