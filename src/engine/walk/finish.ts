import { StageCode, type ExitCodeValue } from '../codes.js';
import type { BranchState } from './state.js';
import type { CompiledModel } from '../model.js';
import type { Tracer } from './trace.js';

/** The actor slot after the Allies': several Allies alike, none standing out (see describeActor). */
export function alikeActor(m: CompiledModel): number {
  return m.allyCount;
}

/** How a branch ends: its exit, in `month` (a month index; its year is the exit's year), the actor named and the reason. */
export function finish(s: BranchState, exit: ExitCodeValue, actor: number, reason: number, month: number, trace: Tracer | null): void {
  s.stage = StageCode.done;
  s.exit = exit;
  s.exitYear = Math.floor(month / 12);
  s.exitMonth = month;
  s.blockerActor = actor;
  s.blockerReason = reason;
  if (trace !== null) trace.push({ kind: 'end', year: s.year, month, exit, actor, reason });
}
