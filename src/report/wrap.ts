/** Word-wraps text to lines of at most `width` characters (long words are cut). */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((x) => x !== '')) {
      for (let rest = word; rest.length > 0; ) {
        const room = line === '' ? w : w - line.length - 1;
        if (rest.length <= room) {
          line = line === '' ? rest : `${line} ${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, w));
          rest = rest.slice(w);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}
