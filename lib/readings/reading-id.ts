import { createHash } from "node:crypto";

// Fixed forever: changing it changes every reading id and breaks deduplication
// against readings already stored. Random, so no other scheme shares it.
const READING_ID_NAMESPACE = "b668bad7-b157-41d3-9b8e-6874fa3e18fd";

/**
 * The id of a reading: a UUID (version 8, SHA-256 based, RFC 9562) derived
 * from the device and the whole second of the timestamp, never random.
 *
 * Why: the dedupe rule is "same device, same second = same reading, first
 * stored wins". A watch that retries a request, or a replayed Kafka message,
 * yields the same ids, so an insert keyed on the id is idempotent and nothing
 * is counted twice. Whole seconds because watches sample once per second and
 * a retry may re-stamp a reading with a different millisecond.
 */
export function readingId(deviceId: string, tsMs: number): string {
  if (deviceId === "") throw new TypeError("deviceId must not be empty");
  if (!Number.isFinite(tsMs)) throw new RangeError(`tsMs must be finite, got ${tsMs}`);
  const second = Math.floor(tsMs / 1000);
  // JSON framing keeps (device, second) pairs unambiguous whatever the device id contains.
  const hash = createHash("sha256")
    .update(READING_ID_NAMESPACE)
    .update(JSON.stringify([deviceId, second]))
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80; // version 8
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
