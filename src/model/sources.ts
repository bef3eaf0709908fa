/**
 * The fact sheet's source list. A `source` field in a scenario may name one or more of
 * these ids ("S31", "S31, S33"), a scenario's own `sources` entry, or a free citation.
 */
export const SOURCES: Readonly<Record<string, string>> = {
  S1: 'Minogue, "North Atlantic Treaty at 70—Art. 10", Emory ILR 34 (2019); https://www.nato.int/cps/en/natohq/official_texts_17120.htm',
  S2: 'Boeva & Novotny, "Article 6", Emory ILR 34; US Statutes at Large vol. 63',
  S3: 'Greece–Turkey protocol 1951-10-22 (athena.hri.org); FRUS 1952–54 v5 doc 142',
  S4: 'https://www.nato.int/cps/en/natohq/news_84445.htm',
  S5: 'FRG protocol (germanhistorydocs.org ghdi 3040); https://www.nato.int/cps/en/natohq/official_texts_17413.htm; FRUS 1952–54 v5p2 doc 257',
  S6: 'Reagan message to Senate 1982-01-26 (reaganlibrary.gov); El País 1981-12-11; sispain.org',
  S7: 'Senate Treaty Doc 105-36; CRS RL30192',
  S8: 'RFE/RL 2003-05-08',
  S9: 'CRS RL34701; DW 2008-07-09',
  S10: 'congress.gov Treaty Doc 114-12',
  S11: 'MIA; Defense News 2020-03-17',
  S12: 'NATO PA and Atlantic Council trackers; Deseret News 2022-08-04',
  S13: 'AFP 2024-01-25; Sofia Globe 2024-02-26; babel.ua 2024-03-07',
  S14: 'NATO Study on Enlargement (https://www.nato.int/docu/basictxt/enl-9502.htm)',
  S15: 'NATO MAP, NAC-S(99)66 (https://www.nato.int/cps/en/natohq/official_texts_27444.htm); NATO Review 2002',
  S16: 'history.com and Prospect on de Gaulle; academic.ru "Member states of NATO"',
  S17: 'Wilson Center CWIHP e-Dossier 27',
  S18: 'FRUS 1952–54 v5p1 docs 252–262; v7 doc 531',
  S19: 'TIME (https://time.com/5564207/)',
  S20: 'NSArchive: records of 1990-05-18 and 05-31; "What Gorbachev Heard"',
  S21: 'LA Times and Baltimore Sun 1991-12-21',
  S22: 'UPI 1993-08-25; The Independent 1993',
  S23: 'NSArchive "What Yeltsin Heard" (2018) and "Budapest Blow Up" (2021); Royce, Russia in Global Affairs 22(3) 2024; Sarotte, International Security 44(1) 2019',
  S24: 'RIA Novosti 2024-01-26 on the NSArchive 1994-01-14 transcript',
  S25: 'NATO Update 1994-01; Jamestown Monitor; LoC Country Study',
  S26: 'Baltimore Sun 1995-11-09',
  S27: 'Wikipedia "Second Chechen War" (https://en.wikipedia.org/wiki/Second_Chechen_War)',
  S28: 'NATO PA PJC chronology; https://www.nato.int/cps/en/natohq/topics_50090.htm',
  S29: 'Wikipedia "Incident at Pristina airport" (https://en.wikipedia.org/wiki/Incident_at_Pristina_airport)',
  S30: 'Adapted CFE Treaty summary (a weak secondary summary, kept for its dates); Civil Georgia 2003-02-20; Georgian foreign ministry 2001-11-21; factcheck.ge; Jamestown 2004',
  S31: 'Guardian 2021-11-04; Foreign Policy 2022-01-19',
  S32: 'TASS 2017-06-03/04',
  S33: 'The Times 2001-11-17; Irish Times 2001-12; FT 2002-04-13; Blair NRC speech (nato.int); Mail & Guardian 2002-05-31',
  S34: 'Munich speech text',
  S35: 'nato.int 2008-04-03; New Europe 2008-04-07',
  S36: 'Wikipedia "Timeline of the Russo-Georgian War" (https://en.wikipedia.org/wiki/Timeline_of_the_Russo-Georgian_War)',
  S37: 'Rogozin (Russian ambassador to NATO), 2009, as reported in the press and in his own collection NATO.ru (2009); secondary, not rechecked',
  S38: 'Freedom House ratings 1973–2024 xlsx (copy: https://github.com/pachadotdev/freedomhouse); FIW 2005 release',
  S39: 'Polity5 p5v2018 (copy: https://github.com/globalgov/manystates, commit ede7b7b)',
  S40: 'Simmons, Mobilizing for Human Rights (2009), App. 3.2 (copy in manystates)',
  S41: 'bpb.de chronicle 1994-08-31',
  S42: 'BBC 2001-03-28; Washington Times 2001-03-29; russianforces.org 2007',
  S43: 'Wikipedia "1993 Russian constitutional crisis" (https://en.wikipedia.org/wiki/1993_Russian_constitutional_crisis)',
  S44: 'Jamestown 2000-04; RFE/RL 2001-01-26',
  S45: 'Pew 2013, 2015 and 2020 reports; Washington Post 2022-06-22 (Pew 2022 known only from a secondary summary: weak)',
  S46: 'Chicago Council 2014-07-21',
  S47: "VTsIOM poll as reported by Pravda.ru (weak: a partisan outlet, year uncertain); Levada poll via Johnson's Russia List",
  S48: "No Russian application appears among NATO's accession records (nato.int enlargement pages); secondary accounts agree. Absence of a record, not a document",
  S49: 'interaffairs.ru, "Did Stalin want to join NATO?"',
  S50: 'NATO summit list: Wikipedia "NATO summit" (2024 revision); Italian Permanent Representation to NATO, "NATO Summits" page (to 2021)',
};

/** Source ids mentioned in a `source` field, in order. */
export function sourceIds(source: string): string[] {
  return source.match(/\bS\d+\b/g) ?? [];
}

/** Parts of a source field split on "," and ";" outside parentheses: "S5 (§2, R)" is one part. */
function splitCitations(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Resolve a source field to citations, scenario entries first. Parts are split on "," and
 * ";" outside parentheses; a part that names ids ("S40 (procedure)") yields each id, anything else is kept as
 * a free citation with no lookup.
 */
export function resolveSource(
  source: string,
  extra: Readonly<Record<string, string>> = {},
): { id: string; citation: string | undefined }[] {
  const out: { id: string; citation: string | undefined }[] = [];
  for (const part of splitCitations(source)) {
    const word = part.split(/\s/)[0]!;
    const ids = Object.hasOwn(extra, word) ? [word] : sourceIds(part);
    if (ids.length === 0) out.push({ id: part, citation: undefined });
    for (const id of ids) out.push({ id, citation: Object.hasOwn(extra, id) ? extra[id] : Object.hasOwn(SOURCES, id) ? SOURCES[id] : undefined });
  }
  return out;
}
