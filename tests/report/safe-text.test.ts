import { describe, expect, test } from 'vitest';
import { unsafeCharacterIn } from '../../src/model/unsafe-characters.js';
import { csvCell, htmlText, markdownCode, markdownLinkedText, markdownText, terminalText } from '../../src/report/safe-text.js';

/** The one place that makes a user's string safe for each medium. */

describe('terminal text', () => {
  test.each([
    ['window title (OSC 0)', 'a\u001b]0;owned\u0007b', 'a\\u001b]0;owned\\u0007b'],
    ['clear screen', '\u001b[2J\u001b[H', '\\u001b[2J\\u001b[H'],
    ['OSC 8 hyperlink', '\u001b]8;;http://x\u001b\\y\u001b]8;;\u001b\\', '\\u001b]8;;http://x\\u001b\\y\\u001b]8;;\\u001b\\'],
    ['one-character CSI', 'a\u009b2Jb', 'a\\u009b2Jb'],
    ['right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['NUL, carriage return and DEL', 'a\u0000b\rc\u007f', 'a\\u0000b\\u000dc\\u007f'],
  ])('%s is shown, not obeyed', (_name, input, shown) => {
    expect(terminalText(input)).toBe(shown);
  });

  test('tab, newline and ordinary text outside ASCII pass as they are', () => {
    const text = 'Ankara\tΑθήνα\nМосква – 2000 · ✓';
    expect(terminalText(text)).toBe(text);
  });

  test('a refusal names the character and where it is', () => {
    expect(unsafeCharacterIn('Title\u001b[2J')).toBe('U+001B (ESC) at character 6');
    expect(unsafeCharacterIn('x\u202e')).toBe('U+202E (right-to-left override) at character 2');
    // Characters as a reader counts them: the crab before it is one, not two UTF-16 units.
    expect(unsafeCharacterIn('🦀\u001b')).toBe('U+001B (ESC) at character 2');
    expect(unsafeCharacterIn('plain text')).toBeUndefined();
  });
});

describe('Markdown', () => {
  test.each([
    ['no backticks', 'a b', '`a b`'],
    ['one backtick', 'a`b', '``a`b``'],
    ['a run of three, ending in one', 'a```b`', '```` a```b` ````'],
    ['starts with a backtick', '`a', '`` `a ``'],
  ])('a code span around %s cannot be closed from inside', (_name, input, span) => {
    expect(markdownCode(input)).toBe(span);
  });

  test('text outside code spans escapes markup and shows controls', () => {
    expect(markdownText('*bold* <b> `x`\u001b[2J')).toBe('\\*bold\\* \\<b> \\`x\\`\\\\u001b\\[2J');
  });
});

describe('web addresses in a citation', () => {
  // A renderer that links bare addresses itself takes a closing semicolon into the link (GFM): the page it opens does not exist.
  const citation = 'FRG protocol; https://www.nato.int/cps/en/natohq/official_texts_17413.htm; FRUS 1952–54 (copy: https://github.com/globalgov/manystates, commit x) TIME (https://time.com/5564207/).';

  test('in Markdown each address is a link with its ends marked, without the punctuation after it', () => {
    expect(markdownLinkedText(citation)).toBe(
      'FRG protocol; <https://www.nato.int/cps/en/natohq/official_texts_17413.htm>; FRUS 1952–54 (copy: <https://github.com/globalgov/manystates>, commit x) TIME (<https://time.com/5564207/>).',
    );
    // The rest is escaped as markdownText escapes it; text without an address reads the same.
    expect(markdownLinkedText('*a* <b> see https://example.org/a_(b)')).toBe('\\*a\\* \\<b> see <https://example.org/a_(b)>');
    expect(markdownLinkedText('# a_b [c]')).toBe(markdownText('# a_b [c]'));
  });
});

describe('CSV', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+cmd', `"'+cmd"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
  ])('the text cell %j is not a formula', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  test.each(['-0.285', '+1', '-1e-7', '0.5', '-.5'])('the number %s stays a number', (n) => {
    expect(csvCell(n)).toBe(n);
  });

  test('RFC 4180 quoting of commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});

describe('HTML', () => {
  test('markup is escaped and controls shown', () => {
    expect(htmlText(`<script>"'&\u202e`)).toBe('&lt;script&gt;&quot;&#39;&amp;\\u202e');
  });
});
