/**
 * The words a student handout may use that a 16-year-old may not know, each explained once.
 * A handout lists only the terms its own text uses (see glossaryFor).
 */
export const GLOSSARY: readonly { readonly term: string; readonly pattern: RegExp; readonly meaning: string }[] = [
  { term: 'NATO', pattern: /\bNATO\b/, meaning: 'the North Atlantic Treaty Organization, the alliance founded in 1949 in which an attack on one member counts as an attack on all' },
  { term: 'Article 10', pattern: /\bArticle 10\b/, meaning: 'the article of the North Atlantic Treaty on new members: the members may invite a European state only if all of them agree' },
  { term: 'Allies', pattern: /\bAll(?:y|ies)\b/, meaning: 'the member states of NATO at the time' },
  { term: 'branch', pattern: /\bbranch(?:es)?\b/i, meaning: 'one possible history played out by the computer; a run plays out thousands, each with its own luck' },
  { term: 'veto', pattern: /\bveto(?:es|ed)?\b/i, meaning: 'one member\'s "no", which is enough to stop an invitation' },
  { term: 'unanimous', pattern: /\bunanim(?:ous|ity)\b/i, meaning: 'agreed by every member, with no one against' },
  { term: 'ratify', pattern: /\bratif(?:y|ies|ied|ication)\b/i, meaning: 'to approve a treaty at home, usually by a vote of parliament, after the government has signed it' },
  { term: 'hold out', pattern: /\bhold(?:s)?[- ]out\b/i, meaning: 'to refuse for now while bargaining for something in return' },
  { term: 'Membership Action Plan', pattern: /\bMembership Action Plan\b|\bMAP\b/, meaning: 'NATO\'s programme, from 1999, in which a would-be member reports on its reforms each year; it is optional (Finland and Sweden skipped it) and promises no invitation' },
  { term: 'standard path', pattern: /\bstandard path\b/i, meaning: 'the usual way in: the candidate applies like any other, meets the conditions the members set and waits to be invited' },
  { term: 'special status', pattern: /\bspecial (?:status|place|track)\b/i, meaning: 'asking to join on better terms than other candidates instead of following the usual path' },
  { term: 'North Atlantic Council', pattern: /\bNorth Atlantic Council\b/, meaning: 'the body where all NATO members decide together' },
  { term: 'counterfactual', pattern: /\bcounterfactual\b/i, meaning: 'a "what if" history that changes some facts of the real one' },
  { term: 'EDC', pattern: /\bEDC\b|European Defence Community/, meaning: 'the European Defence Community, a planned European army with West German soldiers; the French parliament rejected it in August 1954' },
  { term: 'Presidium', pattern: /\bPresidium\b/, meaning: 'the top leadership of the Soviet Communist Party' },
  { term: 'Warsaw Pact', pattern: /\bWarsaw Pact\b/, meaning: 'the Soviet-led military alliance of 1955 to 1991' },
  { term: '2+4 Treaty', pattern: /2\+4/, meaning: 'the 1990 treaty of the two German states and the four victors of the Second World War (the United States, the Soviet Union, Britain and France) that settled German unity' },
  { term: 'Partnership for Peace', pattern: /Partnership for Peace|\bPfP\b/, meaning: 'NATO\'s cooperation programme with non-members, launched in 1994' },
  { term: 'Istanbul pledges', pattern: /\bIstanbul\b/, meaning: 'Russia\'s promises of 1999 to close bases in Georgia and leave Moldova' },
  { term: 'CFE', pattern: /\bCFE\b/, meaning: 'the treaty on Conventional Armed Forces in Europe, which limits tanks, guns and aircraft' },
  { term: 'PACE', pattern: /\bPACE\b/, meaning: 'the Parliamentary Assembly of the Council of Europe' },
  { term: 'precondition', pattern: /\bprecondition/i, meaning: 'something the members expect of a candidate before inviting it, such as democracy or peaceful borders' },
];

/** The glossary entries whose term the text uses, in the glossary's order. */
export function glossaryFor(text: string): { term: string; meaning: string }[] {
  return GLOSSARY.filter((g) => g.pattern.test(text)).map(({ term, meaning }) => ({ term, meaning }));
}
