import { rangeHandler } from '../runs/ranges.js';
import { serveHandler } from './serve.js';

/** A Web Worker of the page that runs ranges of branches for the live results. */
serveHandler(rangeHandler);
