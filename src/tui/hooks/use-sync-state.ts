import { useRef, useState } from 'react';

/**
 * useState whose latest value handlers can read at once. Keys that arrive in one chunk (a
 * paste, a fast key repeat) are handled before React renders again; reading the ref instead
 * of the rendered value keeps three ↓ from counting as one.
 */
export function useSyncState<T>(initial: T): [T, (next: T) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(initial);
  const set = (next: T) => {
    ref.current = next;
    setValue(next);
  };
  return [value, set, ref];
}
