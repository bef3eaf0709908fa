import type { Distribution, Param } from '../model/distribution.js';
import { belowBit, bitsBelow, drawBits, hashName, Purpose, UNIT, yearKey } from './rng.js';
import { betaQuantile } from './beta-quantile.js';
import { boxMuller, normalCdf, normalQuantile } from './normal.js';

/**
 * Every numeric parameter of a scenario lives in one flat table. Fixed values are
 * written once; distributions are sampled once per branch into the same array, so the
 * hot loop reads plain numbers by index.
 */
export const DistCode = { Fixed: 0, Uniform: 1, Triangular: 2, Beta: 3, Normal: 4, Bernoulli: 5 } as const;

/**
 * When a branch first needs a parameter. Most branches never apply, let alone reach a vote
 * or ratification, so those parameters are drawn only when the branch gets there, and the
 * size of a rule's or event's effects only when it first acts (`owned`: what uses them draws
 * them itself, as a rule or event does its sizes, the levels their precondition's values, and
 * a ratification round each member's months at the round's pace). Each draw is keyed by the
 * parameter's path, so drawing late gives the very same value.
 */
export const Phase = { start: 0, vote: 1, ratification: 2, application: 3, owned: 4 } as const;
export type PhaseValue = (typeof Phase)[keyof typeof Phase];
export const PHASES = 5;

export class ParamTable {
  readonly paths: string[] = [];
  readonly params: Param[] = [];
  private readonly phases: PhaseValue[] = [];
  private readonly index = new Map<string, number>();

  /** Registers a parameter under its scenario path and returns its slot. */
  add(path: string, param: Param, phase: PhaseValue = Phase.start): number {
    const known = this.index.get(path);
    if (known !== undefined) return known;
    const slot = this.paths.length;
    this.paths.push(path);
    this.params.push(param);
    this.phases.push(phase);
    this.index.set(path, slot);
    return slot;
  }

  /** The slots among these whose parameter is a distribution: what must be drawn per branch. */
  randomAmong(slots: readonly number[]): Int32Array {
    return Int32Array.from(new Set(slots.filter((slot) => slot >= 0 && this.params[slot]!.dist.kind !== 'fixed')));
  }

  slotOf(path: string): number | undefined {
    return this.index.get(path);
  }

  freeze(): FrozenParams {
    const n = this.paths.length;
    const fixedValues = new Float64Array(n);
    const random: number[][] = Array.from({ length: PHASES }, () => []);
    const code = new Uint8Array(n);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const c = new Float64Array(n);
    const d = new Float64Array(n);
    const key = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const dist = this.params[i]!.dist;
      key[i] = hashName(this.paths[i]!);
      encode(dist, i, code, a, b, c, d);
      if (dist.kind === 'fixed') fixedValues[i] = dist.value;
      else random[this.phases[i]!]!.push(i);
    }
    const randomByPhase = random.map((slots) => Int32Array.from(slots));
    return { paths: this.paths, params: this.params, fixedValues, randomSlots: Int32Array.from(random.flat()), randomByPhase, code, a, b, c, d, key };
  }
}

export interface FrozenParams {
  readonly paths: readonly string[];
  readonly params: readonly Param[];
  readonly fixedValues: Float64Array;
  /** Slots that must be sampled per branch, all phases. */
  readonly randomSlots: Int32Array;
  /** The same, by phase (see Phase). */
  readonly randomByPhase: readonly Int32Array[];
  readonly code: Uint8Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  /** Stable per-parameter key (hash of its path): its draws do not move when others are added. */
  readonly key: Uint32Array;
}

/** Bounds of a normal narrower than this many sd are drawn as uniform (see encode). */
const NARROW_NORMAL = 1e-3;

function encode(dist: Distribution, i: number, code: Uint8Array, a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array): void {
  switch (dist.kind) {
    case 'fixed':
      code[i] = DistCode.Fixed;
      a[i] = dist.value;
      return;
    case 'uniform':
      code[i] = DistCode.Uniform;
      a[i] = dist.min;
      b[i] = dist.max;
      return;
    case 'triangular':
      code[i] = DistCode.Triangular;
      a[i] = dist.min;
      b[i] = dist.mode;
      c[i] = dist.max;
      // Draws below this fall left of the mode (see belowBit).
      d[i] = bitsBelow((dist.mode - dist.min) / (dist.max - dist.min));
      return;
    case 'beta':
      code[i] = DistCode.Beta;
      a[i] = dist.alpha;
      b[i] = dist.beta;
      c[i] = dist.min;
      d[i] = dist.max;
      return;
    case 'normal': {
      // Bounds much closer together than one sd (the mean lies between them) leave a flat
      // density: within 1/1000 sd it varies by under 1e-6, while the CDF (error 1.5e-7) cannot
      // tell the bounds apart, and an sd of 1e9 over [0, 1] drew 13.5. It is drawn uniform.
      if ((dist.max - dist.min) / dist.sd < NARROW_NORMAL) {
        code[i] = DistCode.Uniform;
        a[i] = dist.min;
        b[i] = dist.max;
        return;
      }
      // Truncation by inverse CDF: keep Φ at both bounds so one uniform gives one draw.
      code[i] = DistCode.Normal;
      a[i] = dist.mean;
      b[i] = dist.sd;
      c[i] = normalCdf((dist.min - dist.mean) / dist.sd);
      d[i] = normalCdf((dist.max - dist.mean) / dist.sd);
      return;
    }
    case 'bernoulli':
      code[i] = DistCode.Bernoulli;
      a[i] = dist.p;
      // The draw's threshold in 31-bit units, so that sampling needs no branch (see belowBit).
      d[i] = bitsBelow(dist.p);
      return;
  }
}

/**
 * Writes this branch's value of the given random parameters into `values`. Each value is
 * stored where it is computed: a helper returning a double that is not inlined would box it.
 */
export function sampleParams(p: FrozenParams, branchKey: number, values: Float64Array, slots: Int32Array = p.randomSlots): void {
  sampleParamRange(p, branchKey, values, slots, 0, slots.length);
}

/** The same for slots[from .. to) only. */
export function sampleParamRange(p: FrozenParams, branchKey: number, values: Float64Array, slots: Int32Array, from: number, to: number): void {
  const key0 = yearKey(branchKey, 0);
  const codes = p.code;
  const keys = p.key;
  const as = p.a;
  const bs = p.b;
  for (let j = from; j < to; j++) {
    const i = slots[j]!;
    const bits = drawBits(key0, keys[i]!, Purpose.param);
    const u = bits * UNIT;
    const a = as[i]!;
    switch (codes[i]) {
      case DistCode.Bernoulli:
        values[i] = belowBit(bits, p.d[i]!);
        break;
      case DistCode.Uniform:
        values[i] = a + (bs[i]! - a) * u;
        break;
      case DistCode.Triangular: {
        const b = bs[i]!;
        const c = p.c[i]!;
        const span = c - a;
        if (span <= 0) {
          values[i] = a;
          break;
        }
        // a + √(u·span·(b − a)) left of the mode, c − √((1 − u)·span·(c − b)) right of it: the
        // side is picked by arithmetic, not by a branch, which would be mispredicted half the time.
        // With `left` 0 or 1 and every term finite, x·1 + y·0 is exactly x.
        const left = belowBit(bits, p.d[i]!);
        const right = 1 - left;
        const side = left * (u * span * (b - a)) + right * ((1 - u) * span * (c - b));
        values[i] = left * a + right * c + (left - right) * Math.sqrt(side);
        break;
      }
      case DistCode.Normal:
        values[i] = truncatedNormal(p, i, u);
        break;
      case DistCode.Beta:
        values[i] = scaledBeta(p, i, branchKey);
        break;
      default:
        values[i] = a;
    }
  }
}

/**
 * Parameter i's value at the quantile u of its distribution (u in (0, 1)): how a parameter is
 * drawn when its draw leans with others' through a copula (the pace of a ratification round),
 * rather than on its own (sampleParams).
 */
export function paramAt(p: FrozenParams, i: number, u: number): number {
  const a = p.a[i]!;
  switch (p.code[i]) {
    case DistCode.Bernoulli:
      return u < a ? 1 : 0;
    case DistCode.Uniform:
      return a + (p.b[i]! - a) * u;
    case DistCode.Triangular: {
      const b = p.b[i]!;
      const c = p.c[i]!;
      const span = c - a;
      if (span <= 0) return a;
      return u * span < b - a ? a + Math.sqrt(u * span * (b - a)) : c - Math.sqrt((1 - u) * span * (c - b));
    }
    case DistCode.Normal:
      return truncatedNormal(p, i, u);
    case DistCode.Beta:
      return p.c[i]! + (p.d[i]! - p.c[i]!) * betaQuantile(a, p.b[i]!, u);
    default:
      return a;
  }
}

function truncatedNormal(p: FrozenParams, i: number, u: number): number {
  const a = p.a[i]!;
  const b = p.b[i]!;
  const lo = p.c[i]!;
  const hi = p.d[i]!;
  const q = normalQuantile(lo + (hi - lo) * u);
  const x = a + b * q;
  // Clamp guards the far tails, where the CDF approximation is coarsest.
  const min = a + b * normalQuantile(lo);
  const max = a + b * normalQuantile(hi);
  return x < min ? min : x > max ? max : x;
}

function scaledBeta(p: FrozenParams, i: number, branchKey: number): number {
  const key = p.key[i]!;
  const g1 = gamma(p.a[i]!, branchKey, key, 0);
  const g2 = gamma(p.b[i]!, branchKey, key, 1);
  const x = g1 / (g1 + g2);
  return p.c[i]! + (p.d[i]! - p.c[i]!) * x;
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang. Each attempt draws from its own place, so the
 * rejection loop stays deterministic; shape < 1 uses the boost Gamma(shape+1)·U^(1/shape).
 */
function gamma(shape: number, branchKey: number, key: number, which: number): number {
  const boost = shape < 1;
  const s = boost ? shape + 1 : shape;
  const dd = s - 1 / 3;
  const cc = 1 / Math.sqrt(9 * dd);
  const base = 1 + which * 4096;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const slot = base + attempt * 3;
    const z = boxMuller(drawBits(yearKey(branchKey, slot), key, Purpose.param) * UNIT, drawBits(yearKey(branchKey, slot + 1), key, Purpose.param) * UNIT);
    const v0 = 1 + cc * z;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = drawBits(yearKey(branchKey, slot + 2), key, Purpose.param) * UNIT;
    if (Math.log(1 - u) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) {
      const g = dd * v;
      return boost ? g * Math.pow(1 - drawBits(yearKey(branchKey, base + 3000), key, Purpose.param) * UNIT, 1 / shape) : g;
    }
  }
  return s - 1 / 3;
}
