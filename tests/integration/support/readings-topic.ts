import { randomUUID } from "node:crypto";
import { createKafka } from "@/lib/kafka/client";
import { TOPICS } from "@/lib/pipeline/names";
import { decodeReadingsMessage, type ReadingsMessage } from "@/lib/readings/readings-message";

/** A message as it sits on heartrate.readings, decoded, with its key. */
export interface TopicMessage {
  key: string;
  partition: number;
  message: ReadingsMessage;
  headers: Record<string, string>;
}

const kafka = createKafka({ clientId: "heartlake-test-reader" });

/** The topic's end offsets now, so a test can read just what it wrote after. */
export async function readingsEndOffsets(): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(TOPICS.readings)) return new Map();
    const offsets = await admin.fetchTopicOffsets(TOPICS.readings);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every message written since `from` (end offsets taken earlier) for one
 * device. Other test files write to the same topic concurrently, so the
 * device id is what isolates a test's messages.
 */
export async function readDeviceMessages(from: Map<number, number>, deviceId: string): Promise<TopicMessage[]> {
  const until = await readingsEndOffsets();
  const pending = new Map([...until].filter(([p, end]) => end > (from.get(p) ?? 0)));
  if (pending.size === 0) return [];
  const found: TopicMessage[] = [];
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.readings });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const decoded = decodeReadingsMessage(message.value);
        if (decoded.ok && decoded.message.deviceId === deviceId) {
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
          found.push({ key: String(message.key), partition, message: decoded.message, headers });
        }
        if (Number(message.offset) + 1 >= (pending.get(partition) ?? 0)) pending.delete(partition);
        if (pending.size === 0) resolve();
      },
    });
  });
  consumer.on(consumer.events.GROUP_JOIN, () => {
    for (const [partition] of pending)
      consumer.seek({ topic: TOPICS.readings, partition, offset: String(from.get(partition) ?? 0) });
  });
  await done;
  await consumer.disconnect();
  return found;
}
