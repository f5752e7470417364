import { handleReadingsPost } from "@/lib/ingest/handle-readings-post";

export const dynamic = "force-dynamic";

/** One reading, a batch of up to 1,000, NDJSON, or the legacy watch payload; 202 once Kafka has them. */
export function POST(request: Request): Promise<Response> {
  return handleReadingsPost(request);
}
