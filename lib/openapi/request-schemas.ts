import { CREATED_AT_FIELDS } from "@/lib/readings/created-at";
import { z } from "zod";
import { legacyReadingSchema } from "@/lib/readings/legacy-reading-schema";
import {
  BPM_MAX,
  BPM_MIN,
  DEFAULT_MAX_BATCH,
  MAX_READING_AGE_MS,
  MAX_READING_LEAD_MS,
} from "@/lib/readings/reading-rules";
import { bpmSchema, readingSchema } from "@/lib/readings/reading-schema";
import { startWorkoutSchema } from "@/lib/workouts/workouts";
import type { JsonSchema } from "./openapi-types";
import { inlineJsonSchema } from "./standalone-schema";

/**
 * The item schemas are factories of server time and the device's zone; any
 * fixed values give the same shape, because the time window they enforce is a
 * check JSON Schema cannot express. It is written into the descriptions instead.
 */
const SHAPE_NOW = 0;
const SHAPE_TIME_ZONE = "UTC";

const days = (ms: number) => ms / 86_400_000;
const minutes = (ms: number) => ms / 60_000;

/** The accepted window for a reading's time, in words. */
export const TIME_WINDOW_TEXT =
  `It must lie between ${days(MAX_READING_AGE_MS)} days before and ${minutes(MAX_READING_LEAD_MS)} minutes ` +
  "after the server's clock when the request arrives; anything outside is rejected with VALIDATION_FAILED.";

/**
 * How zod's output for a schema is corrected where zod cannot see a rule:
 * `merge` adds keywords (bounds from `.check()`, descriptions), `replace`
 * swaps the whole schema (inputs that zod reads as `unknown` and transforms).
 */
export type SchemaPatch = { merge: JsonSchema } | { replace: JsonSchema };

/** A `ts` value that is a string: the same check timestamp.ts applies (RFC 3339, seconds required). */
const isoDateTime = z.iso.datetime({ offset: true });

function timestampJsonSchema(): JsonSchema {
  const iso = inlineJsonSchema(isoDateTime);
  return {
    description: `When the heart rate was measured. ${TIME_WINDOW_TEXT}`,
    anyOf: [
      { ...iso, description: 'ISO-8601 date-time with seconds and Z or ±HH:MM, e.g. "2023-11-23T14:05:09.123Z".' },
      {
        type: "integer",
        minimum: Number.MIN_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: "Whole epoch milliseconds (UTC), e.g. 1700748309123; not seconds.",
      },
    ],
  };
}

function createdAtJsonSchema(): JsonSchema {
  return {
    description:
      "A Java LocalDateTime as Jackson writes it: [year, month, day, hour, minute, second?, nanoOfSecond?]. " +
      "Second and nanoOfSecond may be left out (they default to 0). It carries no zone: it is read as wall-clock " +
      "time in the device's IANA time zone, set when the watch is paired (UTC by default). The day must exist in " +
      `that month (no 2023-02-30). ${TIME_WINDOW_TEXT}`,
    type: "array",
    prefixItems: CREATED_AT_FIELDS.map(({ name, min, max }) => ({
      type: "integer" as const,
      title: name,
      minimum: min,
      maximum: max,
    })),
    items: false,
    minItems: 5,
    maxItems: CREATED_AT_FIELDS.length,
  };
}

const count = (n: number) => n.toLocaleString("en-US");

/** The request schemas the API validates with, plus the wrappers json-body.ts accepts around them. */
export function createRequestSchemas() {
  const reading = readingSchema(SHAPE_NOW).describe(
    "One heart-rate reading. Without workoutId the server groups the device's readings into workouts: " +
      "a gap longer than the server's session gap (SESSION_GAP_MINUTES, 10 by default) starts a new one.",
  );
  const legacy = legacyReadingSchema(SHAPE_NOW, SHAPE_TIME_ZONE).describe(
    "The original Wear OS watch payload, accepted unchanged. An object with playerId, heartbeat or createdAt " +
      "is read as this format.",
  );
  const batch = z
    .strictObject({ readings: z.array(reading).min(1).max(DEFAULT_MAX_BATCH) })
    .describe(`Up to ${count(DEFAULT_MAX_BATCH)} readings in one request; all are accepted or none.`);
  const legacyArray = z
    .array(legacy)
    .min(1)
    .max(DEFAULT_MAX_BATCH)
    .describe(`Up to ${count(DEFAULT_MAX_BATCH)} legacy payloads in one request (the old app's batch); all or none.`);
  const startWorkout = startWorkoutSchema.describe(
    "Starts a workout. An empty body is the same as {}. Any workout still open on the device is ended first.",
  );
  const schemas = { reading, legacy, batch, legacyArray, startWorkout };
  return { schemas, patches: patchesFor(schemas) };
}

interface RequestSchemas {
  reading: ReturnType<typeof readingSchema>;
  legacy: ReturnType<typeof legacyReadingSchema>;
  startWorkout: typeof startWorkoutSchema;
}

/** Found by identity: the same zod instances are inside the components being converted. */
function patchesFor({ reading, legacy, startWorkout }: RequestSchemas): Map<z.core.$ZodType, SchemaPatch> {
  const describe = (description: string): SchemaPatch => ({ merge: { description } });
  return new Map<z.core.$ZodType, SchemaPatch>([
    [reading.in.shape.ts, { replace: timestampJsonSchema() }],
    [legacy.in.shape.createdAt, { replace: createdAtJsonSchema() }],
    [
      bpmSchema,
      {
        merge: {
          minimum: BPM_MIN,
          maximum: BPM_MAX,
          description: `Beats per minute, ${BPM_MIN} to ${BPM_MAX} inclusive; fractions are allowed.`,
        },
      },
    ],
    [
      reading.in.shape.workoutId,
      describe(
        "A workout of this device, from POST /api/v1/workouts (any case; stored lower-case). " +
          "Omit it to let the server group readings into workouts.",
      ),
    ],
    [legacy.in.shape.playerId, describe("The watch's id for the wearer; kept for tracing only.")],
    [
      startWorkout.shape.sport,
      describe('Free text such as "running", 1 to 40 characters after trimming; stored lower-case. Default "other".'),
    ],
    [
      startWorkout.shape.clientId,
      describe("The watch's own id for this workout: a retried start returns the same workout."),
    ],
  ]);
}
