import type { ErrorBody } from "@/lib/api/error-response";
import { schemaRef } from "./component-schemas";
import { codesByStatus, ERROR_CODE_MEANINGS, type ApiErrorCode } from "./error-codes";
import type { HeaderObject, ResponseObject } from "./openapi-types";

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Unauthorized: no valid device token",
  404: "Not found",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable: the body is well-formed but not valid",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** Codes whose responses say when to come back. */
const RETRY_AFTER_CODES = new Set<ApiErrorCode>(["RATE_LIMITED", "KAFKA_UNAVAILABLE", "DEPENDENCY_UNAVAILABLE"]);

export const RETRY_AFTER_HEADER: HeaderObject = {
  description: "Seconds to wait before retrying.",
  required: true,
  schema: { type: "integer", minimum: 1 },
};

/**
 * One response per status in `table`, each listing its stable codes (as an
 * `enum` on `code` and as `x-error-codes`) with one example body per code.
 */
export function errorResponses<Code extends ApiErrorCode>(
  table: Readonly<Record<Code, number>>,
  examples: Readonly<Record<Code, ErrorBody>>,
  headers: Record<string, HeaderObject> = {},
): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  for (const [status, codes] of codesByStatus(table)) {
    const meanings = codes.map((code) => `- \`${code}\`: ${ERROR_CODE_MEANINGS[code]}`);
    const retry = codes.some((code) => RETRY_AFTER_CODES.has(code));
    const allHeaders = retry ? { ...headers, "Retry-After": RETRY_AFTER_HEADER } : headers;
    responses[String(status)] = {
      description: [`${STATUS_TEXT[status] ?? `HTTP ${status}`}.`, meanings.join("\n")].join("\n\n"),
      ...(Object.keys(allHeaders).length > 0 && { headers: allHeaders }),
      content: {
        "application/json": {
          schema: { allOf: [schemaRef("ErrorBody"), { properties: { code: { enum: codes } } }] },
          examples: Object.fromEntries(codes.map((code) => [code, { summary: code, value: examples[code] }])),
        },
      },
      "x-error-codes": codes,
    };
  }
  return responses;
}
