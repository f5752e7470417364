import { z } from "zod";
import { createdAtSchema } from "./created-at";
import { typeError } from "./issues";
import { bpmSchema, strictItem, type NormalizedReading } from "./reading-schema";
import { withinTimeWindow, type ServerTime } from "./timestamp";

/** Keys that only the legacy watch payload has; one of them marks a body as legacy. */
export const LEGACY_KEYS = ["playerId", "heartbeat", "createdAt"] as const;

const playerIdSchema = z
  .string({ error: typeError("a string") })
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters");

/**
 * The legacy watch payload, unchanged:
 * `{"playerId": "p-17", "heartbeat": 128.0, "createdAt": [2023, 11, 23, 14, 5, 9, 123000000]}`.
 * createdAt has no zone, so it is read in the device's configured zone.
 */
export function legacyReadingSchema(now: ServerTime, timeZone: string) {
  return strictItem({
    playerId: playerIdSchema,
    heartbeat: bpmSchema,
    createdAt: createdAtSchema(timeZone).pipe(withinTimeWindow(now)),
  }).transform(({ playerId, heartbeat, createdAt }): NormalizedReading => ({
    ts: createdAt,
    bpm: heartbeat,
    externalId: playerId,
  }));
}
