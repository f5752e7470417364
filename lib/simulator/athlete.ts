import type { Rng } from "./prng";

/** Who wears a simulated watch: what shapes their heart-rate curve. */
export interface AthleteProfile {
  age: number;
  /** Fitness from 0 (untrained) to 1 (athlete). */
  fitness: number;
  maxHr: number;
  restingHr: number;
  /** Heart rate when the workout starts: resting plus a little nervousness, about 70. */
  startHr: number;
  /** Seconds the heart takes to cover 63 % of a step up in effort. */
  riseTauS: number;
  /** Same for a step down; fit hearts recover faster. */
  fallTauS: number;
  /** bpm per minute of sustained effort (cardiac drift); smaller when fit. */
  driftPerMinute: number;
  /** Standard deviation of the sensor and beat-to-beat noise, bpm. */
  noiseSd: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Draws a plausible adult: Tanaka max HR with individual spread, resting HR by fitness. */
export function createAthleteProfile(rng: Rng): AthleteProfile {
  const age = rng.int(18, 65);
  const fitness = rng.float();
  // Real max HR scatters around Tanaka by about ±7 bpm (one sd).
  const maxHr = Math.round(clamp(208 - 0.7 * age + rng.normal(0, 7), 150, 210));
  const restingHr = Math.round(clamp(72 - fitness * 24 + rng.normal(0, 3), 42, 85));
  return {
    age,
    fitness,
    maxHr,
    restingHr,
    startHr: Math.round(clamp(rng.normal(70, 4), restingHr + 2, 90)),
    riseTauS: 18 + (1 - fitness) * 14 + rng.range(0, 6),
    fallTauS: 25 + (1 - fitness) * 30 + rng.range(0, 8),
    driftPerMinute: 0.05 + (1 - fitness) * 0.15,
    noiseSd: rng.range(1.5, 3),
  };
}

/**
 * Efforts are fractions of the wearer's max HR, the measure HeartLake's
 * default zones use (moderate from 64 %, high from 77 %), so a planned easy
 * interval lands in moderate and a hard one in high for every wearer.
 */
export const bpmAtFraction = (profile: AthleteProfile, fraction: number) => fraction * profile.maxHr;

export const fractionAt = (profile: AthleteProfile, bpm: number) => bpm / profile.maxHr;
