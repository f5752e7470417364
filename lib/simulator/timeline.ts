/** How readings are paced: as the clock goes, or as fast as the server takes them. */
export type Speed = "realtime" | "max";

export interface StartTimeInput {
  speed: Speed;
  now: number;
  totalS: number;
  /** 0..1 from the watch's PRNG: spreads the watches so they do not send in lockstep. */
  spread: number;
  batchSeconds: number;
}

/**
 * Epoch ms of a watch's first reading. Realtime workouts start now (staggered
 * by up to one batch window); max-speed workouts are laid out to end up to a
 * minute before now, so every reading is already in the past and well inside
 * the API's 7-day window.
 */
export function workoutStartMs({ speed, now, totalS, spread, batchSeconds }: StartTimeInput): number {
  const second = Math.floor(now / 1000) * 1000;
  if (speed === "realtime") return second + Math.round(spread * batchSeconds) * 1000;
  return second - totalS * 1000 - Math.round(spread * 60) * 1000;
}
