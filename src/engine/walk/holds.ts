import { DEPENDS, Leaf, Op, settledIndex, TRUE, type Predicate } from '../condition.js';
import { conditionLevelOf, metOf } from './levels.js';
import type { BranchState } from './state.js';

/** Whether a compiled condition (see condition.ts) holds in a branch, as it stands now. */

/** Evaluates a compiled condition against the branch's current state. */
export function holds(p: Predicate, s: BranchState): boolean {
  const situation = settledIndex(s.year - p.startYear, s.stage, s.track);
  const settled = p.settled[situation]!;
  return settled === DEPENDS ? dependsOnBranch(p, s, situation) : settled === TRUE;
}

/** A condition the situation does not settle: a single leaf read directly, else the program. */
export function dependsOnBranch(p: Predicate, s: BranchState, situation: number): boolean {
  switch (p.leafKind[situation]) {
    case Leaf.met:
      return (metOf(s.model, s, p.leaf[situation]!) === 1) !== (p.leafNegated[situation] === 1);
    case Leaf.event:
      return (s.eventFired[p.leaf[situation]!] === 1) !== (p.leafNegated[situation] === 1);
    default:
      return runProgram(p, s);
  }
}

/** Runs the program of a condition that the year, stage and track do not settle. */
function runProgram(p: Predicate, s: BranchState): boolean {
  const ops = p.ops;
  const nums = p.nums;
  const stack = p.stack;
  let top = 0;
  for (let pc = 0; pc < ops.length; pc += 3) {
    const a = ops[pc + 1]!;
    const b = ops[pc + 2]!;
    let v = 0;
    switch (ops[pc]) {
      case Op.true:
        v = 1;
        break;
      case Op.year:
        v = s.year >= nums[a]! && s.year <= nums[b]! ? 1 : 0;
        break;
      case Op.stage:
        v = s.stage === a ? 1 : 0;
        break;
      case Op.track:
        v = s.track === a ? 1 : 0;
        break;
      case Op.met:
        v = metOf(s.model, s, a);
        break;
      case Op.level: {
        const level = conditionLevelOf(s.model, s, a);
        v = level < nums[b]! && level >= nums[b + 1]! ? 1 : 0;
        break;
      }
      case Op.event:
        v = a >= 0 ? s.eventFired[a]! : 0;
        break;
      case Op.member:
        v = s.isMember(a) ? 1 : 0;
        break;
      case Op.and: {
        v = 1;
        for (let i = 0; i < a; i++) v &= stack[--top]!;
        break;
      }
      case Op.or: {
        v = 0;
        for (let i = 0; i < a; i++) v |= stack[--top]!;
        break;
      }
      case Op.not:
        v = 1 - stack[--top]!;
        break;
    }
    stack[top++] = v;
  }
  return stack[0] === 1;
}
