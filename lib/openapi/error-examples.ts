import { AppError } from "@/lib/api/app-error";
import type { ErrorBody } from "@/lib/api/error-response";
import { createRateLimiter } from "@/lib/ingest/rate-limiter";
import { parseReadingsRequest } from "@/lib/readings/parse-readings-request";
import { DEFAULT_MAX_BATCH, MAX_BODY_BYTES } from "@/lib/readings/reading-rules";
import type { ReadingsErrorCode } from "@/lib/readings/readings-error";
import { startWorkoutSchema } from "@/lib/workouts/workouts";
import type { END_WORKOUT_ERRORS, READINGS_ENDPOINT_ERRORS, START_WORKOUT_ERRORS } from "./error-codes";
import { EXAMPLE_NOW, EXAMPLE_TIME_ZONE, EXAMPLE_WORKOUT_ID, READING_EXAMPLE } from "./examples";

/**
 * One example error body per code and endpoint. Where the code that raises an
 * error is pure (the readings parser, the rate limiter, the workout schema)
 * the example is what it really answers, so messages cannot drift from the docs.
 */

export const errorBody = (code: string, message: string, details: ErrorBody["details"] = []): ErrorBody => ({
  code,
  message,
  details,
});

export const AUTH_EXAMPLES = {
  MISSING_TOKEN: errorBody("MISSING_TOKEN", "Send the device token as `Authorization: Bearer <token>`."),
  INVALID_TOKEN: errorBody("INVALID_TOKEN", "This device token is not known; pair the watch again."),
  TOKEN_REVOKED: errorBody("TOKEN_REVOKED", "This device token was revoked; pair the watch again."),
};

export const INTERNAL_EXAMPLE = errorBody("INTERNAL", "Something went wrong on our side; try again.");

export const KAFKA_UNAVAILABLE_EXAMPLE = errorBody(
  "KAFKA_UNAVAILABLE",
  "Readings could not be stored right now (no acknowledgement within 10000 ms); retry later.",
);

/** What the readings parser answers for `payload`, at EXAMPLE_NOW. */
function parserError(payload: string, contentType = "application/json"): ErrorBody {
  const result = parseReadingsRequest(
    { contentType, body: payload },
    { now: EXAMPLE_NOW, timeZone: EXAMPLE_TIME_ZONE },
  );
  if (result.ok) throw new Error(`example payload was accepted: ${payload.slice(0, 80)}`);
  return result.error;
}

function readingsParserExamples(): Record<ReadingsErrorCode, ErrorBody> {
  const fine = (i: number) => ({ ...READING_EXAMPLE, ts: Date.parse(READING_EXAMPLE.ts) + i * 1000 });
  const withBadBpm = [0, 1, 2, 3].map((i) => (i === 3 ? { ...fine(i), bpm: 300 } : fine(i)));
  return {
    INVALID_JSON: parserError('{"ts": "2023-11-23T14:05:09.123Z", "bpm": 128'),
    UNSUPPORTED_CONTENT_TYPE: parserError(JSON.stringify(READING_EXAMPLE), "text/plain"),
    VALIDATION_FAILED: parserError(JSON.stringify({ readings: withBadBpm })),
    EMPTY_BATCH: parserError(JSON.stringify({ readings: [] })),
    BATCH_TOO_LARGE: parserError(JSON.stringify({ readings: Array.from({ length: DEFAULT_MAX_BATCH + 1 }, fine) })),
    // The route caps the body while reading it, before the parser sees it (lib/api/read-body.ts).
    PAYLOAD_TOO_LARGE: errorBody(
      "PAYLOAD_TOO_LARGE",
      `Body is larger than ${MAX_BODY_BYTES} bytes; split it into smaller requests.`,
    ),
  };
}

function rateLimitedExample(): ErrorBody {
  const limiter = createRateLimiter({ perSecond: 20, burst: 1 });
  try {
    limiter.take("device", 0);
    limiter.take("device", 0);
  } catch (err) {
    if (AppError.is(err)) return errorBody(err.code, err.message, err.details);
  }
  throw new Error("the rate limiter let a burst through");
}

export function readingsErrorExamples(): Record<keyof typeof READINGS_ENDPOINT_ERRORS, ErrorBody> {
  return {
    ...readingsParserExamples(),
    ...AUTH_EXAMPLES,
    WORKOUT_NOT_FOUND: errorBody("WORKOUT_NOT_FOUND", "Some readings name a workout this device does not have.", [
      { index: 0, field: "workoutId", message: `workout ${EXAMPLE_WORKOUT_ID} not found for this device` },
    ]),
    RATE_LIMITED: rateLimitedExample(),
    KAFKA_UNAVAILABLE: KAFKA_UNAVAILABLE_EXAMPLE,
    INTERNAL: INTERNAL_EXAMPLE,
  };
}

/** The details lib/api/read-json.ts builds from a zod error. */
function startWorkoutValidationExample(): ErrorBody {
  const parsed = startWorkoutSchema.safeParse({ sport: "", distance: 5 });
  if (parsed.success) throw new Error("the invalid workout example was accepted");
  const details = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
  return errorBody("VALIDATION_FAILED", "The body is not valid; see details.", details);
}

export function startWorkoutErrorExamples(): Record<keyof typeof START_WORKOUT_ERRORS, ErrorBody> {
  return {
    ...AUTH_EXAMPLES,
    INVALID_JSON: errorBody("INVALID_JSON", "Body is not valid JSON."),
    PAYLOAD_TOO_LARGE: errorBody(
      "PAYLOAD_TOO_LARGE",
      "Body is larger than 16384 bytes; split it into smaller requests.",
    ),
    UNSUPPORTED_CONTENT_TYPE: errorBody("UNSUPPORTED_CONTENT_TYPE", "Send JSON with Content-Type: application/json."),
    VALIDATION_FAILED: startWorkoutValidationExample(),
    INTERNAL: INTERNAL_EXAMPLE,
  };
}

export function endWorkoutErrorExamples(): Record<keyof typeof END_WORKOUT_ERRORS, ErrorBody> {
  return {
    ...AUTH_EXAMPLES,
    WORKOUT_NOT_FOUND: errorBody("WORKOUT_NOT_FOUND", `workout ${EXAMPLE_WORKOUT_ID} not found for this device`),
    INTERNAL: INTERNAL_EXAMPLE,
  };
}
