import type { Rewrite } from './levers.js';

/** The algebra of rewrites the search walks with: each function returns a new rewrite, paths kept sorted. */

/** The units a parameter is moved by in a rewrite (0 when it is not changed). */
export function zOf(r: Rewrite, path: string): number {
  return r.shifts.find((s) => s.path === path)?.z ?? 0;
}

/** The rewrite with the parameter at z units (z = 0 drops it). */
export function withShift(r: Rewrite, path: string, z: number): Rewrite {
  const rest = r.shifts.filter((s) => s.path !== path);
  const shifts = z === 0 ? rest : [...rest, { path, z }];
  return { shifts: shifts.sort((a, b) => (a.path < b.path ? -1 : 1)), flips: r.flips };
}

export function withFlip(r: Rewrite, path: string): Rewrite {
  return { shifts: r.shifts, flips: [...r.flips, path].sort() };
}

export function withoutChange(r: Rewrite, path: string): Rewrite {
  return { shifts: r.shifts.filter((s) => s.path !== path), flips: r.flips.filter((f) => f !== path) };
}

/** A rewrite's identity: equal keys, equal rewrites. */
export function keyOf(r: Rewrite): string {
  return `${r.shifts.map((s) => `${s.path}=${s.z}`).join(',')}|${r.flips.join(',')}`;
}

/** What a rewrite changes, whatever the sizes: two rewrites that move the same values and switch the same switches share it. */
export function supportOf(r: Rewrite): string {
  return `${r.shifts.map((s) => `${s.path}${s.z > 0 ? '+' : '-'}`).join(',')}|${r.flips.join(',')}`;
}

export function changeCount(r: Rewrite): number {
  return r.shifts.length + r.flips.length;
}

/** Units rounded to hundredths, as moves are written. */
export function roundZ(z: number): number {
  return Math.round(z * 100) / 100;
}
