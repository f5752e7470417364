import { AppError } from "./app-error";

/** The JSON body every API error has. */
export interface ErrorBody {
  code: string;
  message: string;
  details: AppError["details"];
}

/**
 * Maps any error to an HTTP response. AppErrors keep their code, status and
 * details; anything else is a generic 500 that reveals nothing (the cause is
 * logged server-side).
 */
export function toErrorResponse(error: unknown, requestId?: string): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (requestId) headers["x-request-id"] = requestId;
  if (AppError.is(error)) {
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    const body: ErrorBody = { code: error.code, message: error.message, details: error.details };
    return Response.json(body, { status: error.status, headers });
  }
  console.error(`[api] unexpected error${requestId ? ` (request ${requestId})` : ""}:`, error);
  const body: ErrorBody = { code: "INTERNAL", message: "Something went wrong on our side; try again.", details: [] };
  return Response.json(body, { status: 500, headers });
}
