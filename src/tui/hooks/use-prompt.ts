import { useRef, useState } from 'react';
import type { Prompt } from '../prompt.js';

export interface OpenPrompt {
  /** New for every question, so an answered prompt only closes itself. */
  readonly id: number;
  readonly prompt: Prompt;
}

/** The one question the message line can ask at a time. */
export function usePrompt(): { readonly open?: OpenPrompt; ask(prompt: Prompt): number; close(id: number): void } {
  const [open, setOpen] = useState<OpenPrompt>();
  const ids = useRef(0);
  return {
    open,
    ask(prompt) {
      const id = ++ids.current;
      setOpen({ id, prompt });
      return id;
    },
    close: (id) => setOpen((p) => (p?.id === id ? undefined : p)),
  };
}
