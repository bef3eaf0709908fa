import { debateHandler } from '../runs/debate.js';
import { serveHandler } from './serve.js';

/** A Web Worker of the page that runs the debate view's paired branches. */
serveHandler(debateHandler);
