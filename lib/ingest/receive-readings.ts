import { AppError } from "@/lib/api/app-error";
import {
  parseReadingsRequest,
  parseReadingsValue,
  type ParseReadingsOptions,
  type ParseReadingsResult,
} from "@/lib/readings/parse-readings-request";
import { READINGS_ERROR_STATUS } from "@/lib/readings/readings-error";
import { authenticateDeviceInBatch } from "./authenticate-in-batch";
import { ingestReadings } from "./ingest-readings";
import type { IngestRuntime } from "./ingest-runtime";

/** A raw HTTP body, or a JSON value a transport has already parsed (socket.io). */
export type ReadingsPayload = { contentType: string | null | undefined; body: Uint8Array | string } | { json: unknown };

export type ReadingsDelivery = ReadingsPayload & {
  /** The device token, from the Authorization header or the socket handshake. */
  token: string | undefined;
  requestId: string;
};

/**
 * Everything between a transport and Kafka, the same for HTTP and socket.io:
 * who is sending, may they, is the payload valid (all or nothing), then ingest.
 * Every refusal is an AppError with a stable code.
 */
export async function receiveReadings(runtime: IngestRuntime, delivery: ReadingsDelivery) {
  const now = Date.now();
  const device = await authenticateDeviceInBatch(runtime.deps.prisma, delivery.token);
  runtime.rateLimiter.take(device.id, now);
  const parsed = parsePayload(delivery, { now, timeZone: device.timeZone });
  if (!parsed.ok) {
    const { code, message, details } = parsed.error;
    throw new AppError(code, message, READINGS_ERROR_STATUS[code], details);
  }
  return ingestReadings(runtime.deps, device, parsed.readings, { receivedAt: now, requestId: delivery.requestId });
}

function parsePayload(payload: ReadingsPayload, options: ParseReadingsOptions): ParseReadingsResult {
  return "json" in payload ? parseReadingsValue(payload.json, options) : parseReadingsRequest(payload, options);
}
