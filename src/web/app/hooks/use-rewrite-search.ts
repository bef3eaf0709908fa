import { useEffect, useRef, useState } from 'react';
import type { RewriteReport } from '../../../analysis/rewrite-search/run.js';
import type { Scenario } from '../../../model/scenario.js';
import type { RewriteAsk } from '../../runs/rewrite.js';
import { RewriteClient } from '../state/workers.js';

export type SearchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly ask: RewriteAsk; readonly evaluations: number }
  | { readonly kind: 'done'; readonly ask: RewriteAsk; readonly report: RewriteReport; readonly scenario: Scenario }
  | { readonly kind: 'failed'; readonly ask: RewriteAsk; readonly message: string };

/** The rewrite search in its worker: one at a time, cancelled when a new one starts or the view closes. */
export function useRewriteSearch() {
  const client = useRef<RewriteClient>(undefined);
  client.current ??= new RewriteClient();
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  useEffect(() => () => client.current?.cancel(), []);
  const start = (ask: RewriteAsk) => {
    setState({ kind: 'running', ask, evaluations: 0 });
    client.current!.start(ask, (reply) => {
      if (reply.kind === 'progress') setState({ kind: 'running', ask, evaluations: reply.evaluations });
      else if (reply.kind === 'done') setState({ kind: 'done', ask, report: reply.report, scenario: reply.scenario });
      else setState({ kind: 'failed', ask, message: reply.message });
    });
  };
  const cancel = () => {
    client.current!.cancel();
    setState({ kind: 'idle' });
  };
  return { state, start, cancel };
}
