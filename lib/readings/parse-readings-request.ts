import { readingsFromJson, type ItemSchemas } from "./json-body";
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

// Building the zod schemas cost more than using them (120-180 µs for a
// one-reading request), so they are built once. Server time differs per
// request: the schemas read it from `serverNow`, which atServerTime sets
// right before a parse. Parsing is synchronous from there to the result, so
// no other request can run in between and see the wrong time.
let serverNow = 0;
const readServerNow = () => serverNow;
const readingItem = readingSchema(readServerNow);
// One legacy schema per device zone (createdAt is read in it); zones are few.
const legacyItems = new Map<string, ItemSchemas["legacy"]>();
const MAX_CACHED_ZONES = 1_000;

/**
 * Parses and validates a `POST /api/v1/readings` request in any accepted
 * format into normalized readings, all or nothing. Checks run cheapest first:
 * content type, size, syntax, item count, then every item. An unknown
 * `timeZone` throws: it is server configuration, not the client's fault.
 */
export function parseReadingsRequest(request: ReadingsRequest, options: ParseReadingsOptions): ParseReadingsResult {
  const schemas = itemSchemasFor(options.timeZone);
  const format = bodyFormatOf(request.contentType);
  if (!format.ok) return format;
  const decoded = decodeBody(request.body, options.maxBytes ?? MAX_BODY_BYTES);
  if (!decoded.ok) return decoded;
  if (format.format === "ndjson") {
    const maxLines = options.maxLines ?? DEFAULT_MAX_NDJSON_LINES;
    return atServerTime(options.now, () => readingsFromNdjson(decoded.text, schemas.reading, maxLines));
  }
  const body = parseJson(decoded.text);
  if (!body.ok) return failure("INVALID_JSON", body.message);
  return parseReadingsValue(body.value, options);
}

/**
 * The same checks for a JSON body that arrived already parsed (a socket.io
 * payload), so it is not serialized only to be parsed again. `value` must be
 * plain JSON data, as JSON.parse returns it.
 */
export function parseReadingsValue(value: unknown, options: ParseReadingsOptions): ParseReadingsResult {
  const schemas = itemSchemasFor(options.timeZone);
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  return atServerTime(options.now, () => readingsFromJson(value, schemas, maxBatch));
}

function itemSchemasFor(timeZone = "UTC"): ItemSchemas {
  let legacy = legacyItems.get(timeZone);
  if (!legacy) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
    if (legacyItems.size >= MAX_CACHED_ZONES) legacyItems.clear();
    legacy = legacyReadingSchema(readServerNow, timeZone);
    legacyItems.set(timeZone, legacy);
  }
  return { reading: readingItem, legacy };
}

function atServerTime(now: number, parse: () => ParseReadingsResult): ParseReadingsResult {
  serverNow = now;
  return parse();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: false, message: 'body is empty; send a reading or {"readings": [...]}' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `body is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}
