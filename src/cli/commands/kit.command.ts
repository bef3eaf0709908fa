import { argument, defineCommand } from '../command-spec.js';
import { options } from './kit.options.js';

/** `article10 kit`: its arguments and options; the work is in kit.ts. */
export const kitSpec = defineCommand({
  name: 'kit',
  summary: 'a debate kit for a class: team A ("yes") and team B ("no") scenario files, a handout for each and a one-page teacher\'s guide',
  arguments: [argument('<decision-point>', 'a year with a bundled kit (1954, 1990, 2000), or a scenario of one of those years (bundled name or file) for the teams to extend')],
  options,
  helpAfter:
    '\nWrites into --out: team-a.yaml, team-b.yaml (each extends the decision point and sets the same contested values,\n' +
    'each with its source), team-a-handout.html, team-b-handout.html (one page each, centred on that team) and\n' +
    "teachers-guide.html (a 45-minute lesson, what to look at, the questions). Given a scenario file, the kit copies it\n" +
    'as decision-point.yaml and the teams extend that copy.\n\nExample:\n  article10 kit 1990 --out class-1990',
  action: async ([point], flags) => (await import('./kit.js')).kitCommand(point, flags),
});
