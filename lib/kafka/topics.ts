/** Kafka topic names and consumer groups: the one place they are spelled. */
export const TOPICS = {
  /** Accepted readings, keyed by workout id so one workout stays in order in one partition. */
  readings: "heartrate.readings",
  /** Records the workers could not use, with the reason. */
  readingsDlq: "heartrate.readings.dlq",
  /** Per-workout updates the web server pushes to browsers. */
  workoutUpdates: "workout.updates",
} as const;
