import type { Scenario } from '../model/scenario.js';

const CANDIDATE: Readonly<Record<string, string>> = {
  interest: 'yearly chance its leadership seeks membership',
  domesticOpposition: 'chance domestic opposition stops an application',
  acceptsStandardPath: 'chance it accepts the standard path (not special status)',
  withdrawal: 'yearly chance it withdraws an application',
};

const PROCESS: Readonly<Record<string, string>> = {
  'standardPath.minYears': 'standard path: years of preparation before a vote',
  'standardPath.readiness': 'standard path: share of preconditions the Allies ask',
  'specialTrack.minYears': 'special track: years before a vote',
  'specialTrack.readiness': 'special track: share of preconditions the Allies ask',
  'specialTrack.consentPenalty': 'consent every Ally loses over a special-status demand',
  protocolMonths: 'months from invitation to protocol',
  cohesion: 'Alliance cohesion (how far the Allies vote alike)',
};

const PRECONDITION: Readonly<Record<string, string>> = {
  level: 'level at the decision point',
  drift: 'expected change per year',
  volatility: 'yearly noise',
  threshold: 'level at which it counts as met',
};

const ALLY: Readonly<Record<string, string>> = {
  consent: 'consent, all else neutral',
  threat: 'threat perception',
  holdoutLift: 'yearly chance a hold-out lifts',
  'ratification.pass': 'chance ratification passes',
  'ratification.months': 'months to ratify',
};

const EFFECT: Readonly<Record<string, string>> = {
  consent: 'shift of consent',
  interest: 'shift of interest',
  withdrawal: 'shift of withdrawal',
  standardPath: 'shift of accepting the standard path',
  precondition: 'change of a precondition',
  hazard: "shift of another event's chance",
  delay: 'ratification delay',
};

/**
 * A reader's name for a parameter path: "Russia: chance it accepts the standard path",
 * "United States: consent", "Istanbul pledges kept: level". Unknown shapes come back as the path.
 */
export function paramLabel(s: Scenario, path: string): string {
  const [head, id, ...rest] = path.split('.');
  const tail = rest.join('.');
  switch (head) {
    case 'candidate':
      // "Soviet Union (Russia from 1991-12)" reads as "Soviet Union" in a label.
      return CANDIDATE[id!] === undefined ? path : `${s.candidate.name.replace(/\s*\(.*\)\s*$/, '')}: ${CANDIDATE[id!]}`;
    case 'process':
      return PROCESS[[id, ...rest].join('.')] ?? path;
    case 'preconditions': {
      const p = s.preconditions.find((x) => x.id === id);
      return p === undefined || PRECONDITION[tail] === undefined ? path : `${p.label}: ${PRECONDITION[tail]}`;
    }
    case 'allies': {
      const a = s.allies.find((x) => x.code === id);
      if (a === undefined) return path;
      if (rest[0] === 'weights') return `${a.name}: weight of "${s.preconditions.find((p) => p.id === rest[1])?.label ?? rest[1]}"`;
      return ALLY[tail] === undefined ? path : `${a.name}: ${ALLY[tail]}`;
    }
    case 'rules': {
      const effect = s.rules.find((r) => r.id === id)?.effects[Number(rest[1])];
      return effect === undefined ? path : `rule ${id}: ${EFFECT[effect.kind] ?? effect.kind}`;
    }
    case 'events': {
      const e = s.events.find((x) => x.id === id);
      if (e === undefined) return path;
      if (rest[0] === 'hazard') return `event "${e.label}": yearly chance`;
      const effect = e.effects[Number(rest[1])];
      return effect === undefined ? path : `event ${id}: ${EFFECT[effect.kind] ?? effect.kind}`;
    }
    default:
      return path;
  }
}
