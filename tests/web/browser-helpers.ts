import type { Browser } from 'playwright-core';
import { builtPageDir } from '../../src/io/paths.js';
import { startCli } from '../helpers/cli.js';

/** Debian's Chromium, which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

export interface Served {
  readonly url: string;
  readonly exit: Promise<number | null>;
  stop(): Promise<void>;
}

/** `article10 web --port 0` on the built page (built first if it is not), as a user starts it. */
export async function serveBuiltPage(): Promise<Served> {
  if (builtPageDir() === undefined) await (await import('../../src/web/build/site.js')).buildSite();
  const { child, done } = startCli(['web', '--port', '0'], { timeoutMs: 600_000 });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer | string) => {
      seen += String(d);
      const m = /^(http:\/\/\S+)\n/.exec(seen);
      if (m) resolve(m[1]!);
    });
    void done.then((r) => reject(new Error(`article10 web exited: ${r.stderr}`)));
  });
  return {
    url,
    exit: done.then((r) => r.code),
    async stop() {
      child.kill('SIGTERM');
      await done;
    },
  };
}

/**
 * Text the reader cannot see whole: the page wider than the window, or an element with text
 * that overflows a box that hides its overflow, or lies outside the window's width. Selects
 * are left out: a long title is cut in the closed picker, and shown whole under it.
 */
export function clippedText(): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!(el instanceof HTMLElement) || el.closest('.visually-hidden') !== null || el.tagName === 'SELECT' || el.tagName === 'OPTION') continue;
    const style = getComputedStyle(el);
    // Hidden on purpose, as .visually-hidden and an unfocused skip button are: clipped to nothing.
    if (style.display === 'none' || style.visibility === 'hidden' || el.offsetParent === null || style.clipPath === 'inset(50%)') continue;
    const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!hasText) continue;
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)} overflows its box (${el.scrollWidth} > ${el.clientWidth})`);
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) problems.push(`${describe(el)} lies outside the window (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
    for (let up = el.parentElement; up !== null; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const outer = up.getBoundingClientRect();
      if (box.right > outer.right + 1 || box.bottom > outer.bottom + 1) problems.push(`${describe(el)} is cut by ${describe(up)}`);
      break;
    }
  }
  return problems;
}

/**
 * Visible text whose contrast with what lies behind it is under WCAG AA's: 4.5:1, or 3:1 for
 * large text (24px, or 18.66px bold). Disabled controls are left out, as WCAG leaves them.
 */
export function lowContrastText(): string[] {
  const rgba = (c: string) => (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const behind = (el: Element) => {
    for (let up: Element | null = el; up !== null; up = up.parentElement) {
      const c = rgba(getComputedStyle(up).backgroundColor);
      if ((c[3] ?? 1) > 0.5) return c;
    }
    return [255, 255, 255];
  };
  const problems: string[] = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!(el instanceof HTMLElement) || el.closest('.visually-hidden, :disabled') !== null || el.offsetParent === null) continue;
    if (!Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const [fg, bg] = [luminance(rgba(style.color)), luminance(behind(el))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) problems.push(`${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, '.')} "${(el.textContent ?? '').trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
  }
  return problems;
}
