import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/prisma";
import { createKafka } from "@/lib/kafka/client";
import { createReadingsPublisher } from "@/lib/kafka/readings-publisher";
import { pipelineNames } from "@/lib/pipeline/names";
import type { IngestDeps } from "./ingest-readings";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";

/** What the HTTP routes and the socket.io namespace share in one process. */
export interface IngestRuntime {
  deps: IngestDeps;
  rateLimiter: RateLimiter;
}

// Route handlers are bundled apart from server.ts; globalThis gives both the
// same producer and the same rate limits.
const shared = globalThis as unknown as { heartlakeIngest?: IngestRuntime };

export function getIngestRuntime(): IngestRuntime {
  shared.heartlakeIngest ??= createIngestRuntime();
  return shared.heartlakeIngest;
}

/** Disconnects the producer, if one was ever made (server shutdown). */
export async function closeIngestRuntime(): Promise<void> {
  await shared.heartlakeIngest?.deps.publisher.disconnect();
  shared.heartlakeIngest = undefined;
}

function createIngestRuntime(): IngestRuntime {
  const config = getConfig();
  const publisher = createReadingsPublisher(createKafka(), {
    topic: pipelineNames(config.PIPELINE_NAMESPACE).topics.readings,
    partitions: config.KAFKA_READINGS_PARTITIONS,
    maxInFlight: 64,
    maxWaiting: 2_000,
    timeoutMs: config.KAFKA_PUBLISH_TIMEOUT_MS,
  });
  return {
    deps: { prisma: getPrisma(), publisher, sessionGapMs: config.SESSION_GAP_MINUTES * 60_000 },
    rateLimiter: createRateLimiter({ perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST }),
  };
}
