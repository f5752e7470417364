import { MAX_BODY_BYTES } from "./reading-rules";

/** Stable codes a client can branch on; never rename one, only add. */
export const READINGS_ERROR_CODES = [
  "INVALID_JSON",
  "UNSUPPORTED_CONTENT_TYPE",
  "VALIDATION_FAILED",
  "EMPTY_BATCH",
  "BATCH_TOO_LARGE",
  "PAYLOAD_TOO_LARGE",
] as const;

export type ReadingsErrorCode = (typeof READINGS_ERROR_CODES)[number];

/** The HTTP status the API answers each code with. */
export const READINGS_ERROR_STATUS = {
  INVALID_JSON: 400,
  UNSUPPORTED_CONTENT_TYPE: 415,
  VALIDATION_FAILED: 422,
  EMPTY_BATCH: 422,
  BATCH_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
} as const satisfies Record<ReadingsErrorCode, 400 | 413 | 415 | 422>;

/** One problem with one place in the request. */
export interface ReadingIssue {
  /** Position of the reading in the batch (0-based); absent for request-level problems. */
  index?: number;
  /** NDJSON only: the 1-based line of the body the problem is on. */
  line?: number;
  /** Path inside the reading, e.g. `bpm` or `createdAt[2]`; `reading` for the reading as a whole. */
  field: string;
  /** Self-contained and actionable, e.g. `readings[3].bpm: must be between 25 and 250, got 300`. */
  message: string;
}

/** Why a request was rejected; nothing in it was accepted. */
export interface ReadingsError {
  code: ReadingsErrorCode;
  message: string;
  details: ReadingIssue[];
}

export interface ReadingsFailure {
  ok: false;
  error: ReadingsError;
}

export function failure(code: ReadingsErrorCode, message: string, details: ReadingIssue[] = []): ReadingsFailure {
  return { ok: false, error: { code, message, details } };
}

/**
 * Rejects bodies over the limit. The route calls it with Content-Length before
 * reading the body, and the parser again with the bytes actually received.
 */
export function checkBodySize(byteLength: number, maxBytes: number = MAX_BODY_BYTES): ReadingsFailure | null {
  if (byteLength <= maxBytes) return null;
  return failure(
    "PAYLOAD_TOO_LARGE",
    `body is ${byteLength} bytes; at most ${maxBytes} bytes are accepted, send fewer readings per request`,
  );
}
