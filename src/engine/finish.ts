import type { BranchState } from './state.js';
import type { CompiledModel } from './model.js';
import { StageCode } from './codes.js';
import type { Tracer } from './trace.js';

/** How a branch ends: its exit, year, the actor named and the reason. */
export function finish(m: CompiledModel, s: BranchState, exit: number, actor: number, reason: number, trace: Tracer | null): void {
  s.stage = StageCode.done;
  s.exit = exit;
  s.exitYear = s.year;
  s.blockerActor = actor;
  s.blockerReason = reason;
  if (trace !== null) trace.push({ kind: 'end', year: s.year, exit, actor, reason });
}
