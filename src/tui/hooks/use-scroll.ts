import type { Key } from 'ink';
import { useState } from 'react';
import { useKeys } from './use-keys.js';

/**
 * The first line shown of `total` lines in a view `height` rows tall: ↑/↓ (k/j) scroll a line,
 * PgUp/PgDn (and Space) a page. Other keys go to `other`.
 */
export function useScroll(total: number, height: number, active: boolean, other?: (input: string, key: Key) => void): number {
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, total - height);
  const page = Math.max(1, height - 1);
  useKeys(
    (input, key) => {
      if (key.upArrow || input === 'k') setTop((t) => Math.max(0, Math.min(maxTop, t) - 1));
      else if (key.downArrow || input === 'j') setTop((t) => Math.min(maxTop, t + 1));
      else if (key.pageUp) setTop((t) => Math.max(0, Math.min(maxTop, t) - page));
      else if (key.pageDown || input === ' ') setTop((t) => Math.min(maxTop, t + page));
      else other?.(input, key);
    },
    active,
  );
  return Math.min(top, maxTop);
}
