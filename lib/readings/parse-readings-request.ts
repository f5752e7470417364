import { readingsFromJson } from "./json-body";
import { legacyReadingSchema } from "./legacy-reading-schema";
import { readingsFromNdjson } from "./ndjson";
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_NDJSON_LINES, MAX_BODY_BYTES } from "./reading-rules";
import { readingSchema } from "./reading-schema";
import { failure } from "./readings-error";
import { bodyFormatOf, decodeBody } from "./request-body";
import { isValidTimeZone } from "./time-zone";
import type { ParseReadingsResult } from "./validate-items";

export type { ParseReadingsResult } from "./validate-items";

/** What the route hands over from the HTTP request. */
export interface ReadingsRequest {
  /** The Content-Type header as received, if any. */
  contentType: string | null | undefined;
  /** The raw body; bytes are decoded as strict UTF-8. */
  body: Uint8Array | string;
}

export interface ParseReadingsOptions {
  /** Server time, epoch ms: `ts` is checked against it; this module never reads the clock. */
  now: number;
  /** The device's IANA zone, for legacy `createdAt` wall times. Default UTC. */
  timeZone?: string;
  /** Most readings in a JSON batch. Default DEFAULT_MAX_BATCH. */
  maxBatch?: number;
  /** Most non-blank lines in an NDJSON body. Default DEFAULT_MAX_NDJSON_LINES. */
  maxLines?: number;
  /** Largest body in bytes. Default MAX_BODY_BYTES. */
  maxBytes?: number;
}

/**
 * Parses and validates a `POST /api/v1/readings` request in any accepted
 * format into normalized readings, all or nothing. Checks run cheapest first:
 * content type, size, syntax, item count, then every item. An unknown
 * `timeZone` throws: it is server configuration, not the client's fault.
 */
export function parseReadingsRequest(request: ReadingsRequest, options: ParseReadingsOptions): ParseReadingsResult {
  const { now, timeZone = "UTC" } = options;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  const format = bodyFormatOf(request.contentType);
  if (!format.ok) return format;
  const decoded = decodeBody(request.body, options.maxBytes ?? MAX_BODY_BYTES);
  if (!decoded.ok) return decoded;
  if (format.format === "ndjson") {
    return readingsFromNdjson(decoded.text, readingSchema(now), options.maxLines ?? DEFAULT_MAX_NDJSON_LINES);
  }
  const body = parseJson(decoded.text);
  if (!body.ok) return failure("INVALID_JSON", body.message);
  const schemas = { reading: readingSchema(now), legacy: legacyReadingSchema(now, timeZone) };
  return readingsFromJson(body.value, schemas, options.maxBatch ?? DEFAULT_MAX_BATCH);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: false, message: 'body is empty; send a reading or {"readings": [...]}' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `body is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}
