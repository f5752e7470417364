/** One heart-rate reading as the rollups see it; validated at the boundary before it gets here. */
export interface HeartRateReading {
  /** Unique per message; a retried message carries the same id. */
  readingId: string;
  deviceId: string;
  workoutId: string;
  /** Epoch milliseconds, UTC, an integer. */
  ts: number;
  bpm: number;
}
