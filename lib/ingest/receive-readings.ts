import { AppError } from "@/lib/api/app-error";
import { authenticateDevice } from "@/lib/devices/devices";
import { parseReadingsRequest } from "@/lib/readings/parse-readings-request";
import { READINGS_ERROR_STATUS } from "@/lib/readings/readings-error";
import { ingestReadings } from "./ingest-readings";
import type { IngestRuntime } from "./ingest-runtime";

export interface ReadingsDelivery {
  /** The device token, from the Authorization header or the socket handshake. */
  token: string | undefined;
  contentType: string | null | undefined;
  body: Uint8Array | string;
  requestId: string;
}

/**
 * Everything between a transport and Kafka, the same for HTTP and socket.io:
 * who is sending, may they, is the payload valid (all or nothing), then ingest.
 * Every refusal is an AppError with a stable code.
 */
export async function receiveReadings(runtime: IngestRuntime, delivery: ReadingsDelivery) {
  const now = Date.now();
  const device = await authenticateDevice(runtime.deps.prisma, delivery.token);
  runtime.rateLimiter.take(device.id, now);
  const parsed = parseReadingsRequest(
    { contentType: delivery.contentType, body: delivery.body },
    { now, timeZone: device.timeZone },
  );
  if (!parsed.ok) {
    const { code, message, details } = parsed.error;
    throw new AppError(code, message, READINGS_ERROR_STATUS[code], details);
  }
  return ingestReadings(runtime.deps, device, parsed.readings, { receivedAt: now, requestId: delivery.requestId });
}
