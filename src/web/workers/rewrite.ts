import { rewriteHandler } from '../runs/rewrite.js';
import { serveHandler } from './serve.js';

/** A Web Worker of the page that searches for the least rewrite. */
serveHandler(rewriteHandler);
