import { z } from "zod";
import { DEPENDENCIES } from "@/lib/health/check-health";
import { BPM_MAX, BPM_MIN } from "@/lib/readings/reading-rules";

/**
 * What the API answers. The routes build these bodies from TypeScript types
 * (ErrorBody, WorkoutRef, HealthReport, IngestAck, ImportResult) rather than validating
 * them, so these schemas exist for the document; the unit tests pin each one
 * to its type. Objects are open: clients must ignore fields they do not know.
 */

export const errorDetailSchema = z
  .object({
    index: z.int().min(0).optional().describe("Position of the bad item in the batch or NDJSON body (0-based)."),
    line: z.int().min(1).optional().describe("NDJSON bodies only: the 1-based line of the problem."),
    field: z
      .string()
      .describe(
        "Path inside the item, e.g. `bpm` or `createdAt[2]`; `reading` or `body` for the item or body as a whole.",
      ),
    message: z.string().describe("Self-contained and actionable; names the item, e.g. `readings[3].bpm: ...`."),
  })
  .describe("One problem with one place in the request.");

export const errorBodySchema = z
  .object({
    code: z.string().describe("Stable; branch on this, never on the message."),
    message: z.string().describe("For people: what went wrong and what to do about it."),
    details: z.array(errorDetailSchema).describe("Every problem found, for validation errors; else empty."),
  })
  .describe("The body of every API error.");

export const readingsAcceptedSchema = z
  .object({
    accepted: z.int().min(1).describe("Readings accepted; always every reading sent."),
    workoutIds: z.array(z.uuid()).describe("The workouts the readings were attached to."),
  })
  .describe("Kafka has stored every reading of the request.");

export const workoutSchema = z
  .object({
    id: z.uuid(),
    sport: z.string(),
    status: z.enum(["ACTIVE", "ENDED"]),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable().describe("null while the workout is active."),
  })
  .describe("A workout of the calling device.");

const skippedCount = (description: string) => z.int().min(0).describe(description);

export const skippedSamplesSchema = z
  .object({
    noHeartRate: skippedCount("Records without a heart rate (GPS-only points, strap not yet paired)."),
    outOfRange: skippedCount(
      `Heart rates outside ${BPM_MIN}-${BPM_MAX} bpm, e.g. the 0 a strap writes when it loses contact.`,
    ),
    noTimestamp: skippedCount("Heart rates without a usable absolute time (missing, unparseable, device-relative)."),
    duplicateTimestamp: skippedCount("Later samples at a time already taken; the first in the file wins."),
  })
  .describe("Samples the file had but the import left out, by reason.");

export const importResultSchema = z
  .object({
    workoutId: z.uuid().describe("The ended workout the readings belong to; the same on every import of the file."),
    format: z.enum(["fit", "tcx", "gpx"]).describe("The format, detected from the content, never from the name."),
    sport: z
      .string()
      .describe('Lower-case snake_case from the FIT profile\'s sport list ("running", "cycling"); "other" if unknown.'),
    accepted: z.int().min(1).describe("Readings Kafka has stored: every usable sample, one per timestamp."),
    skipped: skippedSamplesSchema,
  })
  .describe("Kafka has stored every reading of the imported workout.");

export const dependencyStatusSchema = z.object({
  name: z.enum(DEPENDENCIES),
  ok: z.boolean(),
  latencyMs: z.number().min(0),
  detail: z.string().describe("What the check saw when ok, or why it failed."),
});

export const healthReportSchema = z
  .object({
    ok: z.boolean(),
    checkedAt: z.iso.datetime(),
    dependencies: z.array(dependencyStatusSchema),
  })
  .describe("Kafka, HDFS and PostgreSQL, each checked with a timeout.");

export const healthUnavailableSchema = z
  .object({
    code: z.literal("DEPENDENCY_UNAVAILABLE"),
    message: z.string(),
    details: healthReportSchema,
  })
  .describe("At least one dependency did not answer; details is the full health report.");

export const ingestAckSchema = z
  .discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), accepted: z.int().min(1) }),
    z.object({
      ok: z.literal(false),
      error: errorBodySchema.extend({
        retryAfterSeconds: z
          .int()
          .min(1)
          .optional()
          .describe("With RATE_LIMITED and KAFKA_UNAVAILABLE: seconds to wait before sending the same batch again."),
      }),
    }),
  ])
  .describe("What a socket.io acknowledgement callback receives.");
