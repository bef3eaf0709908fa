/** Bounds that keep a hostile or broken file from exhausting memory, stack or patience. */
export const LIMITS = {
  /** Scenario files are a few kilobytes; anything near this is a mistake or an attack. */
  maxFileBytes: 2 * 1024 * 1024,
  /**
   * YAML tokens (values, keys, punctuation, line breaks) per file, counted before parsing: the
   * parser's memory grows with them, about a kilobyte each. The largest bundled scenario has
   * about 14,000.
   */
  maxTokens: 100_000,
  /** Deepest nesting of maps and lists; real scenarios stay under 10 (conditions nest a little). */
  maxDepth: 64,
  /** Alias nodes per file: anchors are handy for repeated distributions, bombs need thousands. */
  maxAliases: 100,
  /** Values after expanding aliases: bounds the "billion laughs" expansion. */
  maxValues: 100_000,
  /** Entries of one mapping or list; real scenarios have a few dozen. Keeps every per-entry lookup cheap. */
  maxEntries: 2_000,
  /** Longest decision window: a century is already far beyond what the model's numbers mean. */
  maxHorizonYears: 100,
  /**
   * Allies a file may add beside the roster's 32 members (hypothetical ones, with a name and a
   * joined date). Work per branch grows with the square of the Allies (each vote asks every
   * member, each with its copula): 1,990 of them made a 200,000-branch sensitivity run 5 minutes.
   */
  maxHypotheticalAllies: 64,
  /** Files in one extends chain. */
  maxExtendsDepth: 16,
  /** YAML syntax errors reported per file: after a few, the rest are usually echoes. */
  maxSyntaxIssues: 20,
  /** Problems reported per load; the rest are counted, not listed. */
  maxIssues: 50,
} as const;
