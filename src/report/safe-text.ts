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
  return showUnsafeCharacters(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*[\]<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|^[>#]|^[-+](?= )/g, (c) => `\\${c}`);
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
