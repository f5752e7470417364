import { toErrorResponse } from "@/lib/api/error-response";
import { readBodyCapped } from "@/lib/api/read-body";
import { requestIdOf } from "@/lib/api/request-id";
import { bearerToken } from "@/lib/devices/device-token";
import { MAX_BODY_BYTES } from "@/lib/readings/reading-rules";
import { getIngestRuntime } from "./ingest-runtime";
import { receiveReadings } from "./receive-readings";

/** The path watches post readings to. */
export const READINGS_PATH = "/api/v1/readings";

/**
 * POST /api/v1/readings: one reading, a batch of up to 1,000, NDJSON, or the
 * legacy watch payload; 202 once Kafka has them. The one implementation: the
 * Next.js route handler and server.ts's direct path both call it.
 */
export async function handleReadingsPost(request: Request): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  try {
    const body = await readBodyCapped(request, MAX_BODY_BYTES);
    const { accepted, workoutIds } = await receiveReadings(getIngestRuntime(), {
      token: bearerToken(request.headers.get("authorization")),
      contentType: request.headers.get("content-type"),
      body,
      requestId,
    });
    return Response.json({ accepted, workoutIds }, { status: 202, headers: { "x-request-id": requestId } });
  } catch (err) {
    return toErrorResponse(err, requestId);
  }
}
