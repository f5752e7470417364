import { readBodyCapped } from "@/lib/api/read-body";
import { toErrorResponse } from "@/lib/api/error-response";
import { requestIdOf } from "@/lib/api/request-id";
import { bearerToken } from "@/lib/devices/device-token";
import { getIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { receiveReadings } from "@/lib/ingest/receive-readings";
import { MAX_BODY_BYTES } from "@/lib/readings/reading-rules";

export const dynamic = "force-dynamic";

/** One reading, a batch of up to 1,000, NDJSON, or the legacy watch payload; 202 once Kafka has them. */
export async function POST(request: Request) {
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
