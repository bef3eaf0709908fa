import { useEffect, useMemo, useState } from 'react';
import type { BaselineLookup } from '../../analysis/rewrite/baseline.js';
import type { Scenario } from '../../model/scenario.js';
import { rewriteDistance, type RewriteDistance } from '../../analysis/rewrite/rewrite-distance.js';
import type { EditorState } from '../state/editor.js';
import type { Workspace } from '../workspace.js';

/** What the edited scenario is measured from: its baseline file, or (without one) the file as opened. */
export interface RewriteReference {
  readonly kind: 'baseline' | 'opened';
  readonly file: string;
  readonly scenario: Scenario;
}

export interface Rewrite {
  readonly reference: RewriteReference;
  /** The edited scenario's rewrite distance from the reference. */
  readonly distance: RewriteDistance;
  /** False while the baseline is still being looked for. */
  readonly known: boolean;
}

/**
 * The rewrite distance of the scenario on screen, updated on every edit: from the baseline the
 * opened file names (found as `run` finds it), so a counterfactual's own changes count with the
 * user's; for a file without a baseline (a historical one), from the file as opened, so the
 * user's edits are the rewrite.
 */
export function useRewrite(workspace: Workspace, editor: EditorState, notify: (note: string) => void): Rewrite {
  const [found, setFound] = useState<{ readonly of: Scenario; readonly lookup: BaselineLookup }>();
  const { file, original } = editor;
  useEffect(() => {
    let live = true;
    void workspace.findBaseline(file).then((lookup) => {
      if (!live) return;
      setFound({ of: original, lookup });
      if (lookup.kind === 'broken') notify(`cannot load the baseline ${workspace.displayPath(lookup.file)}: ${lookup.problems[0] ?? ''}; the rewrite counts your edits only`);
    });
    return () => {
      live = false;
    };
  }, [workspace, file, original]);
  const lookup = found?.of === original ? found.lookup : undefined;
  const reference = useMemo<RewriteReference>(
    () => (lookup?.kind === 'found' ? { kind: 'baseline', file: lookup.file, scenario: lookup.scenario } : { kind: 'opened', file, scenario: original }),
    [lookup, file, original],
  );
  const distance = useMemo(() => rewriteDistance(reference.scenario, editor.scenario), [reference, editor.scenario]);
  return { reference, distance, known: lookup !== undefined };
}
