/**
 * The one error type lib/ throws for anything a caller can act on. `code` is
 * stable (clients switch on it); `status` is the HTTP status it maps to.
 */
export interface ErrorDetail {
  /** Index of the bad item in a batch, when there is one. */
  index?: number;
  /** NDJSON bodies: the 1-based line of the problem. */
  line?: number;
  /** Dotted path of the bad field, e.g. `readings[3].bpm`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    /** Seconds the client should wait before retrying (503, 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const unauthorized = (message: string) => new AppError("UNAUTHORIZED", message, 401);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`, 404);
