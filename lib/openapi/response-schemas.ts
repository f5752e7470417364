import { z } from "zod";
import { DEPENDENCIES } from "@/lib/health/check-health";

/**
 * What the API answers. The routes build these bodies from TypeScript types
 * (ErrorBody, WorkoutRef, HealthReport, IngestAck) rather than validating
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
    z.object({ ok: z.literal(false), error: errorBodySchema }),
  ])
  .describe("What a socket.io acknowledgement callback receives.");
