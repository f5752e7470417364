import type { Admin } from "kafkajs";

/**
 * Creates the topics the rollup reads and writes when they are missing
 * (auto-creation is off on our brokers, so a worker started before the API
 * would otherwise fail). Existing topics are left as they are.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
    waitForLeaders: true,
  });
}

/** The first offset still in each partition's log (retention moves it forward). */
export async function getLogStartOffsets(admin: Admin, topic: string): Promise<Map<number, number>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.low)]));
}
