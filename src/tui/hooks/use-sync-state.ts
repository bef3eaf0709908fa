import { useRef, useState } from 'react';

/**
 * useState whose latest value handlers can read at once, before React renders again. The key
 * router already hands each key on after the render of the one before (use-keys.ts); the ref
 * keeps a handler right that sets a value and reads it in the same call, or that runs from a
 * timer or a worker's message rather than a key.
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
