import posix from 'path-browserify';

/**
 * node:path in the page: Node's own POSIX implementation, ported (path-browserify). Relative
 * paths resolve from the working folder of files.ts, through the process stand-in.
 */
export const { resolve, relative, dirname, basename, extname, join, isAbsolute, normalize, parse, format } = posix;
export const sep = '/';
export const delimiter = ':';
export { posix };
export default posix;
