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

// Next.js bundles route handlers apart from server.ts, so one process can hold
// two copies of this class and `instanceof` fails across them. A registered
// symbol is the same in every copy.
const APP_ERROR = Symbol.for("heartlake.AppError");

export class AppError extends Error {
  override name = "AppError";
  readonly [APP_ERROR] = true;

  /** True for an AppError from any copy of this module; use it instead of instanceof. */
  static is(value: unknown): value is AppError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[APP_ERROR] === true;
  }

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
