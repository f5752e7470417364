/**
 * A small seeded PRNG, so a simulated run can be replayed exactly from its
 * seed (Math.random cannot be seeded). mulberry32: 32 bits of state, fast,
 * and statistically plenty for fake heart rates.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Gaussian (Box-Muller). */
  normal(mean: number, sd: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    float,
    range: (min, max) => min + float() * (max - min),
    int: (min, max) => min + Math.floor(float() * (max - min + 1)),
    normal: (mean, sd) => {
      // 1 - float() is in (0, 1], so the log is finite.
      const u = 1 - float();
      const v = float();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => float() < p,
  };
}

/**
 * A seed for one part of a run (one watch), independent of every other part:
 * watch 7 gets the same workout whether the run has 10 watches or 100.
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) {
    // splitmix32-style mixing of each part into the seed.
    h = Math.imul(h ^ (part >>> 0), 0x9e3779b1) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}
