declare module 'path-browserify' {
  import type { PlatformPath } from 'node:path';
  const posix: PlatformPath;
  export default posix;
}
