import { toBatches, type SimBatch } from "./batches";
import { generateWorkout, type SimulatedWorkout } from "./generate-workout";
import { createRng, deriveSeed } from "./prng";
import { workoutStartMs, type Speed } from "./timeline";

export interface PlanWatchesInput {
  seed: number;
  watches: number;
  totalS: number;
  speed: Speed;
  batchSeconds: number;
  now: number;
  /**
   * The instant the server will store for a sent timestamp (legacy wall times
   * can map back differently around a DST change); identity by default.
   */
  serverTs?: (watch: number, ts: number) => number;
}

/** Everything one watch will send, decided before anything is sent. */
export interface WatchPlan {
  workout: SimulatedWorkout;
  batches: SimBatch[];
  /** Whole epoch seconds the server will store readings for: what is left after its same-second dedupe. */
  seconds: Set<number>;
}

/** Plans every watch of a run: pure, so a seed replays the same run. */
export function planWatches(input: PlanWatchesInput): WatchPlan[] {
  const { seed, totalS, speed, batchSeconds, now, serverTs = (_watch, ts) => ts } = input;
  return Array.from({ length: input.watches }, (_, watch) => {
    const spread = createRng(deriveSeed(seed, watch, 4)).float();
    const startMs = workoutStartMs({ speed, now, totalS, spread, batchSeconds });
    const workout = generateWorkout({ seed, watch, totalS, startMs });
    return {
      workout,
      batches: toBatches(workout.readings, workout.startMs, batchSeconds),
      seconds: new Set(workout.readings.map((r) => Math.floor(serverTs(watch, r.ts) / 1000))),
    };
  });
}
