import { compile } from '../../engine/index.js';
import type { Distribution, Param } from '../../model/distribution.js';
import { rangeBounds } from '../../model/catalog/numbers.js';
import type { Scenario } from '../../model/scenario.js';
import { paramKind } from '../../scenario/param-kinds.js';
import { getParam, scenarioParams, setParam } from '../../scenario/param-paths.js';
import { switchState, withSwitches } from '../../scenario/switch-paths.js';
import { moments, momentShift } from '../rewrite/moments.js';

/**
 * What a rewrite may change: a parameter the engine reads (moved along its range in units of
 * its documented uncertainty, as the rewrite distance measures) or a rule or event switched.
 * Named by the paths --set uses: `allies.US.consent`, `rules.baker-dream`, `events.chechnya2`.
 */
export interface ParamLever {
  readonly kind: 'param';
  readonly path: string;
  /** One unit of z: the baseline's sd, or the kind's default scale for a fixed value. */
  readonly scale: number;
  readonly scaleFrom: 'sd' | 'default';
  readonly param: Param;
  /** The rule or event the value is inside, and whether it is on at the start: the value counts, and acts, only while it is on. */
  readonly within?: { readonly path: string; readonly on: boolean };
}

export interface SwitchLever {
  readonly kind: 'switch';
  /** `rules.<id>` or `events.<id>`. */
  readonly path: string;
  readonly on: boolean;
}

export type Lever = ParamLever | SwitchLever;

/** A rewrite: parameters shifted by z (nonzero) and switches flipped, both sorted by path. */
export interface Rewrite {
  readonly shifts: readonly { readonly path: string; readonly z: number }[];
  readonly flips: readonly string[];
}

export const NO_REWRITE: Rewrite = { shifts: [], flips: [] };

/** `*` matches any run of characters, dots included: `allies.*.consent`, `rules.*`. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  return (path) => patterns.some((p) => globMatches(p, path));
}

/**
 * Whether `pattern` matches the whole of `text`, in at most |pattern| × |text| steps. Not a
 * regular expression: `.*` repeated backtracks exponentially, and an --allow of forty `*` and a
 * letter held the command for minutes. Each `*` is tried against ever longer runs, going back
 * only to the last `*` seen: a later `*` can absorb whatever an earlier one would have.
 */
function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      starText = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * The levers of a scenario: every parameter the engine reads with every rule and event on, and
 * every rule and event, kept when `allow` (if any) matches them and `fix` does not. A value
 * inside a rule or event that is off is a lever only while its switch is one: it acts, and
 * counts, once the rewrite switches that rule or event on.
 */
export function scenarioLevers(s: Scenario, allow: readonly string[], fix: readonly string[]): Lever[] {
  const allowed = allow.length === 0 ? () => true : globMatcher(allow);
  const fixed = globMatcher(fix);
  const keep = (path: string) => allowed(path) && !fixed(path);
  const switches = [...s.rules.map((r) => ({ path: `rules.${r.id}`, on: r.enabled })), ...s.events.map((e) => ({ path: `events.${e.id}`, on: e.enabled }))];
  const switchable = switches.filter((w) => keep(w.path));
  const read = new Set(compile(withSwitches(s, () => true)).params.paths);
  const out: Lever[] = [];
  for (const { path, param } of scenarioParams(s)) {
    if (!read.has(path) || !keep(path)) continue;
    const within = switches.find((w) => path.startsWith(`${w.path}.`));
    // Inside a rule or event that is off for good (its switch fixed): never read.
    if (within !== undefined && !within.on && !switchable.includes(within)) continue;
    const sd = moments(param.dist).sd;
    const fromSd = sd > 1e-12;
    out.push({ kind: 'param', path, param, scale: fromSd ? sd : paramKind(path).scale, scaleFrom: fromSd ? 'sd' : 'default', ...(within !== undefined && { within }) });
  }
  for (const w of switchable) out.push({ kind: 'switch', path: w.path, on: w.on });
  return out;
}

/**
 * The rewrite without the moves it makes of values inside a rule or event it leaves off: they
 * change nothing the engine reads and cost nothing, so a rewrite with them is the same rewrite.
 */
export function actingRewrite(levers: ReadonlyMap<string, Lever>, rewrite: Rewrite): Rewrite {
  const acting = rewrite.shifts.filter((s) => {
    const lever = levers.get(s.path);
    return lever?.kind !== 'param' || onAfter(lever, rewrite);
  });
  return acting.length === rewrite.shifts.length ? rewrite : { shifts: acting, flips: rewrite.flips };
}

/** Whether the rewrite leaves on the rule or event a value is inside (always, for a value inside none). */
function onAfter(lever: ParamLever, rewrite: Rewrite): boolean {
  return lever.within === undefined || lever.within.on !== rewrite.flips.includes(lever.within.path);
}

/** Every path the scenario has a lever for, read or not (to check --allow and --fix against). */
export function knownPaths(s: Scenario): string[] {
  return [...scenarioParams(s).map((e) => e.path), ...s.rules.map((r) => `rules.${r.id}`), ...s.events.map((e) => `events.${e.id}`)];
}

/**
 * The rewrite distance of a rewrite from the start, as rewriteDistance measures the start with
 * it applied (the same terms, summed in the same order), without building and diffing the
 * scenario: √(Σ z²) over the moved parameters, each z the change of the moved distribution in
 * units of the lever's scale (a move held at the end of a range counts what it really moved),
 * plus 1 per switch. A parameter inside a rule or event that is off after the rewrite does not
 * act, so it does not count; one inside a rule or event switched on counts beside the switch.
 * `sizes` caches each lever's size of a move.
 */
export function leverDistance(levers: ReadonlyMap<string, Lever>, rewrite: Rewrite, sizes: Map<string, number> = new Map()): number {
  const zs: { path: string; z: number }[] = [];
  for (const { path, z } of rewrite.shifts) {
    const lever = levers.get(path);
    if (lever?.kind !== 'param' || !onAfter(lever, rewrite)) continue;
    const key = `${path}=${z}`;
    let size = sizes.get(key);
    if (size === undefined) sizes.set(key, (size = moveSize(lever, z)));
    if (size !== 0) zs.push({ path, z: size });
  }
  zs.sort((a, b) => b.z - a.z || (a.path < b.path ? -1 : 1));
  return Math.sqrt(zs.reduce((sum, c) => sum + c.z * c.z, 0)) + rewrite.flips.length;
}

/**
 * What a move of `z` units really moved, signed, in the units the distance counts (to two
 * decimals): a move held at the end of a range is shown at what it moved, so the changes listed
 * add up (√Σz²) to the distance given with them.
 */
export function movedBy(levers: ReadonlyMap<string, Lever>, path: string, z: number): number {
  const lever = levers.get(path);
  if (lever?.kind !== 'param') return z;
  return Math.sign(z) * (Math.round(moveSize(lever, z) * 100) / 100);
}

/** |z| of a move as the rewrite distance measures it: the change of mean and sd, in units of the lever's scale. */
function moveSize(lever: ParamLever, z: number): number {
  return momentShift(lever.param.dist, shifted(lever, z).dist).length / lever.scale;
}

/** The start with a rewrite applied. */
export function applyRewrite(start: Scenario, levers: ReadonlyMap<string, Lever>, rewrite: Rewrite): Scenario {
  let s = start;
  for (const { path, z } of rewrite.shifts) {
    const lever = levers.get(path);
    if (lever?.kind !== 'param') continue;
    s = setParam(s, path, shifted(lever, z)) ?? s;
  }
  if (rewrite.flips.length > 0) {
    const flip = new Set(rewrite.flips);
    s = withSwitches(s, (path, on) => (flip.has(path) ? !on : on));
  }
  return s;
}

/**
 * How many units the parameter can move in a direction (+1 up, -1 down) before its
 * distribution meets the end of the range its kind allows.
 */
export function reach(lever: ParamLever, direction: 1 | -1): number {
  const [lo, hi] = bounds(lever.path);
  const d = lever.param.dist;
  const [min, max] = d.kind === 'fixed' ? [d.value, d.value] : d.kind === 'bernoulli' ? [d.p, d.p] : [d.min, d.max];
  const room = direction > 0 ? hi - max : min - lo;
  return Math.max(0, room / lever.scale);
}

/** A starting point of the search and the counterfactual it comes from. */
export interface Seed {
  readonly from: string;
  readonly rewrite: Rewrite;
}

/**
 * The starting points from counterfactuals of the start's decision point (those that name it
 * as their baseline), in the order given: the bundled files' order, by file name. Pure: the
 * command reads the files (seeds.ts), the web explorer has them in its data.
 */
export function seedsToward(levers: readonly Lever[], counterfactuals: readonly Scenario[]): Seed[] {
  return counterfactuals.flatMap((other) => rewritesToward(levers, other).map((rewrite) => ({ from: other.id, rewrite })));
}

/**
 * The rewrites of the start (whose values and switches its levers hold) that another scenario
 * of the same decision point makes, as far as the levers reach: its switches alone, and its switches with its values, each moved by the
 * change of its mean (in units). A counterfactual file is where a search can start.
 */
export function rewritesToward(levers: readonly Lever[], other: Scenario): Rewrite[] {
  const flips: string[] = [];
  const shifts: { path: string; z: number }[] = [];
  for (const lever of levers) {
    if (lever.kind === 'switch') {
      const on = switchState(other, lever.path);
      if (on !== undefined && on !== lever.on) flips.push(lever.path);
      continue;
    }
    const theirs = getParam(other, lever.path);
    if (theirs === undefined) continue;
    const z = Math.round(((moments(theirs.dist).mean - moments(lever.param.dist).mean) / lever.scale) * 100) / 100;
    if (Math.abs(z) >= 0.05) shifts.push({ path: lever.path, z });
  }
  flips.sort();
  shifts.sort((a, b) => (a.path < b.path ? -1 : 1));
  const out: Rewrite[] = [];
  if (flips.length > 0) out.push({ shifts: [], flips });
  if (shifts.length > 0) out.push({ shifts, flips });
  return out;
}

function bounds(path: string): readonly [number, number] {
  return rangeBounds(paramKind(path).range);
}

/**
 * The parameter moved by z units of its scale: the whole distribution shifted (its spread kept,
 * so the move costs |z|), each end held to the range the schema allows there.
 */
export function shifted(lever: ParamLever, z: number): Param {
  const d = lever.param.dist;
  const by = z * lever.scale;
  const [lo, hi] = bounds(lever.path);
  const c = (x: number) => round(Math.min(hi, Math.max(lo, x + by)));
  const dist = ((): Distribution => {
    switch (d.kind) {
      case 'fixed':
        return { kind: 'fixed', value: c(d.value) };
      case 'bernoulli':
        return { kind: 'bernoulli', p: round(Math.min(1, Math.max(0, d.p + by))) };
      case 'uniform': {
        const [a, b] = [c(d.min), c(d.max)];
        return a < b ? { kind: 'uniform', min: a, max: b } : { kind: 'fixed', value: a };
      }
      case 'triangular': {
        const [a, m, b] = [c(d.min), c(d.mode), c(d.max)];
        return a < b ? { kind: 'triangular', min: a, mode: m, max: b } : { kind: 'fixed', value: a };
      }
      case 'beta': {
        const [a, b] = [c(d.min), c(d.max)];
        return a < b ? { ...d, min: a, max: b } : { kind: 'fixed', value: a };
      }
      case 'normal': {
        const [a, b] = [c(d.min), c(d.max)];
        return a < b ? { ...d, mean: round(d.mean + by), min: a, max: b } : { kind: 'fixed', value: a };
      }
    }
  })();
  // What it really moved (a move held at the end of a range moves less than asked), as the distance counts it.
  const moved = Math.sign(z) * (momentShift(lever.param.dist, dist).length / lever.scale);
  return { ...lever.param, dist, note: `Counterfactual: moved ${moved >= 0 ? '+' : ''}${moved.toFixed(2)} units of its uncertainty from the start` };
}

/** Values written to a saved file read as a person would type them. */
function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x;
}
