import { z } from "zod";
import { typeError } from "./issues";
import { BPM_MAX, BPM_MIN } from "./reading-rules";
import { timestampSchema, type ServerTime } from "./timestamp";

/** A reading as HeartLake keeps it, whichever format it arrived in. */
export interface NormalizedReading {
  /** Epoch milliseconds, UTC. */
  ts: number;
  /** Beats per minute, BPM_MIN to BPM_MAX; may be fractional (legacy watches send doubles). */
  bpm: number;
  /** The workout the client says the reading belongs to (lower-case UUID); else the server sessionizes. */
  workoutId?: string;
  /** The watch's own id for the wearer (legacy `playerId`), kept for tracing only. */
  externalId?: string;
}

/** Beats per minute; zod's number already refuses NaN and ±Infinity. */
export const bpmSchema = z.number({ error: typeError("a number") }).check((ctx) => {
  if (ctx.value < BPM_MIN || ctx.value > BPM_MAX) {
    ctx.issues.push({
      code: "custom",
      message: `must be between ${BPM_MIN} and ${BPM_MAX}, got ${ctx.value}`,
      input: ctx.value,
    });
  }
});

// Lower-cased so that one workout is one string when readings are grouped.
const workoutIdSchema = z.uuid({ error: typeError("a UUID") }).transform((id) => id.toLowerCase());

/** A strict object whose errors name the allowed fields, so a typo is obvious. */
export function strictItem<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `is not a known field; allowed: ${allowed}`
        : typeError("a JSON object")(issue),
  });
}

/** `{ ts, bpm, workoutId? }` → NormalizedReading; `now` bounds `ts`. */
export function readingSchema(now: ServerTime) {
  return strictItem({ ts: timestampSchema(now), bpm: bpmSchema, workoutId: workoutIdSchema.optional() }).transform(
    ({ ts, bpm, workoutId }): NormalizedReading => (workoutId === undefined ? { ts, bpm } : { ts, bpm, workoutId }),
  );
}
