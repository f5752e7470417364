/**
 * Exact threshold arithmetic. `190 * 0.64` is 121.60000000000001 in floating
 * point, which would put a reading of exactly 121.6 bpm in the wrong level.
 * Heart rates are kept to tenths of a bpm and fractions to 4 decimals (0.01 %),
 * so a threshold is an integer over a power of ten: one division of exact
 * integers yields the double nearest the true decimal, i.e. the same double
 * as the literal `121.6`, and `>=` compares exactly as the spec reads.
 */

/** Heart rates (max, resting, Tanaka estimates) carry at most one decimal. */
export const BPM_DECIMALS = 1;
/** Threshold fractions carry at most four decimals, i.e. 0.01 %. */
export const FRACTION_DECIMALS = 4;

const BPM_SCALE = 10 ** BPM_DECIMALS;
const FRACTION_SCALE = 10 ** FRACTION_DECIMALS;

/** True when `value` has no more than `decimals` digits after the point (ignoring float noise). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Number.isFinite(scaled) && Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * `baseBpm + fraction × (maxBpm − baseBpm)`, exact to the nearest double, not
 * rounded to whole bpm. With `baseBpm` 0 it is a plain percentage of max; with
 * a resting heart rate it is the heart-rate-reserve (Karvonen) formula.
 */
export function bpmAtFraction(fraction: number, maxBpm: number, baseBpm = 0): number {
  const max = toScaled(maxBpm, BPM_DECIMALS, "maxBpm");
  const base = toScaled(baseBpm, BPM_DECIMALS, "baseBpm");
  const share = toScaled(fraction, FRACTION_DECIMALS, "fraction");
  return (base * FRACTION_SCALE + share * (max - base)) / (BPM_SCALE * FRACTION_SCALE);
}

function toScaled(value: number, decimals: number, name: string): number {
  // Silently rounding would move a threshold; the schema keeps user input in range.
  if (!hasAtMostDecimals(value, decimals)) {
    throw new RangeError(`${name} ${value} has more than ${decimals} decimal place(s)`);
  }
  return Math.round(value * 10 ** decimals);
}
