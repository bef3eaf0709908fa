/** Small number and array helpers of the hot loop. */

/** Loops beat TypedArray#fill and #set on arrays this small: the builtins' call overhead dominates. */
export function fillF64(a: Float64Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

export function fillI32(a: Int32Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

export function fillU8(a: Uint8Array, v: number): void {
  for (let i = 0; i < a.length; i++) a[i] = v;
}

/** Maps [0, 1) to (0, 1) so the inverse CDF stays finite. */
export function unitOpen(u: number): number {
  return u + 1 / 8589934592;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
