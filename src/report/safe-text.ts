import { showUnsafeCharacters } from '../model/unsafe-characters.js';

/**
 * The one place that makes a user's string (a title, a file name, a seed, an argument) safe for
 * the medium it is printed in. Each function shows terminal controls and bidirectional overrides
 * as visible escapes first (see unsafe-characters.ts), then applies the medium's own rules.
 */

/** Text for a terminal: controls, ESC sequences and bidi overrides shown as `\u001b`, never obeyed. */
export function terminalText(s: string): string {
  return showUnsafeCharacters(s);
}

/**
 * Text safe in Markdown: punctuation that could start markup (emphasis, links, HTML tags, table
 * cells) is backslash-escaped, so a scenario's strings print as written and never become HTML
 * in a renderer.
 */
export function markdownText(s: string): string {
  return markdownTextPart(oneLine(s), true);
}

/** Text on one line, its unsafe characters shown and its runs of white space one space. */
function oneLine(s: string): string {
  return showUnsafeCharacters(s).replace(/\s+/g, ' ').trim();
}

/**
 * Text as a Markdown code span: fenced by one backtick more than its longest run of backticks,
 * with a space inside the fence when it starts or ends with a backtick (CommonMark strips one
 * such space), so no text can close the span early.
 */
export function markdownCode(s: string): string {
  const text = showUnsafeCharacters(s).replace(/\s+/g, ' ');
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text safe in HTML element content and quoted attributes. */
export function htmlText(s: string): string {
  return showUnsafeCharacters(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A web address in running text (http or https only: no other scheme becomes a link). */
const WEB_ADDRESS = /https?:\/\/[^\s<>"'`\\]+/g;

/**
 * A text cut into its words and its web addresses, each address without the punctuation that
 * ends the clause around it ("…17413.htm; FRUS", "…manystates, commit") or a closing parenthesis
 * it did not open ("(https://time.com/5564207/)").
 */
function withAddresses(s: string): { readonly text: string; readonly address: boolean }[] {
  const parts: { text: string; address: boolean }[] = [];
  let at = 0;
  for (const m of s.matchAll(WEB_ADDRESS)) {
    let url = m[0];
    for (;;) {
      const unbalanced = url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0);
      if (/[.,;:!?]$/.test(url) || unbalanced) url = url.slice(0, -1);
      else break;
    }
    if (!/^https?:\/\/[^/]/.test(url)) continue;
    if (m.index > at) parts.push({ text: s.slice(at, m.index), address: false });
    parts.push({ text: url, address: true });
    at = m.index + url.length;
  }
  if (at < s.length) parts.push({ text: s.slice(at), address: false });
  return parts;
}

/**
 * Text safe in Markdown whose web addresses are links with their ends marked (`<https://…>`): a
 * renderer that finds bare addresses by itself takes a closing semicolon into the address, and
 * the link it makes is broken.
 */
export function markdownLinkedText(s: string): string {
  return withAddresses(oneLine(s))
    .map((p, i) => (p.address ? `<${p.text}>` : markdownTextPart(p.text, i === 0)))
    .join('');
}

/** A piece of markdownText that may sit mid-line: the marks that only start a line are escaped only at its start. */
function markdownTextPart(s: string, first: boolean): string {
  const escaped = s.replace(/[\\`*[\]<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`);
  return first ? escaped.replace(/^[>#]|^[-+](?= )/, (c) => `\\${c}`) : escaped;
}

/** A cell that is a number as written (`-0.05`, `1e-7`): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A text cell that a
 * spreadsheet would read as a formula (it starts with = + - @ tab or carriage return) gets a
 * leading apostrophe, as OWASP's CSV-injection guidance says; numbers stay numbers.
 */
export function csvCell(s: string): string {
  const shown = showUnsafeCharacters(s);
  const text = /^[=+\-@\t\r]/.test(shown) && !PLAIN_NUMBER.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(text) || text !== shown ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What every page needs whatever its own CSS: a word longer than the line (a URL, a name with no
 * space) breaks instead of running past the page's edge and being cut off in print. In a table
 * cell only `anywhere` lets the column narrow; a table that fits is laid out as before.
 */
const BASE_CSS = 'body { overflow-wrap: break-word; }\ntd, th { overflow-wrap: anywhere; }\n';

/** A self-contained HTML page: its title (escaped here), inline CSS, and body parts already escaped; no script, no external asset. */
export function htmlPage(title: string, css: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(title)}</title>`,
    `<style>${BASE_CSS}${css}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
