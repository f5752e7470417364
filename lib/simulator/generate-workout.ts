import { createAthleteProfile, type AthleteProfile } from "./athlete";
import { DEFAULT_ARTIFACT_RATES, scheduleSamples, type ArtifactRates } from "./artifacts";
import { simulateHeartRate } from "./heart-rate-model";
import { createRng, deriveSeed } from "./prng";
import { planWorkout, type Phase } from "./workout-plan";

/** One reading as a watch sends it. */
export interface SimReading {
  /** Epoch milliseconds. */
  ts: number;
  bpm: number;
  /** Workout second the watch sends it at (duplicates go a little after their original). */
  sendS: number;
}

export interface SimulatedWorkout {
  watch: number;
  profile: AthleteProfile;
  phases: Phase[];
  startMs: number;
  /** In send order, duplicates included. */
  readings: SimReading[];
  duplicates: number;
  dropouts: { startS: number; durationS: number }[];
}

export interface GenerateWorkoutInput {
  seed: number;
  /** Index of the watch in the run; with the seed, it fixes the whole workout. */
  watch: number;
  /** Whole seconds of workout, one reading per second. */
  totalS: number;
  /** Epoch ms of the first second; floored to a whole second. */
  startMs: number;
  rates?: ArtifactRates;
}

/** A complete, reproducible workout for one watch: pure, no clock, no I/O. */
export function generateWorkout({
  seed,
  watch,
  totalS,
  startMs,
  rates = DEFAULT_ARTIFACT_RATES,
}: GenerateWorkoutInput): SimulatedWorkout {
  // Separate streams, so changing the artifact rates leaves the curve alone.
  const profileRng = createRng(deriveSeed(seed, watch, 1));
  const curveRng = createRng(deriveSeed(seed, watch, 2));
  const artifactRng = createRng(deriveSeed(seed, watch, 3));
  const profile = createAthleteProfile(profileRng);
  const phases = planWorkout(profileRng, profile, totalS);
  const bpms = simulateHeartRate(curveRng, profile, phases, totalS);
  // Each watch samples at its own point in the second, like real ones do.
  const phaseMs = artifactRng.int(0, 899);
  const { samples, dropouts } = scheduleSamples(artifactRng, totalS, phaseMs, rates);
  const start = Math.floor(startMs / 1000) * 1000;
  const readings = samples.map(({ s, sendS, ms }) => ({ ts: start + s * 1000 + ms, bpm: bpms[s] ?? 0, sendS }));
  return {
    watch,
    profile,
    phases,
    startMs: start,
    readings,
    duplicates: samples.filter((sample) => sample.duplicate).length,
    dropouts,
  };
}
