import { hash } from "node:crypto";

// Fixed forever: changing it changes every reading id and breaks deduplication
// against readings already stored. Random, so no other scheme shares it.
const READING_ID_NAMESPACE = "b668bad7-b157-41d3-9b8e-6874fa3e18fd";

// The variant's hex digit: the top two bits of byte 8 become 10 (RFC 9562).
const VARIANT_DIGITS = "89ab89ab89ab89ab";

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
  // JSON framing keeps (device, second) pairs unambiguous whatever the device
  // id contains. One-shot hash of the same bytes: it runs for every reading.
  const hex = hash("sha256", READING_ID_NAMESPACE + JSON.stringify([deviceId, second]), "hex");
  const variant = VARIANT_DIGITS[parseInt(hex.charAt(16), 16)] ?? "8";
  // Version 8 replaces the first digit of byte 6; the variant, that of byte 8.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
