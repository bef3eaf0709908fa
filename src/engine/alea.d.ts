// The alea generator alone (seedrandom/lib/alea.js): the package's index also loads five other
// generators and node:crypto, which a run never uses.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: (seed?: string) => seedrandom.PRNG;
  export default alea;
}
