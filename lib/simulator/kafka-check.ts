import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import { TOPICS } from "@/lib/pipeline/names";
import { decodeReadingsMessage } from "@/lib/readings/readings-message";

/** Partition → next offset. */
export type EndOffsets = Map<number, number>;

/** What the simulated devices left on heartrate.readings. */
export interface KafkaCount {
  messages: number;
  readings: number;
  /** Distinct reading ids: the readings that survive dedupe downstream. */
  ids: Set<string>;
}

export async function readingsEndOffsets(kafka: Kafka): Promise<EndOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(TOPICS.readings)) return new Map();
    const offsets = await admin.fetchTopicOffsets(TOPICS.readings);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads the topic from `from` to its current end and counts the readings of
 * the given devices. Others write to the same topic meanwhile, so the device
 * ids, not the offsets, say which messages are ours.
 */
export async function countDeviceReadings(kafka: Kafka, from: EndOffsets, deviceIds: ReadonlySet<string>) {
  const until = await readingsEndOffsets(kafka);
  const pending = new Map([...until].filter(([p, end]) => end > (from.get(p) ?? 0)));
  const count: KafkaCount = { messages: 0, readings: 0, ids: new Set() };
  if (pending.size === 0) return count;
  const groupId = `heartlake-simulate-check-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.readings });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ partition, message }) => {
        const decoded = decodeReadingsMessage(message.value);
        if (decoded.ok && deviceIds.has(decoded.message.deviceId)) {
          count.messages += 1;
          count.readings += decoded.message.readings.length;
          for (const reading of decoded.message.readings) count.ids.add(reading.id);
        }
        if (Number(message.offset) + 1 >= (pending.get(partition) ?? 0)) pending.delete(partition);
        if (pending.size === 0) resolve();
        return Promise.resolve();
      },
    });
  });
  // Start each partition where the run began rather than at the group's (new, empty) position.
  consumer.on(consumer.events.GROUP_JOIN, () => {
    for (const [partition] of pending) {
      consumer.seek({ topic: TOPICS.readings, partition, offset: String(from.get(partition) ?? 0) });
    }
  });
  try {
    await withTimeout(done, READ_TIMEOUT_MS);
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return count;
}

/** Reading back a few hundred thousand readings takes seconds; a minute means something is stuck. */
const READ_TIMEOUT_MS = 60_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${TOPICS.readings} back took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The throwaway group would otherwise linger in the admin's group list. */
async function deleteGroup(kafka: Kafka, groupId: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } catch {
    // Best effort: an empty group expires on its own.
  } finally {
    await admin.disconnect();
  }
}
