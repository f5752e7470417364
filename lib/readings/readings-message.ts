import { z } from "zod";
import { readingId } from "./reading-id";
import { BPM_MAX, BPM_MIN } from "./reading-rules";
import type { NormalizedReading } from "./reading-schema";

const messageReadingSchema = z.object({
  /** readingId(deviceId, ts): the dedupe key downstream. */
  id: z.uuid(),
  ts: z.int(),
  bpm: z.number().min(BPM_MIN).max(BPM_MAX),
  /** Legacy `playerId`, carried so the lake can trace a reading back to the watch. */
  externalId: z.string().min(1).optional(),
});

/**
 * Version 1 of the readings topic's message: readings of one device and one
 * workout, as accepted by one API request. Objects are not strict: a producer
 * may add an optional field without a version bump and older workers ignore
 * it; anything a v1 consumer would misread needs `v: 2`.
 */
export const readingsMessageV1Schema = z.object({
  v: z.literal(1),
  userId: z.string().min(1),
  deviceId: z.string().min(1),
  workoutId: z.uuid(),
  /** When the API accepted the request, epoch ms. */
  receivedAt: z.int().nonnegative(),
  /** The HTTP request id, to follow one upload across logs, Kafka and the lake. */
  requestId: z.string().min(1).optional(),
  readings: z.array(messageReadingSchema).min(1),
});

/** A decoded readings message. */
export type ReadingsMessage = z.infer<typeof readingsMessageV1Schema>;

/** Envelope fields of a message; the readings are added by createReadingsMessage. */
export type ReadingsMessageMeta = Omit<ReadingsMessage, "v" | "readings">;

/** Builds the message for one workout's readings, giving each its deterministic id. */
export function createReadingsMessage(
  meta: ReadingsMessageMeta,
  readings: readonly NormalizedReading[],
): ReadingsMessage {
  return {
    v: 1,
    ...meta,
    readings: readings.map(({ ts, bpm, externalId }) => ({
      id: readingId(meta.deviceId, ts),
      ts,
      bpm,
      ...(externalId !== undefined && { externalId }),
    })),
  };
}

/** A message's envelope: everything but its readings. */
const envelopeSchema = readingsMessageV1Schema.omit({ readings: true });

type MessageReading = ReadingsMessage["readings"][number];

/**
 * The Kafka message value. Checks first and throws on a bad message: a
 * producer bug must fail the request, not poison the topic. The envelope
 * goes through zod; the readings, up to 1,000 a message, through the same
 * rules written out, because zod (a UUID regex per id) cost more than the
 * rest of the encoding. decodeReadingsMessage keeps the full schema.
 */
export function encodeReadingsMessage(message: ReadingsMessage): string {
  const envelope = envelopeSchema.parse(message);
  if (!Array.isArray(message.readings) || message.readings.length === 0) {
    throw new TypeError("readings message: readings must hold at least one reading");
  }
  // Rebuilt field by field, as zod's parse did: unknown keys never reach the topic.
  return JSON.stringify({ ...envelope, readings: message.readings.map(checkedReading) });
}

function checkedReading(reading: MessageReading, index: number): MessageReading {
  const problem = readingProblem(reading);
  if (problem) throw new TypeError(`readings message: readings[${index}].${problem}`);
  const { id, ts, bpm, externalId } = reading;
  return externalId === undefined ? { id, ts, bpm } : { id, ts, bpm, externalId };
}

/** messageReadingSchema's rules, minus the UUID regex: ids come from readingId. */
function readingProblem({ id, ts, bpm, externalId }: MessageReading): string | null {
  if (typeof id !== "string" || id.length !== 36) return "id must be a UUID";
  if (!Number.isSafeInteger(ts)) return "ts must be whole epoch milliseconds";
  if (typeof bpm !== "number" || !(bpm >= BPM_MIN && bpm <= BPM_MAX)) {
    return `bpm must be between ${BPM_MIN} and ${BPM_MAX}`;
  }
  if (externalId !== undefined && (typeof externalId !== "string" || externalId === "")) {
    return "externalId must be a non-empty string";
  }
  return null;
}

/** Why a message went to the dead-letter topic; stable, used as a header and a metric label. */
export const DECODE_FAILURE_REASONS = ["UNDECODABLE", "INVALID_JSON", "UNKNOWN_VERSION", "INVALID_FIELDS"] as const;

export type DecodeFailureReason = (typeof DECODE_FAILURE_REASONS)[number];

/** Why a message could not be decoded, and what exactly was wrong, for the dead-letter record. */
export interface DecodeFailure {
  ok: false;
  reason: DecodeFailureReason;
  detail: string;
}

export type DecodeReadingsResult = { ok: true; message: ReadingsMessage } | DecodeFailure;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a Kafka message value; never throws, so one bad message cannot stop the worker. */
export function decodeReadingsMessage(value: Uint8Array | string | null | undefined): DecodeReadingsResult {
  const text = decodeText(value);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.text);
  } catch (err) {
    return fail("INVALID_JSON", err instanceof Error ? err.message : String(err));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return fail("INVALID_FIELDS", "message is not a JSON object");
  }
  const version = "v" in json ? json.v : undefined;
  if (version !== 1) {
    return fail("UNKNOWN_VERSION", `v is ${JSON.stringify(version) ?? "missing"}; this consumer reads v 1`);
  }
  const parsed = readingsMessageV1Schema.safeParse(json);
  if (!parsed.success) return fail("INVALID_FIELDS", describeIssues(parsed.error));
  return { ok: true, message: parsed.data };
}

function decodeText(value: Uint8Array | string | null | undefined): { ok: true; text: string } | DecodeFailure {
  // A null value is a tombstone; nothing on this topic should produce one.
  if (value === null || value === undefined) return fail("UNDECODABLE", "message has no value");
  if (typeof value === "string") return { ok: true, text: value };
  try {
    return { ok: true, text: utf8.decode(value) };
  } catch {
    return fail("UNDECODABLE", "value is not valid UTF-8");
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join(".") || "message"}: ${i.message}`).join("; ");
}

function fail(reason: DecodeFailureReason, detail: string): DecodeFailure {
  return { ok: false, reason, detail };
}
