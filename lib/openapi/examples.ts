import type { z } from "zod";
import type { HealthReport } from "@/lib/health/check-health";
import type { WorkoutRef } from "@/lib/workouts/workouts";
import type { OpenApiExample } from "./openapi-types";
import type { healthUnavailableSchema, importResultSchema, readingsAcceptedSchema } from "./response-schemas";

/**
 * Example bodies for the document. Every reading in them is valid when the
 * server's clock reads EXAMPLE_NOW and the device's zone is EXAMPLE_TIME_ZONE;
 * the unit tests run each one through the real parser at that moment.
 */
export const EXAMPLE_NOW = Date.parse("2023-11-23T14:10:00.000Z");
export const EXAMPLE_TIME_ZONE = "UTC";
export const EXAMPLE_WORKOUT_ID = "0b7e6a3c-1d2f-4a5b-8c9d-0e1f2a3b4c5d";

/** The Wear OS watch's payload exactly as it sends it (CONTEXT.md §1). */
export const LEGACY_PAYLOAD_EXAMPLE = {
  playerId: "p-17",
  heartbeat: 128.0,
  createdAt: [2023, 11, 23, 14, 5, 9, 123000000],
};

export const READING_EXAMPLE = { ts: "2023-11-23T14:05:09.123Z", bpm: 128 };

export const BATCH_EXAMPLE = {
  readings: [
    { ts: "2023-11-23T14:05:09.123Z", bpm: 128 },
    { ts: "2023-11-23T14:05:10.123Z", bpm: 129 },
    { ts: 1700748311123, bpm: 131.5 },
  ],
};

export const NDJSON_EXAMPLE = [
  '{"ts":"2023-11-23T14:05:09.123Z","bpm":128}',
  '{"ts":"2023-11-23T14:05:10.123Z","bpm":129}',
  '{"ts":1700748311123,"bpm":131.5}',
  "",
].join("\n");

/** application/json bodies of POST /api/v1/readings, one per accepted shape. */
export const READINGS_JSON_EXAMPLES: Record<string, OpenApiExample> = {
  batch: { summary: "A batch of readings (up to 1,000)", value: BATCH_EXAMPLE },
  reading: { summary: "One reading, ISO-8601 time", value: READING_EXAMPLE },
  readingInWorkout: {
    summary: "One reading, epoch milliseconds, in a workout started with POST /api/v1/workouts",
    value: { ts: 1700748309123, bpm: 131.5, workoutId: EXAMPLE_WORKOUT_ID },
  },
  legacy: {
    summary: "The legacy watch payload, unchanged",
    description: "createdAt is read in the device's time zone; this example assumes UTC.",
    value: LEGACY_PAYLOAD_EXAMPLE,
  },
  legacyArray: {
    summary: "An array of legacy payloads (seconds and nanos may be left out)",
    value: [LEGACY_PAYLOAD_EXAMPLE, { playerId: "p-17", heartbeat: 129.5, createdAt: [2023, 11, 23, 14, 5, 10] }],
  },
};

export const READINGS_NDJSON_EXAMPLES: Record<string, OpenApiExample> = {
  lines: { summary: "One reading per line (up to 10,000 lines)", value: NDJSON_EXAMPLE },
};

export const ACCEPTED_EXAMPLE: z.input<typeof readingsAcceptedSchema> = {
  accepted: 3,
  workoutIds: [EXAMPLE_WORKOUT_ID],
};

export const START_WORKOUT_EXAMPLES: Record<string, OpenApiExample> = {
  running: { summary: "A run, with the watch's own id for retries", value: { sport: "running", clientId: "run-0042" } },
  empty: { summary: "No details: sport defaults to other", value: {} },
};

export const ACTIVE_WORKOUT_EXAMPLE: WorkoutRef = {
  id: EXAMPLE_WORKOUT_ID,
  sport: "running",
  status: "ACTIVE",
  startedAt: "2023-11-23T14:04:58.000Z",
  endedAt: null,
};

export const ENDED_WORKOUT_EXAMPLE: WorkoutRef = {
  ...ACTIVE_WORKOUT_EXAMPLE,
  status: "ENDED",
  endedAt: "2023-11-23T14:52:31.000Z",
};

/** A two-hour ride from a bike computer: GPS fixes before the strap paired, two contact losses. */
export const IMPORT_RESULT_EXAMPLE: z.input<typeof importResultSchema> = {
  workoutId: EXAMPLE_WORKOUT_ID,
  format: "fit",
  sport: "cycling",
  accepted: 7184,
  skipped: { noHeartRate: 14, outOfRange: 2, noTimestamp: 0, duplicateTimestamp: 0 },
};

export const HEALTHY_EXAMPLE: HealthReport = {
  ok: true,
  checkedAt: "2023-11-23T14:10:00.000Z",
  dependencies: [
    { name: "kafka", ok: true, latencyMs: 12.4, detail: "1 broker(s), controller 1, cluster heartlake-local" },
    { name: "hdfs", ok: true, latencyMs: 8.1, detail: "GETFILESTATUS / -> directory" },
    { name: "postgres", ok: true, latencyMs: 2.3, detail: "SELECT 1 -> 1" },
  ],
};

export const UNHEALTHY_EXAMPLE: z.input<typeof healthUnavailableSchema> = {
  code: "DEPENDENCY_UNAVAILABLE",
  message: "Unavailable: kafka: no answer within 2000 ms",
  details: {
    ...HEALTHY_EXAMPLE,
    ok: false,
    dependencies: HEALTHY_EXAMPLE.dependencies.map((d) =>
      d.name === "kafka" ? { ...d, ok: false, latencyMs: 2000.6, detail: "no answer within 2000 ms" } : d,
    ),
  },
};
