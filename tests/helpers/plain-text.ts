import type { Scenario } from '../../src/model/scenario.js';

/**
 * What a student must never read: the file's ids, distributions, standard deviations, section
 * and reliability marks, source ids, seed notes, doubled punctuation.
 */
export function rawIdProblems(text: string, scenarios: readonly Scenario[]): string[] {
  const checks: [string, RegExp][] = [
    ['an outcome code', /\b(map_stalled|no_application|ratification_failed|pending_at_horizon|held_out)\b/],
    ['a parameter path', /\b(candidate|allies|preconditions|process|rules|events)\.[a-zA-Z]/],
    ['a distribution', /\b(triangular|uniform|beta|normal|bernoulli|truncnormal)\(/i],
    ['"sd"', /\bsd\b/],
    ['a section mark', /§\s?\d/],
    ['a reliability mark', /\((?:R|U|V|S)\)|,\s?U\)/],
    ['a source id', /\b[SR]\d{1,2}\b/],
    ['an Ally code', /\([A-Z]{2}\)/],
    ['a scenario id', /\brussia-\d{4}/],
    ['a seed note', /\bseeds?\b/i],
    ['doubled punctuation', /(?<!\.)\.\.(?!\.)|,,|;;|::|\.,|,\./],
  ];
  const problems = checks.filter(([, re]) => re.test(text)).map(([what, re]) => `${what}: ${re.exec(text)![0]}`);
  for (const s of scenarios) {
    for (const id of [...s.rules.map((r) => r.id), ...s.events.map((e) => e.id)].filter((x) => x.includes('-'))) {
      if (new RegExp(`\\b${id}\\b`).test(text)) problems.push(`a rule or event id: ${id}`);
    }
  }
  return problems;
}


/** The text a reader of the HTML sees (tags out, entities read). */
export function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

