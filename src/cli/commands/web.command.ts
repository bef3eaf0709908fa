import { defineCommand } from '../command-spec.js';
import { options } from './web.options.js';

/** `article10 web`: its options; the work is in web.ts. */
export const webSpec = defineCommand({
  name: 'web',
  summary: 'serve the web explorer (built by `npm run web`) on this computer and print its address',
  arguments: [],
  options,
  helpAfter:
    '\nThe web explorer is a static page: the same engine in the browser, in Web Workers, with sliders, the\n' +
    'debate view, stories and a link that holds your changes. Nothing is computed on the server, which only\n' +
    'sends files; web-dist/ can be copied to any static host instead. Ctrl-C stops serving.\n\n' +
    'Examples:\n  npx article10 web\n  npx article10 web --port 0\n  npx article10 web --host 0.0.0.0 --port 8080   (for a classroom network)',
  action: async (_args, flags) => (await import('./web.js')).webCommand(flags),
});
