import type { Condition } from '../model/scenario.js';
import { StageCode, TrackCode } from './codes.js';
import type { Predicate } from './model.js';

export interface NameIndex {
  precondition(id: string): number;
  event(id: string): number;
  ally(code: string): number;
}

/** Compiles a structured condition into a closure. Conditions are data: nothing is evaluated as code. */
export function compileCondition(c: Condition, names: NameIndex): Predicate {
  switch (c.kind) {
    case 'all': {
      const parts = c.of.map((x) => compileCondition(x, names));
      if (parts.length === 0) return () => true;
      return (s) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(s)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = c.of.map((x) => compileCondition(x, names));
      return (s) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(s)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(c.of, names);
      return (s) => !inner(s);
    }
    case 'year': {
      const from = c.from ?? -Infinity;
      const to = c.to ?? Infinity;
      return (s) => s.year >= from && s.year <= to;
    }
    case 'stage': {
      const code = StageCode[c.is];
      return (s) => s.stage === code;
    }
    case 'track': {
      const code = TrackCode[c.is];
      return (s) => s.track === code;
    }
    case 'met': {
      const k = names.precondition(c.precondition);
      return (s) => s.met[k] === 1;
    }
    case 'level': {
      const k = names.precondition(c.precondition);
      const below = c.below ?? Infinity;
      const atLeast = c.atLeast ?? -Infinity;
      return (s) => s.level[k]! < below && s.level[k]! >= atLeast;
    }
    case 'event': {
      const e = names.event(c.occurred);
      return (s) => s.eventFired[e] === 1;
    }
    case 'member': {
      const i = names.ally(c.ally);
      return (s) => s.isMember(i);
    }
  }
}
