import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// An outage should turn into a 503 quickly, not after the production default.
process.env.KAFKA_PUBLISH_TIMEOUT_MS = "3000";
// kafkajs logs every refused connection while Kafka is down on purpose.
process.env.LOG_LEVEL = "fatal";
