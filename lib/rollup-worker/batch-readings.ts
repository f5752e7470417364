import type { BatchReading, DecodedRecord, PoisonRecord } from "./batch-types";

/** A workout as PostgreSQL has it: the owner of every reading stored for it. */
export interface KnownWorkout {
  id: string;
  userId: string;
  deviceId: string;
}

export interface BatchReadings {
  /** In offset order, then message order: the order "first stored wins" is decided in. */
  readings: BatchReading[];
  poison: PoisonRecord[];
}

/** The distinct workout ids of decoded messages, lower-cased as PostgreSQL prints uuids. */
export function getWorkoutIds(decoded: readonly DecodedRecord[]): string[] {
  return [...new Set(decoded.map((d) => d.message.workoutId.toLowerCase()))];
}

/**
 * Flattens messages into readings of known workouts. A message whose workout
 * does not exist, or belongs to another device, is poison: its readings
 * would otherwise be credited to the wrong person. User and device come from
 * the workout row, never from the message, so they are real uuids.
 */
export function toBatchReadings(
  decoded: readonly DecodedRecord[],
  workouts: ReadonlyMap<string, KnownWorkout>,
): BatchReadings {
  const result: BatchReadings = { readings: [], poison: [] };
  for (const { record, message } of decoded) {
    const workout = workouts.get(message.workoutId.toLowerCase());
    if (!workout || workout.deviceId !== message.deviceId.toLowerCase()) {
      const detail = workout
        ? `workout ${message.workoutId} belongs to another device than ${message.deviceId}`
        : `workout ${message.workoutId} does not exist in PostgreSQL`;
      result.poison.push({ record, reason: "UNKNOWN_WORKOUT", detail });
      continue;
    }
    for (const reading of message.readings) {
      result.readings.push({
        readingId: reading.id.toLowerCase(),
        workoutId: workout.id,
        deviceId: workout.deviceId,
        userId: workout.userId,
        ts: reading.ts,
        bpm: reading.bpm,
        receivedAt: message.receivedAt,
        offset: record.offset,
      });
    }
  }
  return result;
}
