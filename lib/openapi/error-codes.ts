import { IMPORT_ERROR_STATUS } from "@/lib/imports/import-error";
import { DEFAULT_MAX_IMPORT_BYTES } from "@/lib/imports/parse-workout-file";
import { READINGS_ERROR_STATUS } from "@/lib/readings/readings-error";

/**
 * Which stable error codes each endpoint answers with, and at which status.
 * The readings and import codes come from lib/readings and lib/imports; the
 * others are thrown as string literals elsewhere (devices.ts, read-json.ts,
 * read-body.ts, rate-limiter.ts, readings-publisher.ts, workouts.ts,
 * error-response.ts, app/api/v1/imports/route.ts), and the unit tests provoke
 * each of those to check the code and status listed here.
 */

/** lib/devices/devices.ts authenticateDevice. */
export const AUTH_ERROR_STATUS = { MISSING_TOKEN: 401, INVALID_TOKEN: 401, TOKEN_REVOKED: 401 } as const;
/** lib/api/read-json.ts: small JSON bodies such as a workout start. */
export const JSON_BODY_ERROR_STATUS = {
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_CONTENT_TYPE: 415,
  VALIDATION_FAILED: 422,
} as const;
export const RATE_LIMIT_ERROR_STATUS = { RATE_LIMITED: 429 } as const;
export const KAFKA_ERROR_STATUS = { KAFKA_UNAVAILABLE: 503 } as const;
export const WORKOUT_ERROR_STATUS = { WORKOUT_NOT_FOUND: 404 } as const;
/** lib/api/error-response.ts: anything unexpected; reveals nothing. */
export const INTERNAL_ERROR_STATUS = { INTERNAL: 500 } as const;
/** app/api/v1/imports/route.ts reading the upload: a form without a readable `file` field. */
export const IMPORT_UPLOAD_ERROR_STATUS = { VALIDATION_FAILED: 422 } as const;
/** app/api/health/route.ts. */
export const HEALTH_ERROR_STATUS = { DEPENDENCY_UNAVAILABLE: 503 } as const;

export const READINGS_ENDPOINT_ERRORS = {
  ...READINGS_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
  ...WORKOUT_ERROR_STATUS,
  ...RATE_LIMIT_ERROR_STATUS,
  ...KAFKA_ERROR_STATUS,
  ...INTERNAL_ERROR_STATUS,
} as const;

export const START_WORKOUT_ERRORS = {
  ...AUTH_ERROR_STATUS,
  ...JSON_BODY_ERROR_STATUS,
  ...INTERNAL_ERROR_STATUS,
} as const;

export const END_WORKOUT_ERRORS = {
  ...AUTH_ERROR_STATUS,
  ...WORKOUT_ERROR_STATUS,
  ...INTERNAL_ERROR_STATUS,
} as const;

export const IMPORT_ENDPOINT_ERRORS = {
  ...IMPORT_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
  ...IMPORT_UPLOAD_ERROR_STATUS,
  ...KAFKA_ERROR_STATUS,
  ...INTERNAL_ERROR_STATUS,
} as const;

/** Every code the HTTP API answers with. */
export type ApiErrorCode =
  | keyof typeof READINGS_ENDPOINT_ERRORS
  | keyof typeof START_WORKOUT_ERRORS
  | keyof typeof END_WORKOUT_ERRORS
  | keyof typeof IMPORT_ENDPOINT_ERRORS
  | keyof typeof HEALTH_ERROR_STATUS;

/** What each code means for the client; a code without one fails to compile. */
export const ERROR_CODE_MEANINGS: Readonly<Record<ApiErrorCode, string>> = {
  INVALID_JSON: "The body (or an NDJSON line) is not valid JSON or not UTF-8.",
  UNSUPPORTED_CONTENT_TYPE: "Content-Type is missing or not one the endpoint accepts, or the charset is not UTF-8.",
  VALIDATION_FAILED: "At least one item is invalid; details lists every problem and nothing was accepted.",
  EMPTY_BATCH: "The batch, array or NDJSON body holds no reading.",
  BATCH_TOO_LARGE: "More readings than one request may carry; split it.",
  PAYLOAD_TOO_LARGE: "The body is larger than the endpoint's limit, which its description states.",
  MISSING_TOKEN: "No `Authorization: Bearer <token>` header (or socket.io auth.token).",
  INVALID_TOKEN: "The token is not known; pair the watch again.",
  TOKEN_REVOKED: "The device was revoked; pair the watch again.",
  WORKOUT_NOT_FOUND: "The workout does not exist or belongs to another device.",
  RATE_LIMITED: "Too many requests from this device; wait Retry-After seconds and send batches.",
  KAFKA_UNAVAILABLE: "Readings could not be stored right now; nothing was accepted. Retry after Retry-After seconds.",
  INTERNAL: "Something went wrong on the server; the response reveals nothing more. Retry later.",
  DEPENDENCY_UNAVAILABLE: "Kafka, HDFS or PostgreSQL did not answer.",
  UNSUPPORTED_FORMAT:
    "The file is not FIT, TCX or GPX (judged by its content, not its name), is compressed or archived, or uses " +
    "a FIT feature that cannot be read yet; the message says which.",
  CORRUPT_FILE: "The file is damaged or incomplete (a failed FIT CRC, truncated XML); copy or export it again.",
  NO_HEART_RATE: "The file has no heart-rate sample with a usable time and a bpm in range; nothing was imported.",
  FILE_TOO_LARGE: `The workout file is larger than ${DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024} MiB; nothing was imported.`,
};

/** `{ CODE: status }` → `Map<status, codes>`, statuses ascending, codes in table order. */
export function codesByStatus<Code extends ApiErrorCode>(table: Readonly<Record<Code, number>>): Map<number, Code[]> {
  const byStatus = new Map<number, Code[]>();
  for (const [code, status] of Object.entries(table) as [Code, number][]) {
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
