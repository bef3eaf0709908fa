import { shifted, type Lever, type Rewrite } from '../../analysis/rewrite-search/levers.js';
import type { Scenario } from '../../model/scenario.js';
import { getParam, setParamIn } from '../../scenario/param-paths.js';
import { flipSwitchIn } from '../../scenario/switch-paths.js';
import { markEdited } from './edits.js';
import { claimAlly, type ItemAction } from './item-actions.js';

/**
 * A point of the rewrite front applied to the scenario on screen as one undoable edit: each
 * value moved as the search moved it (marked as the user's assumption, as any edit is), each
 * switch flipped. `s` is the scenario the search started from, which must be the one on screen.
 */
export function rewriteEdit(s: Scenario, levers: ReadonlyMap<string, Lever>, rewrite: Rewrite, label: string): ItemAction {
  if (rewrite.shifts.length + rewrite.flips.length === 0) return { type: 'note', note: 'that point is the scenario as it is: nothing to apply' };
  return {
    type: 'edit',
    label,
    recipe: (draft) => {
      for (const { path, z } of rewrite.shifts) {
        const lever = levers.get(path);
        const before = getParam(s, path);
        if (lever?.kind !== 'param' || before === undefined) continue;
        setParamIn(draft, path, markEdited(before, { ...shifted(lever, z), source: before.source, note: before.note }));
        const ally = /^allies\.([^.]+)\./.exec(path)?.[1];
        if (ally !== undefined) claimAlly(draft, ally);
      }
      for (const path of rewrite.flips) flipSwitchIn(draft, path);
    },
  };
}
